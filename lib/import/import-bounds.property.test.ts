// Security issue #18: the text paths of an import (decoding, vCard lines, header names, cell
// values, names) take time linear in their input. Each gets long and hostile text (up to 200 kB)
// and must answer within a CPU budget.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostileLine, hostileText, runs, withinBudget } from '../text/hostile-text.test-helper';
import { splitPersonName } from '../text/person-name';
import { normalizePhone } from '../text/phone';
import { autoMap } from './auto-map';
import { coerceDate, coerceFlag, coerceNumber, coerceOption } from './coerce-value';
import { decodeText } from './decode-text';
import { aliasHits } from './header-aliases';
import { rowToLead } from './row-to-lead';
import { readVcard } from './vcard';

const headers = ['First Name', 'Last Name', 'E-mail Address', 'Business Phone', 'Annual Revenue', 'Est. Close Date', 'Lead Source', 'Do Not Email'];

describe('import text paths stay linear on hostile text (#18)', () => {
  it('readVcard: lines of up to 200 kB, quotes and colons included', () => {
    const quoted = `BEGIN:VCARD\nNOTE;X="${'a:'.repeat(60_000)}\nFN:Jan Kowalski\nEND:VCARD`;
    fc.assert(
      fc.property(fc.oneof(hostileText(200_000), fc.constant(quoted)), (text) => {
        const rows = withinBudget(() => readVcard(`BEGIN:VCARD\nFN;${text}:${text}\nNOTE:${text}\nEND:VCARD\n${text}`));
        expect(rows[0].n).toBe(1);
      }),
      runs(15),
    );
  });

  it('rowToLead and the value readers: cells of up to 200 kB', () => {
    const mapping = autoMap(headers);
    fc.assert(
      fc.property(fc.oneof(hostileLine(1, 200_000), fc.constant(`Jan ${'('.repeat(100_000)}x`)), fc.constantFrom('', 'a@', '@'), (cell, prefix) => {
        const value = prefix + cell;
        const r = withinBudget(() => rowToLead({ n: 2, cells: headers.map(() => value) }, { headers, mapping, fileName: 'x.csv', now: '2026-12-03T10:00:00.000Z' }));
        expect(r.row).toBe(2);
        withinBudget(() => [coerceNumber(value), coerceDate(value), coerceFlag(value), coerceOption('leadsourcecode', value), aliasHits(value)]);
        expect(withinBudget(() => splitPersonName(value))).toBeTypeOf('object');
        const phone = withinBudget(() => normalizePhone(value));
        expect(phone === undefined || phone.e164.startsWith('+')).toBe(true);
      }),
      runs(20),
    );
  });

  it('rowToLead: an email cell of a long run of dots (the address pattern backtracked over them)', () => {
    const mapping = autoMap(headers);
    const cells = headers.map((h) => (h === 'E-mail Address' ? `a@${'.'.repeat(100_000)}@` : h === 'Last Name' ? 'Kowalski' : ''));
    const r = withinBudget(() => rowToLead({ n: 2, cells }, { headers, mapping, fileName: 'x.csv', now: '2026-12-03T10:00:00.000Z' }));
    expect(r.issues.some((i) => i.field === 'emailaddress1' && i.code === 'email')).toBe(true);
  });

  it('decodeText: up to 200 kB in any of its encodings', () => {
    fc.assert(
      fc.property(hostileText(200_000), fc.constantFrom('utf-8', 'utf-16le', 'legacy'), (text, form) => {
        const bytes =
          form === 'utf-8' ? new TextEncoder().encode(text)
          : form === 'utf-16le' ? new Uint8Array(Uint16Array.from(text, (c) => c.charCodeAt(0)).buffer)
          : Uint8Array.from(text, (c) => (c.charCodeAt(0) + 0x80) & 0xff);
        expect(withinBudget(() => decodeText(bytes)).text.length).toBeGreaterThan(0);
      }),
      runs(15),
    );
  });
});
