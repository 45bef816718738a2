import { describe, expect, it } from 'vitest';
import { mergeLocale } from './merge-locales';

describe('Polish wording (issue #16)', () => {
  it('names the core object as Dynamics 365 does in Polish, "potencjalny klient", never "lead"', () => {
    for (const [k, v] of Object.entries(mergeLocale('lib/i18n/locales/pl'))) {
      expect(v.message.replace(/LeadClip/g, ''), k).not.toMatch(/\blead/i);
    }
  });
});
