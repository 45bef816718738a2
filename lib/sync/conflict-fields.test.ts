import { describe, expect, it } from 'vitest';
import { privacyFooter, withPrivacyFooter } from '../privacy/privacy-footer';
import { conflictFields, conflictValue } from './conflict-fields';

describe('conflictFields (issue #16)', () => {
  const mine = { subject: 'Expo', lastname: 'Mazur', jobtitle: 'VP Engineering', description: 'Met at the stand.', donotemail: false, leadsourcecode: 7 };
  const footer = privacyFooter({ provenance: { origin: 'page', capturedAt: '2026-12-01T10:00:00.000Z', lawfulBasis: 'consent' } });

  it('lists only what the rep or the CRM changed; the lawful-basis line and a flag the CRM stores as "No" are not changes', () => {
    const crm = { subject: 'Expo', lastname: 'Mazur', jobtitle: 'Chief Technology Officer', description: withPrivacyFooter('Met at the stand.', footer), donotemail: false, donotphone: false, leadsourcecode: 7 };
    expect(conflictFields(mine, crm)).toEqual(['jobtitle']);
  });

  it('sees a description the CRM really changed, besides the footer', () => {
    const crm = { ...mine, description: withPrivacyFooter('Met at the stand. Call in January.', footer) };
    expect(conflictFields(mine, crm)).toEqual(['description']);
  });

  it('shows choices by their label, flags in words and the description without the footer', () => {
    expect(conflictValue('leadsourcecode', 7, 'pl', ['Tak', 'Nie'])).toBe('Targi');
    expect(conflictValue('donotemail', true, 'en', ['Yes', 'No'])).toBe('Yes');
    expect(conflictValue('description', withPrivacyFooter('Notes', footer), 'en', ['Yes', 'No'])).toBe('Notes');
    expect(conflictValue('jobtitle', undefined, 'en', ['Yes', 'No'])).toBe('—');
  });
});
