// @vitest-environment happy-dom
// Each prefilled field says how far to trust it, in words (issue #14); typing makes it the rep's own.
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { createLeadFormModel, emptyFormState } from '@/lib/state/lead-form-model';

vi.mock('@/lib/i18n/t', () => ({ t: (k: string) => k, uiLang: () => 'en' }));
const { TextField } = await import('./fields');

function form() {
  return createLeadFormModel({
    ...emptyFormState(),
    values: { lastname: 'Nowacki', companyname: 'Bryza Textiles', emailaddress1: 'lena@bryza.example' },
    provenance: {
      origin: 'page', capturedAt: '2026-12-03T10:00:00.000Z',
      fields: { lastname: { method: 'text', source: 'https://bryza.example/team' }, companyname: { method: 'jsonld', source: 'https://bryza.example/team' } },
    },
  });
}
const markOf = (el: Element, name: string) => el.querySelector(`.field:has([name="${name}"]) [data-confidence]`);

describe('the confidence marker of a prefilled field', () => {
  it('shows words for the confidence of the method that found the value, none for a typed one', () => {
    const model = form();
    const el = document.createElement('div');
    render(<div><TextField model={model} name="lastname" /><TextField model={model} name="companyname" /><TextField model={model} name="emailaddress1" /></div>, el);
    expect(markOf(el, 'lastname')?.textContent).toBe('confidence_low');
    expect(markOf(el, 'companyname')?.textContent).toBe('confidence_high');
    expect(markOf(el, 'emailaddress1')).toBeNull();
    // The marker is part of the label, so a screen reader reads it with the field's name.
    expect(el.querySelector('label[for="f-lastname"]')?.textContent).toContain('confidence_low');
  });

  it('goes once the rep types over the value', () => {
    const model = form();
    model.setField('lastname', 'Nowacka');
    const el = document.createElement('div');
    render(<TextField model={model} name="lastname" />, el);
    expect(markOf(el, 'lastname')).toBeNull();
  });
});
