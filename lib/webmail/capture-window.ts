// At most one webmail capture window at a time (issue #18): a request while one is open shows
// the new message in that window and brings it forward, instead of stacking windows. (Drafts are
// kept per message, so the one it was showing keeps its edits.) The window id lives in
// storage.session so a restarted worker still knows it; requests run one after another so two
// quick clicks cannot both find "none open".
import { browser } from '#imports';

const KEY = 'webmail:capture-window';
let queue: Promise<unknown> = Promise.resolve();

/** Shows `url` in the capture window, opening one if none is open. True if it opened one. */
export function showCaptureWindow(url: string): Promise<boolean> {
  const run = queue.then(() => openOrReuse(url));
  queue = run.catch(() => undefined);
  return run;
}

async function openOrReuse(url: string): Promise<boolean> {
  const open: unknown = (await browser.storage.session.get(KEY))[KEY];
  const tabId = typeof open === 'number' ? await browser.windows.get(open, { populate: true }).then((w) => w.tabs?.[0]?.id, () => undefined) : undefined;
  if (typeof open === 'number' && tabId !== undefined) {
    await browser.tabs.update(tabId, { url });
    await browser.windows.update(open, { focused: true });
    return false;
  }
  const created = await browser.windows.create({ url, type: 'popup', width: 600, height: 720 });
  await browser.storage.session.set({ [KEY]: created?.id });
  return true;
}
