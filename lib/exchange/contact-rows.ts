// An Outlook contact (Microsoft Graph) as a row of the import table: the columns carry the names
// Outlook's own CSV export uses, so the import's automatic mapping recognises them.
import type { Table, TableRow } from '../import/table';

export interface GraphContact {
  id: string;
  givenName?: string | null;
  surname?: string | null;
  displayName?: string | null;
  jobTitle?: string | null;
  companyName?: string | null;
  department?: string | null;
  emailAddresses?: { address?: string | null; name?: string | null }[] | null;
  businessPhones?: string[] | null;
  mobilePhone?: string | null;
  businessHomePage?: string | null;
  businessAddress?: { street?: string | null; city?: string | null; state?: string | null; postalCode?: string | null; countryOrRegion?: string | null } | null;
  '@removed'?: unknown;
}

/** The $select of the fields that map to a lead. */
export const CONTACT_SELECT = ['givenName', 'surname', 'displayName', 'jobTitle', 'companyName', 'emailAddresses', 'businessPhones', 'mobilePhone', 'businessAddress', 'businessHomePage', 'department'].join(',');

export const CONTACT_HEADERS = [
  'First Name', 'Last Name', 'Display Name', 'Job Title', 'Company', 'Department', 'E-mail Address', 'E-mail 2 Address',
  'Business Phone', 'Business Phone 2', 'Mobile Phone', 'Business Street', 'Business City', 'Business State',
  'Business Postal Code', 'Business Country/Region', 'Web Page',
];

const s = (v: string | null | undefined) => (v ?? '').trim();

export function contactCells(c: GraphContact): string[] {
  const mails = (c.emailAddresses ?? []).map((e) => s(e.address)).filter(Boolean);
  const phones = (c.businessPhones ?? []).map(s).filter(Boolean);
  const a = c.businessAddress ?? {};
  // Display name only when there are no name parts (the mapping splits it then).
  const display = s(c.givenName) || s(c.surname) ? '' : s(c.displayName);
  return [
    s(c.givenName), s(c.surname), display, s(c.jobTitle), s(c.companyName), s(c.department), mails[0] ?? '', mails[1] ?? '',
    phones[0] ?? '', phones[1] ?? '', s(c.mobilePhone), s(a.street), s(a.city), s(a.state), s(a.postalCode), s(a.countryOrRegion), s(c.businessHomePage),
  ];
}

/** Contacts of the chosen folders as one table; row numbers count from 2 like a file with a header. */
export function contactsTable(contacts: GraphContact[]): Table {
  const rows: TableRow[] = contacts.map((c, i) => ({ n: i + 2, cells: contactCells(c) }));
  return { headers: CONTACT_HEADERS, rows, meta: { format: 'exchange', headerRow: 0, warnings: [] } };
}
