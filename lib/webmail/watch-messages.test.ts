// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BUTTON_TAG } from './capture-button';
import { loadFixture, renderThread } from './fixture-doc.test-helper';
import { gmailAdapter } from './gmail/adapter';
import { outlookAdapter } from './outlook/adapter';
import { watchMessages } from './watch-messages';

const running: AbortController[] = [];
afterEach(() => running.splice(0).forEach((c) => c.abort()));

const settle = () => new Promise((r) => setTimeout(r, 30));

function start(doc: Document, adapter = gmailAdapter, onClick = vi.fn()) {
  const ctrl = new AbortController();
  running.push(ctrl);
  const watch = watchMessages({
    adapter, doc, signal: ctrl.signal, delay: 5,
    button: (m) => ({ client: adapter.client, label: 'Capture lead', title: `Capture lead: ${m.key}`, onClick: () => onClick(m.key) }),
  });
  return { ctrl, watch, onClick };
}

const hosts = (doc: Document) => [...doc.querySelectorAll<HTMLElement>(BUTTON_TAG)];

/** The rep's click: the browser marks it trusted (happy-dom has no isTrusted, so we mark it). */
function trustedClick(button: HTMLElement) {
  const click = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
  Object.defineProperty(click, 'isTrusted', { value: true });
  button.dispatchEvent(click);
}

describe('watchMessages', () => {
  it('puts one button after each open message\'s sender and never duplicates it', async () => {
    const doc = loadFixture('gmail', 'FMfcgzQXJWzsconversation', 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWzsconversation');
    const { watch, onClick } = start(doc);
    expect(hosts(doc).map((h) => h.dataset.key)).toEqual(['#msg-f:1790123400000000001', '#msg-f:1790123400000000003']);
    watch.sync();
    watch.sync();
    await settle();
    expect(hosts(doc)).toHaveLength(2);
    const button = hosts(doc)[1].shadowRoot!.querySelector('button')!;
    expect(button.textContent).toBe('Capture lead');
    expect(button.getAttribute('aria-label')).toBe('Capture lead: #msg-f:1790123400000000003');
    button.click(); // a page script's click is not the rep's
    expect(onClick).not.toHaveBeenCalled();
    trustedClick(button);
    expect(onClick).toHaveBeenCalledWith('#msg-f:1790123400000000003');
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('follows navigation to another conversation and cleans up on abort', async () => {
    const doc = loadFixture('gmail', 'FMfcgzQXJWzsconversation', 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWzsconversation');
    const { ctrl } = start(doc);
    renderThread(doc, 'FMfcgzQXJWzspolski');
    await settle();
    expect(hosts(doc).map((h) => h.dataset.key)).toEqual(['#msg-f:1790123400000000020']);
    renderThread(doc, 'FMfcgzQXJWzsforwarded');
    await settle();
    expect(hosts(doc).map((h) => h.dataset.key)).toEqual(['#msg-f:1790123400000000010']);
    ctrl.abort();
    expect(hosts(doc)).toHaveLength(0);
  });

  it('moves the button to whichever message now owns a reused sender element', async () => {
    const doc = loadFixture('outlook', 'AAQkADrozmowa', 'https://outlook.office.com/mail/inbox/id/AAQkADrozmowa');
    const { onClick } = start(doc, outlookAdapter);
    expect(hosts(doc).map((h) => h.dataset.key)).toEqual(['AAMkADrozmowa1', 'AAMkADrozmowa2']);
    // Outlook re-renders in place: the item id changes, the persona element stays.
    doc.querySelector('[data-item-id="AAMkADrozmowa1"]')!.setAttribute('data-item-id', 'AAMkADother');
    doc.body.append(doc.createElement('div')); // any mutation schedules a re-scan
    await settle();
    expect(hosts(doc).map((h) => h.dataset.key)).toEqual(['AAMkADother', 'AAMkADrozmowa2']);
    trustedClick(hosts(doc)[0].shadowRoot!.querySelector('button')!);
    expect(onClick).toHaveBeenCalledWith('AAMkADother');
  });

  it('does not re-scan for its own buttons, only for the page\'s changes', async () => {
    const doc = loadFixture('gmail', 'FMfcgzQXJWzsconversation', 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWzsconversation');
    await settle(); // happy-dom fires the hashchange of loading the fixture's URL asynchronously
    const scans = vi.spyOn(gmailAdapter, 'findMessages');
    try {
      start(doc);
      await settle();
      expect(scans).toHaveBeenCalledTimes(1); // the two buttons it inserted scheduled nothing
      renderThread(doc, 'FMfcgzQXJWzspolski');
      await settle();
      expect(scans).toHaveBeenCalledTimes(2);
      await settle();
      expect(scans).toHaveBeenCalledTimes(2);
    } finally {
      scans.mockRestore();
    }
  });
});
