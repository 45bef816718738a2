import { describe, expect, it } from 'vitest';
import { describeProblem } from './classify';
import { englishTranslate, polishTranslate } from './translate';

describe('sync errors in words (issue #16)', () => {
  const required = { code: 'required' as const, field: 'companyname', crmCode: '0x80040200', crmMessage: "The value of 'companyname' on record of type 'lead' is required." };

  it('names a field as the lead form does, in English and Polish, in our sentence and the CRM\u2019s', () => {
    const en = describeProblem(required, englishTranslate);
    expect(en).toContain('requires the field "Company Name"');
    expect(en).toContain("The value of 'Company Name'");
    expect(en).not.toMatch(/companyname/);
    expect(describeProblem(required, polishTranslate)).toMatch(/wymaga pola „Nazwa firmy”/);
  });
});
