import { describe, expect, it } from 'vitest';
import { createLeadFormModel } from './lead-form-model';

describe('lead form model', () => {
  it('checks on submit with the schema it loads, and shows the errors', async () => {
    const model = createLeadFormModel();
    model.setField('subject', 'Fleet renewal');
    const result = await model.submit();
    expect(result.ok).toBe(false);
    expect(model.errors.value).toEqual({ lastname: 'required' });
    model.setField('lastname', 'Nowak');
    const ok = await model.submit();
    expect(ok.ok && ok.draft).toMatchObject({ subject: 'Fleet renewal', lastname: 'Nowak' });
    expect(model.errors.value).toEqual({});
  });

  it('drops the answer of a check a new lead overtook', async () => {
    const model = createLeadFormModel();
    const pending = model.submit();
    model.startNew();
    expect((await pending).ok).toBe(false);
    expect(model.errors.value).toEqual({});
  });

  it('rechecks as the rep types after a failed save', async () => {
    const model = createLeadFormModel();
    await model.submit();
    expect(Object.keys(model.errors.value).sort()).toEqual(['lastname', 'subject']);
    model.setField('lastname', 'Nowak');
    await model.validate();
    expect(Object.keys(model.errors.value)).toEqual(['subject']);
  });
});
