// Security issue #18: one email froze LeadClip (an 80 kB line took 43 s to fill the popup). The
// email's analysis is linear in its size: any body up to 200 kB fills the form within the budget.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leadTextLimits, type LeadFieldName } from '../leads/schema';
import { hostileText, runs, withinBudget } from '../text/hostile-text.test-helper';
import { emailToLead } from './email-to-lead';
import type { WebmailMessage } from './types';

const message = (bodyText: string, subject = 'Oferta'): WebmailMessage => ({
  client: 'gmail',
  key: 'm1',
  sender: { name: 'Jan Kowalski', email: 'jan.kowalski@budmax.pl' },
  to: [],
  cc: [],
  subject,
  bodyText,
  url: 'https://mail.google.com/mail/u/0/#inbox/m1',
});
const signature = '\n\nPozdrawiam,\nJan Kowalski\nDyrektor Sprzedaży\nBudmax Sp. z o.o.\ntel. +48 22 123 45 67';

describe('emailToLead on hostile email bodies (#18)', () => {
  it('fills the form from an email with one 80 kB line well under a second, signature included', () => {
    const body = `Dzień dobry,\n${'a.'.repeat(40_000)}${signature}`;
    const lead = withinBudget(() => emailToLead(message(body)));
    expect(lead.values).toMatchObject({ firstname: 'Jan', lastname: 'Kowalski', jobtitle: 'Dyrektor Sprzedaży', companyname: 'Budmax Sp. z o.o.' });
  });

  it('fills the form within the budget for any body up to 200 kB, with every value within its limit', () => {
    fc.assert(
      fc.property(hostileText(200_000), fc.constantFrom('', 'Re: ', 'Fwd: ', `Re:${' '.repeat(900)}x`), (body, subject) => {
        const lead = withinBudget(() => emailToLead(message(`Hi,\n${body}${signature}`, `${subject}Oferta`)));
        expect(lead.values.leadsourcecode).toBe('10');
        expect(lead.values.emailaddress1).toBe('jan.kowalski@budmax.pl');
        for (const [field, value] of Object.entries(lead.values)) {
          const max = leadTextLimits[field as LeadFieldName];
          if (max) expect(value.length).toBeLessThanOrEqual(max);
        }
      }),
      runs(20),
    );
  });
});
