import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { LeadDraft, LeadRecord } from '../leads/schema';
import { CaptureSaveModel, type CaptureSaveDeps } from './capture-save-model';
import { createLeadFormModel } from './lead-form-model';

// The UI's words are the message keys here.
beforeEach(() => void vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string) => key));
/** What the background answers for a saved draft: the draft with an id (enough for the form). */
const stored = (draft: LeadDraft, id: string = crypto.randomUUID()): LeadRecord =>
  ({ ...draft, id, timeline: draft.timeline ?? [], stakeholders: draft.stakeholders ?? [], qualify: draft.qualify ?? {} }) as unknown as LeadRecord;

function setup(over: Partial<CaptureSaveDeps> = {}) {
  const form = createLeadFormModel();
  const sent: { lead: LeadDraft; onDuplicate?: string; confirmFreeMail?: boolean }[] = [];
  const deps: CaptureSaveDeps = {
    form,
    submit: vi.fn(async (input) => {
      sent.push(input as never);
      return { status: 'saved' as const, lead: stored(input.lead as LeadDraft), issues: [] };
    }),
    merge: vi.fn(async (input) => ({ lead: stored(input.values as unknown as LeadDraft, input.targetId) })),
    problemOf: (err) => ({ kind: (err as { code?: string }).code ?? 'failed', text: String((err as Error).message), display: `Not saved: ${(err as Error).message}` }),
    clearDraft: vi.fn(async () => {}),
    ...over,
  };
  const flow = new CaptureSaveModel(deps);
  const fill = (last: string) => form.prefill({ subject: 'Nordic Freight Summit', firstname: 'Anna', lastname: last, companyname: 'Baltic Cargo' }, {});
  return { form, flow, deps, sent, fill };
}

const EXISTING = '6f1c2a52-0000-4000-8000-000000000001';

describe('the capture save flow (issues #13, #15)', () => {
  it('a refused form is never sent; the rep is shown the first invalid field', async () => {
    const onInvalid = vi.fn();
    const { flow, deps } = setup({ onInvalid });
    await flow.save(false);
    expect(onInvalid).toHaveBeenCalledOnce();
    expect(deps.submit).not.toHaveBeenCalled();
  });

  it('Save: a new lead is checked for duplicates, then shown as saved; the draft is forgotten', async () => {
    const { flow, form, deps, sent, fill } = setup();
    fill('Kowalska');
    await flow.save(false);
    expect(sent[0]).toMatchObject({ onDuplicate: 'ask', confirmFreeMail: false, lead: { lastname: 'Kowalska' } });
    expect(flow.saved.value?.lastname).toBe('Kowalska');
    expect(form.state.value.id).toBe(flow.saved.value?.id);
    expect(flow.savedState.value).toBe(form.state.value); // the autosave keeps no "draft" of it
    expect(flow.message.value?.kind).toBe('ok');
    expect(flow.saves.value).toBe(1);
    expect(deps.clearDraft).toHaveBeenCalled();
    // Saving again edits that lead: no duplicate check against itself.
    await flow.save(false);
    expect(sent[1].onDuplicate).toBe('save');
  });

  it('Save & Close closes the popup; the side panel stays with a new form and the saved lead as a link', async () => {
    const close = vi.fn();
    const popup = setup({ close });
    popup.fill('Kowalska');
    await popup.flow.save(true);
    expect(close).toHaveBeenCalledOnce();

    const panel = setup();
    panel.fill('Berg');
    await panel.flow.save(true);
    expect(panel.form.state.value.id).toBeUndefined();
    expect(panel.form.state.value.values.lastname ?? '').toBe('');
    expect(panel.flow.saved.value?.lastname).toBe('Berg');
  });

  it('possible duplicates wait for the rep: save anyway, merge, open the existing one, or cancel', async () => {
    const existing = stored({ lastname: 'Kowalska', firstname: 'Anna' } as LeadDraft, EXISTING);
    const submit = vi.fn(async (input: { lead: unknown; onDuplicate?: string }) => input.onDuplicate === 'save'
      ? { status: 'saved' as const, lead: stored(input.lead as LeadDraft), issues: [] }
      : { status: 'duplicates' as const, matches: [{ lead: existing, rules: ['email'], fields: [] }] as never, issues: [] });
    const { flow, form, deps, fill } = setup({ submit: submit as never });
    fill('Kowalska');
    await flow.save(false);
    expect(flow.duplicates.value?.matches).toHaveLength(1);
    expect(flow.saved.value).toBeUndefined();

    flow.cancelDuplicates();
    expect(flow.duplicates.value).toBeUndefined();

    await flow.save(false);
    await flow.merge(EXISTING, ['jobtitle']);
    expect(deps.merge).toHaveBeenCalledWith(expect.objectContaining({ targetId: EXISTING, fields: ['jobtitle'] }));
    expect(flow.saved.value?.id).toBe(EXISTING);
    expect(flow.duplicates.value).toBeUndefined();

    form.startNew();
    fill('Kowalska');
    await flow.save(false);
    await flow.saveAnyway();
    expect(submit).toHaveBeenLastCalledWith(expect.objectContaining({ onDuplicate: 'save' }));
    expect(flow.saved.value?.id).not.toBe(EXISTING);

    form.startNew();
    fill('Kowalska');
    await flow.save(false);
    flow.openDuplicate(existing);
    expect(form.state.value.id).toBe(EXISTING);
    expect(flow.message.value?.kind).toBe('info');
  });

  it('a free-mail sender waits for the rep\'s yes, then saves with it; other failures say why', async () => {
    let calls = 0;
    const submit = vi.fn(async (input: { lead: unknown; confirmFreeMail?: boolean }) => {
      if (++calls === 1) throw Object.assign(new Error('anna@gmail.example is a free mail address'), { code: 'confirm_free_mail' });
      return { status: 'saved' as const, lead: stored(input.lead as LeadDraft), issues: [] };
    });
    const { flow, fill } = setup({ submit: submit as never });
    fill('Kowalska');
    await flow.save(false);
    expect(flow.confirm.value?.text).toContain('free mail');
    expect(flow.message.value?.kind).toBe('error');
    expect(flow.saving.value).toBe(false);
    flow.confirm.value!.retry();
    await vi.waitFor(() => expect(flow.saved.value?.lastname).toBe('Kowalska'));
    expect(submit).toHaveBeenLastCalledWith(expect.objectContaining({ confirmFreeMail: true }));
    expect(flow.confirm.value).toBeUndefined();

    const failing = setup({ submit: async () => { throw new Error('disk full'); } });
    failing.fill('Berg');
    await failing.flow.save(false);
    expect(failing.flow.message.value).toEqual({ kind: 'error', text: 'Not saved: disk full' });
    expect(failing.flow.confirm.value).toBeUndefined();
    expect(failing.form.state.value.values.lastname).toBe('Berg'); // nothing typed is lost
  });

  it('Clear starts a new lead; the saved one stays as saved; Qualify updates it', async () => {
    const { flow, form, fill } = setup();
    fill('Kowalska');
    await flow.save(false);
    const saved = flow.saved.value!;
    flow.qualified({ ...saved, statecode: 1 } as LeadRecord);
    expect(form.state.value.statecode).toBe(1);
    flow.startNew();
    expect(form.state.value.id).toBeUndefined();
    expect(flow.saved.value?.id).toBe(saved.id);
  });
});
