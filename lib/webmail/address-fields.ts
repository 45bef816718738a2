// Address lines from a signature into the lead's address1_* columns: Polish ("ul. Prosta 1",
// "00-850 Warszawa"), US ("Houston, TX 77002") and generic ("10115 Berlin") forms.
import { MAX_FIELD_LINE_CHARS } from '../text/input-bounds';

export interface AddressFields {
  address1_line1?: string;
  address1_line2?: string;
  address1_city?: string;
  address1_stateorprovince?: string;
  address1_postalcode?: string;
  address1_country?: string;
}

const COUNTRIES: Record<string, string> = {
  poland: 'Poland', polska: 'Polska', usa: 'USA', 'united states': 'United States', 'u.s.a.': 'USA', uk: 'United Kingdom',
  'united kingdom': 'United Kingdom', germany: 'Germany', niemcy: 'Niemcy', deutschland: 'Deutschland', canada: 'Canada',
  france: 'France', finland: 'Finland', czechy: 'Czechy', 'czech republic': 'Czech Republic', netherlands: 'Netherlands',
};

export function addressFields(lines: readonly string[]): AddressFields {
  const out: AddressFields = {};
  const street: string[] = [];
  for (const raw of lines) {
    if (raw.length > MAX_FIELD_LINE_CHARS) continue; // no address line is this long (#18)
    // "ul. Prosta 1, 00-850 Warszawa" holds street and city on one line.
    for (const piece of raw.split(/,\s*(?=\d{2}-\d{3}\s)|\s+[|•·]\s+/)) {
      const line = piece.trim().replace(/[,;]$/, '');
      if (!line) continue;
      const country = COUNTRIES[line.toLowerCase()];
      if (country) {
        out.address1_country = country;
        continue;
      }
      let m = /^(\d{2}-\d{3})\s+(.+?)(?:,\s*(.+))?$/u.exec(line); // 00-850 Warszawa[, Polska]
      if (m && !out.address1_city) {
        out.address1_postalcode = m[1];
        out.address1_city = m[2].trim();
        if (m[3]) out.address1_country = COUNTRIES[m[3].toLowerCase()] ?? m[3];
        continue;
      }
      m = /^(.+?),?\s+([A-Z]{2}|[A-Z][a-z]+)\.?,?\s+(\d{5}(?:-\d{4})?)$/.exec(line); // Houston, TX 77002
      if (m && !out.address1_city && /,/.test(line)) {
        out.address1_city = m[1].replace(/,$/, '').trim();
        out.address1_stateorprovince = m[2];
        out.address1_postalcode = m[3];
        continue;
      }
      m = /^(\d{4,5})\s+(\p{Lu}[\p{L} -]+)$/u.exec(line); // 10115 Berlin
      if (m && !out.address1_city) {
        out.address1_postalcode = m[1];
        out.address1_city = m[2].trim();
        continue;
      }
      street.push(line);
    }
  }
  if (street[0]) out.address1_line1 = street[0].slice(0, 250);
  if (street.length > 1) out.address1_line2 = street.slice(1).join(', ').slice(0, 250);
  return out;
}
