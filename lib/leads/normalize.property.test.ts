// Normalising twice changes nothing more than normalising once, and never loses a required value.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeLead } from './normalize';
import { leadDraft } from './schema';

const word = fc.stringMatching(/^[A-Za-zĄĆĘŁŃÓŚŹŻąćęłńóśźż' -]{1,20}$/);
const lead = fc.record({
  subject: fc.constant('Temat'),
  lastname: word.filter((s) => s.trim().length > 0),
  firstname: fc.option(word, { nil: undefined }),
  companyname: fc.option(word, { nil: undefined }),
  emailaddress1: fc.option(fc.emailAddress(), { nil: undefined }),
  telephone1: fc.option(fc.stringMatching(/^\+?[0-9 ()-]{0,16}$/), { nil: undefined }),
  address1_line1: fc.option(fc.stringMatching(/^(ul\.|UL|al\.|)[ ]?[A-Za-złŁ ]{1,15} [0-9]{1,3}( ?\/ ?[0-9]{1,2})?$/), { nil: undefined }),
  address1_postalcode: fc.option(fc.stringMatching(/^[0-9]{2}-?[0-9]{3}$/), { nil: undefined }),
  address1_city: fc.option(word, { nil: undefined }),
  address1_country: fc.option(fc.constantFrom('Polska', 'PL', 'Poland', 'Niemcy', 'USA', 'Atlantis'), { nil: undefined }),
  websiteurl: fc.option(fc.webUrl(), { nil: undefined }),
});

describe('normalizeLead (properties)', () => {
  it('is idempotent and keeps the last name', () => {
    fc.assert(
      fc.property(lead, (input) => {
        const parsed = leadDraft.safeParse(input);
        if (!parsed.success) return true;
        const once = normalizeLead(parsed.data, { defaultCountry: 'PL' }).lead;
        const twice = normalizeLead(leadDraft.parse(once), { defaultCountry: 'PL' }).lead;
        expect(twice).toEqual(once);
        expect(once.lastname.length).toBeGreaterThan(0);
        expect(leadDraft.safeParse(once).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
