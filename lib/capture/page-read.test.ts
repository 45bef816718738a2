// Issue #13 moved the page read earlier (the popup's first script begins it); issue #8's rule must
// hold in the new order: the extractor is injected only after the never-capture verdict said the
// page may be read, and never on a refused page.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beginPageRead } from './page-read';
import { pendingSelection } from './pending-selection';

const page = 'https://contoso.example/team';
const tab = { id: 7, url: page };
const extraction = { url: page, title: 'Team', candidates: [], truncated: false };

/** The background's privacy/check, answered when the test says so; records what it was asked. */
function verdictOnDemand() {
  const asked: unknown[] = [];
  const answers: ((refusal: { code: string; subject: string; message: string } | null) => void)[] = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((msg: { type: string; data: unknown }) => {
    expect(msg.type).toBe('privacy/check');
    asked.push(msg.data);
    return new Promise((resolve) => answers.push((refusal) => resolve({ ok: true, data: { refusal } })));
  }) as never);
  return { asked, answer: (refusal: Parameters<(typeof answers)[number]>[0]) => answers.shift()!(refusal) };
}

const injections = () => vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([{ frameId: 0, result: extraction, documentId: 'd' }] as never);
/** Lets every promise that can settle settle (storage reads, the message). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

afterEach(() => vi.restoreAllMocks());

describe('beginPageRead: the never-capture verdict comes before the page read', () => {
  it('does not inject the extractor while the verdict is outstanding, and injects it once allowed', async () => {
    const verdict = verdictOnDemand();
    const inject = injections();
    const read = beginPageRead(tab);
    await settle();
    expect(verdict.asked).toEqual([{ sourceUrl: page, emails: [], origin: 'page' }]);
    expect(inject).not.toHaveBeenCalled();
    verdict.answer(null);
    const result = await read;
    expect(result.kind).toBe('page');
    expect(inject).toHaveBeenCalledTimes(1);
    expect(inject).toHaveBeenCalledWith({ target: { tabId: 7 }, files: ['/extractor.js'], injectImmediately: true });
    expect(result.kind === 'page' && (await result.run)).toEqual({ status: 'ran', result: extraction });
  });

  it('never injects the extractor into a never-capture page', async () => {
    const verdict = verdictOnDemand();
    const inject = injections();
    const read = beginPageRead(tab);
    await settle();
    verdict.answer({ code: 'never_domain', subject: 'contoso.example', message: 'contoso.example is on your never-capture list.' });
    expect(await read).toEqual({ kind: 'refused', message: 'contoso.example is on your never-capture list.' });
    await settle();
    expect(inject).not.toHaveBeenCalled();
  });

  it('asks about the page a pending selection came from, and then reads the selection, not the tab', async () => {
    await pendingSelection.setValue({ tabId: 7, url: 'https://other.example/card', text: 'Jan Nowak', at: Date.now() });
    const verdict = verdictOnDemand();
    const inject = injections();
    const read = beginPageRead(tab);
    await settle();
    verdict.answer(null); // the tab's own page
    await settle();
    expect(verdict.asked).toContainEqual({ sourceUrl: 'https://other.example/card', emails: [], origin: 'page' });
    verdict.answer({ code: 'never_domain', subject: 'other.example', message: 'other.example is on your never-capture list.' });
    expect(await read).toEqual({ kind: 'refused', message: 'other.example is on your never-capture list.' });
    expect(inject).not.toHaveBeenCalled();
  });

  it('does not read the page when the never-capture check fails (no answer is no permission)', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    const inject = injections();
    expect(await beginPageRead(tab)).toEqual({ kind: 'unchecked' });
    await settle();
    expect(inject).not.toHaveBeenCalled();
  });
});
