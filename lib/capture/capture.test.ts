import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createLeadFormModel } from '../state/lead-form-model';
import type { Candidate } from '../extract/types';
import { normalizePhone } from '../text/phone';
import { applyPrefill } from './apply-candidate';
import { captureTab } from './capture-tab';
import { pendingSelection, takePendingSelection } from './pending-selection';
import { unscriptableReason } from './scriptable';
import { candidateLabel, candidateToPrefill } from './to-prefill';

const src = 'https://contoso.example/team';
const cand = (fields: Record<string, string>, method: 'text' | 'jsonld' = 'text'): Candidate => ({
  kind: 'person',
  score: 3,
  fields: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, { value: v, method, source: src }])),
});
const maria = cand({ firstname: 'Maria', lastname: 'Garcia', jobtitle: 'Sales Director', companyname: 'Contoso', telephone1: '(22) 123-45-67' });
const emily = cand({ firstname: 'Emily', lastname: 'Chen', companyname: 'Contoso', emailaddress1: 'echen@contoso.example' });

describe('candidateToPrefill', () => {
  it('normalizes phones with the formatter, adds a topic and keeps provenance per field', () => {
    const p = candidateToPrefill(maria, (raw) => normalizePhone(raw, 'PL')?.display);
    expect(p.values).toMatchObject({ firstname: 'Maria', lastname: 'Garcia', telephone1: '+48 22 123 45 67', subject: 'Contoso' });
    expect(p.provenance.lastname).toEqual({ method: 'text', source: src });
    expect(candidateLabel(maria)).toBe('Maria Garcia, Sales Director (Contoso)');
  });

  it('keeps a phone as found when it cannot be normalized', () => {
    expect(candidateToPrefill(cand({ lastname: 'X', telephone1: 'ext. 12' }), () => undefined).values.telephone1).toBe('ext. 12');
  });
});

describe('applyPrefill (the candidate picker)', () => {
  it('replaces what the previous candidate filled, never what the rep edited', () => {
    const model = createLeadFormModel();
    const first = candidateToPrefill(maria);
    applyPrefill(model, first, undefined, 'page', src);
    expect(model.state.value.values).toMatchObject({ lastname: 'Garcia', jobtitle: 'Sales Director' });
    expect(model.state.value.provenance).toMatchObject({ origin: 'page', fields: { lastname: { method: 'text', source: src } } });
    model.setField('telephone1', '+48 600 000 000');
    applyPrefill(model, candidateToPrefill(emily), first, 'page', src);
    const v = model.state.value.values;
    expect(v).toMatchObject({ firstname: 'Emily', lastname: 'Chen', emailaddress1: 'echen@contoso.example', telephone1: '+48 600 000 000' });
    expect(v.jobtitle).toBeUndefined(); // Maria's title is not Emily's
    expect(model.state.value.provenance?.fields.jobtitle).toBeUndefined();
    expect(model.state.value.provenance?.fields.telephone1).toBeUndefined();
  });

  it('does not overwrite values typed before the capture ran', () => {
    const model = createLeadFormModel();
    model.update({ values: { lastname: 'Typed' } });
    applyPrefill(model, candidateToPrefill(maria), undefined, 'selection');
    expect(model.state.value.values.lastname).toBe('Typed');
    expect(model.state.value.values.firstname).toBe('Maria');
    expect(model.state.value.provenance?.origin).toBe('selection');
  });
});

describe('unscriptableReason', () => {
  it('names the pages an extension cannot read', () => {
    expect(unscriptableReason('chrome://settings')).toBe('browser-page');
    expect(unscriptableReason('edge://extensions')).toBe('browser-page');
    expect(unscriptableReason('https://chromewebstore.google.com/detail/x')).toBe('web-store');
    expect(unscriptableReason('https://example.com/files/offer.pdf?x=1')).toBe('pdf');
    expect(unscriptableReason(undefined)).toBe('browser-page');
    expect(unscriptableReason('https://example.com/team')).toBeUndefined();
  });
});

describe('captureTab', () => {
  it('validates what the page returned and refuses malformed results', async () => {
    const ok = { url: src, title: 'Team', candidates: [maria], truncated: false };
    const spy = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValueOnce([{ frameId: 0, result: ok, documentId: 'd' }] as never);
    expect(await captureTab({ id: 7, url: src })).toEqual({ status: 'ok', extraction: ok });
    expect(spy).toHaveBeenCalledWith({ target: { tabId: 7 }, files: ['/extractor.js'], injectImmediately: true });
    spy.mockResolvedValueOnce([{ frameId: 0, result: { ...ok, candidates: [{ kind: 'person', fields: { lastname: { value: 1 } } }] }, documentId: 'd' }] as never);
    expect(await captureTab({ id: 7, url: src })).toMatchObject({ status: 'failed', error: 'invalid-result' });
  });

  it('gives up on a page that does not answer in time', async () => {
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockReturnValueOnce(new Promise(() => {}) as never);
    expect(await captureTab({ id: 7, url: src }, 50)).toMatchObject({ status: 'failed', error: 'timeout' });
  });

  it('does not try browser pages, and maps injection refusals to a clear reason', async () => {
    const spy = vi.spyOn(fakeBrowser.scripting, 'executeScript');
    spy.mockClear();
    expect(await captureTab({ id: 1, url: 'chrome://newtab' })).toEqual({ status: 'unscriptable', reason: 'browser-page' });
    expect(spy).not.toHaveBeenCalled();
    spy.mockRejectedValueOnce(new Error('Cannot access contents of the page. Extension manifest must request permission to access the respective host.'));
    expect(await captureTab({ id: 1, url: 'https://example.com/' })).toEqual({ status: 'unscriptable', reason: 'browser-page' });
  });
});

describe('pending selection', () => {
  it('is taken once, by the tab it came from, while fresh', async () => {
    await pendingSelection.setValue({ tabId: 3, url: src, text: 'Jan Nowak', at: Date.now() });
    expect(await takePendingSelection(4)).toBeUndefined();
    expect(await takePendingSelection(3)).toMatchObject({ text: 'Jan Nowak' });
    expect(await takePendingSelection(3)).toBeUndefined();
    await pendingSelection.setValue({ tabId: 3, text: 'old', at: Date.now() - 10 * 60_000 });
    expect(await takePendingSelection(3)).toBeUndefined();
  });
});
