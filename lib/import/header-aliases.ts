// Header names that mean a lead column: Dataverse logical names, Dynamics 365 display names in
// English and Polish (as its own export writes them), and the headers of Outlook, Gmail/Google
// Contacts, Thunderbird, HubSpot, Salesforce, Odoo and Atomic CRM exports.
import type { LeadFieldName } from '../leads/schema';

/** Where a column goes. `fullname` is split into name parts; `email`/`phone` fill the first free
 * email/phone column, routed by a paired "type" column when the file has one (Gmail). */
export type ColumnTarget = LeadFieldName | 'fullname' | 'email' | 'phone' | 'ignore';

/** Lowercase, no diacritics (ł too), punctuation to single spaces: "E-mail Address" → "e mail address". */
export function normalizeHeader(h: string): string {
  return h
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[łŁ]/g, 'l')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

// Higher priority wins when two columns claim the same field (Business Street over Home Street).
type Alias = readonly [target: ColumnTarget, priority: number, ...names: string[]];

const ALIASES: readonly Alias[] = [
  ['subject', 3, 'topic', 'temat', 'subject', 'lead topic', 'temat potencjalnego klienta', 'opportunity name', 'deal name', 'nazwa szansy'],
  ['firstname', 3, 'first name', 'firstname', 'first', 'given name', 'imie', 'forename', 'first name s', 'imiona'],
  ['lastname', 3, 'last name', 'lastname', 'last', 'surname', 'family name', 'nazwisko'],
  ['middlename', 3, 'middle name', 'middlename', 'additional name', 'drugie imie', 'middle'],
  ['salutation', 3, 'salutation', 'name prefix', 'prefix', 'zwrot grzecznosciowy', 'tytul grzecznosciowy', 'form of address', 'zwrot'],
  ['salutation', 0.5, 'title', 'tytul'],
  ['jobtitle', 3, 'job title', 'jobtitle', 'position', 'job position', 'stanowisko', 'organization title', 'organization 1 title', 'funkcja', 'stanowisko sluzbowe'],
  ['jobtitle', 2, 'role', 'occupation', 'zawod'],
  ['jobtitle', 1, 'title'],
  ['companyname', 3, 'company name', 'companyname', 'company', 'nazwa firmy', 'firma', 'organization', 'organization name', 'organization 1 name', 'organisation', 'account name', 'employer', 'organizacja', 'company name s', 'nazwa organizacji', 'business name'],
  ['emailaddress1', 4, 'email', 'e mail', 'email address', 'e mail address', 'emailaddress1', 'email 1', 'primary email', 'adres e mail', 'e mail 1', 'work email', 'business email', 'email work', 'email business', 'adres email', 'mail', 'emailaddress', 'służbowy e mail', 'sluzbowy e mail', 'e mail sluzbowy', 'email address 1', 'adres e mail 1', 'email primary'],
  ['emailaddress2', 3, 'email 2', 'e mail 2', 'email address 2', 'e mail 2 address', 'emailaddress2', 'secondary email', 'adres e mail 2', 'email home', 'home email', 'personal email', 'email personal', 'prywatny e mail'],
  ['emailaddress3', 3, 'email 3', 'e mail 3', 'email address 3', 'e mail 3 address', 'emailaddress3', 'adres e mail 3', 'email other', 'other email', 'alternate email'],
  ['telephone1', 3, 'business phone', 'telephone1', 'phone', 'work phone', 'phone number', 'telefon', 'telefon sluzbowy', 'office phone', 'phone work', 'primary phone', 'company main phone', 'telephone', 'tel', 'numer telefonu', 'telefon 1', 'phone 1', 'main phone', 'business phone 1'],
  ['telephone2', 3, 'home phone', 'telephone2', 'telefon domowy', 'phone home', 'business phone 2', 'telefon 2', 'phone 2'],
  ['telephone3', 3, 'other phone', 'telephone3', 'inny telefon', 'phone other', 'telefon 3', 'phone 3', 'home phone 2'],
  ['mobilephone', 3, 'mobile phone', 'mobilephone', 'mobile', 'cell', 'cell phone', 'mobile number', 'mobile phone number', 'telefon komorkowy', 'komorka', 'tel kom', 'home mobile', 'cellphone', 'telefon kom'],
  ['fax', 3, 'fax', 'business fax', 'fax number', 'faks', 'faks sluzbowy', 'work fax'],
  ['fax', 1, 'home fax'],
  ['websiteurl', 3, 'website', 'websiteurl', 'web page', 'web site', 'website url', 'url', 'witryna sieci web', 'witryna internetowa', 'strona www', 'strona internetowa', 'www', 'web page 1', 'website work', 'strona sieci web', 'company website', 'homepage'],
  ['websiteurl', 1, 'website home page', 'web page 2', 'website other', 'website blog', 'website profile', 'personal website'],
  ['address1_line1', 3, 'street', 'street 1', 'address1 line1', 'address 1 street 1', 'street address', 'business street', 'work address', 'ulica', 'ulica 1', 'adres 1 ulica 1', 'adres', 'address', 'address line 1', 'address 1', 'ulica sluzbowy', 'address 1 street', 'mailing street'],
  ['address1_line1', 1, 'home street', 'home address', 'other street'],
  ['address1_line2', 3, 'street 2', 'address1 line2', 'address 1 street 2', 'business street 2', 'work address 2', 'ulica 2', 'adres 1 ulica 2', 'address line 2', 'street2', 'address 2'],
  ['address1_line3', 3, 'street 3', 'address1 line3', 'address 1 street 3', 'business street 3', 'ulica 3', 'adres 1 ulica 3', 'address line 3'],
  ['address1_city', 3, 'city', 'address1 city', 'address 1 city', 'business city', 'work city', 'miasto', 'miejscowosc', 'adres 1 miasto', 'adres 1 miejscowosc', 'miejscowosc sluzbowy', 'town', 'mailing city'],
  ['address1_city', 1, 'home city', 'other city'],
  ['address1_stateorprovince', 3, 'state', 'state province', 'address1 stateorprovince', 'address 1 state province', 'business state', 'work state', 'wojewodztwo', 'stan wojewodztwo', 'adres 1 wojewodztwo', 'adres 1 stan wojewodztwo', 'region', 'state region', 'province', 'wojewodztwo sluzbowy', 'mailing state'],
  ['address1_stateorprovince', 1, 'home state', 'other state'],
  ['address1_postalcode', 3, 'zip', 'zip code', 'postal code', 'zip postal code', 'postcode', 'address1 postalcode', 'address 1 zip postal code', 'business postal code', 'work zip', 'work zipcode', 'kod pocztowy', 'adres 1 kod pocztowy', 'kod', 'kod pocztowy sluzbowy', 'mailing zip', 'mailing postal code'],
  ['address1_postalcode', 1, 'home zip', 'home postal code', 'home zipcode', 'other postal code', 'other zip'],
  ['address1_country', 3, 'country', 'country region', 'address1 country', 'address 1 country region', 'business country region', 'business country', 'work country', 'kraj', 'kraj region', 'adres 1 kraj region', 'adres 1 kraj', 'kraj region sluzbowy', 'mailing country'],
  ['address1_country', 1, 'home country', 'home country region', 'other country', 'other country region'],
  ['description', 3, 'description', 'notes', 'note', 'opis', 'notatki', 'notatka', 'uwagi', 'comments', 'komentarz', 'background', 'about'],
  ['industrycode', 3, 'industry', 'industrycode', 'branza', 'sektor'],
  ['leadsourcecode', 3, 'lead source', 'leadsourcecode', 'source', 'zrodlo potencjalnego klienta', 'zrodlo', 'original source'],
  ['leadqualitycode', 3, 'rating', 'leadqualitycode', 'lead rating', 'klasyfikacja', 'ocena', 'lead quality'],
  ['preferredcontactmethodcode', 3, 'preferred method of contact', 'preferredcontactmethodcode', 'preferowana metoda kontaktu', 'contact method'],
  ['donotemail', 3, 'do not allow emails', 'donotemail', 'email opt out', 'nie zezwalaj na wiadomosci e mail', 'hasoptedoutofemail', 'do not email', 'unsubscribed from all email'],
  ['donotphone', 3, 'do not allow phone calls', 'donotphone', 'do not call', 'donotcall', 'nie zezwalaj na rozmowy telefoniczne'],
  ['donotpostalmail', 3, 'do not allow mails', 'donotpostalmail', 'nie zezwalaj na korespondencje pocztowa', 'do not mail'],
  ['donotbulkemail', 3, 'do not allow bulk emails', 'donotbulkemail', 'nie zezwalaj na masowe wiadomosci e mail'],
  ['budgetamount', 3, 'budget amount', 'budgetamount', 'kwota budzetu'],
  ['budgetstatus', 3, 'budgetstatus', 'budget status', 'status budzetu', 'budzet', 'budget'],
  ['purchasetimeframe', 3, 'purchase timeframe', 'purchasetimeframe', 'przedzial czasowy zakupu', 'termin zakupu', 'timeframe'],
  ['purchaseprocess', 3, 'purchase process', 'purchaseprocess', 'proces zakupu'],
  ['decisionmaker', 3, 'decision maker', 'identify decision maker', 'zidentyfikuj decydenta', 'decisionmaker', 'decydent', 'osoba decyzyjna'],
  ['need', 3, 'need', 'potrzeba'],
  ['numberofemployees', 3, 'no of employees', 'number of employees', 'numberofemployees', 'employees', 'liczba pracownikow', 'company size', 'headcount'],
  ['revenue', 3, 'annual revenue', 'revenue', 'roczny przychod', 'przychod', 'przychody', 'annualrevenue'],
  ['estimatedclosedate', 3, 'est close date', 'estimated close date', 'estimatedclosedate', 'szacowana data zamkniecia', 'close date'],
  ['qualificationcomments', 3, 'qualification comments', 'qualificationcomments', 'komentarze dotyczace kwalifikacji', 'komentarze kwalifikacji'],
  ['fullname', 2, 'name', 'full name', 'fullname', 'contact name', 'contact', 'imie i nazwisko', 'nazwa', 'osoba kontaktowa', 'contact person', 'person', 'lead name', 'nazwa potencjalnego klienta'],
  ['fullname', 1, 'display name', 'nazwa wyswietlana', 'file as'],
];

export interface AliasHit {
  target: ColumnTarget;
  priority: number;
}

const byName = new Map<string, AliasHit[]>();
for (const [target, priority, ...names] of ALIASES) {
  for (const n of names) {
    const key = normalizeHeader(n);
    const list = byName.get(key) ?? [];
    list.push({ target, priority });
    byName.set(key, list);
  }
}

// Numbered columns of Google Contacts and Atomic CRM: "E-mail 2 - Value", "Phone 1 - Value",
// "Address 1 - City", "Organization 1 - Name", "phone_number1.number".
const PATTERNS: readonly [RegExp, (m: RegExpExecArray) => AliasHit[]][] = [
  [/^e ?mail (\d+) value$/, () => [{ target: 'email', priority: 3 }]],
  [/^phone (\d+) value$/, () => [{ target: 'phone', priority: 3 }]],
  [/^phone number ?(\d+) number$/, () => [{ target: 'phone', priority: 3 }]],
  [/^email ?(\d+) email$/, () => [{ target: 'email', priority: 3 }]],
  [/^website (\d+) value$/, (m) => [{ target: 'websiteurl', priority: m[1] === '1' ? 2 : 0.5 }]],
  [/^organization (\d+) (name|title|department)$/, (m) => (m[2] === 'department' ? [] : [{ target: m[2] === 'name' ? 'companyname' : 'jobtitle', priority: m[1] === '1' ? 2.5 : 0.5 }])],
  [/^address (\d+) (street|city|region|postal code|country|extended address|po box)$/, (m) => {
    const field = ({ street: 'address1_line1', city: 'address1_city', region: 'address1_stateorprovince', 'postal code': 'address1_postalcode', country: 'address1_country', 'extended address': 'address1_line2', 'po box': 'address1_line3' } as const)[m[2] as 'street'];
    return [{ target: field, priority: m[1] === '1' ? 2 : 1 }];
  }],
];

/** Every reading of a header, best first. Logical names (emailaddress1) always win. */
export function aliasHits(header: string): AliasHit[] {
  const key = normalizeHeader(header);
  if (!key) return [];
  const hits = [...(byName.get(key) ?? [])];
  for (const [re, f] of PATTERNS) {
    const m = re.exec(key);
    if (m) hits.push(...f(m));
  }
  // Dynamics exports sometimes add "(Lead)" or "(Potencjalny klient)"; Outlook PL adds "(służbowy)".
  if (!hits.length) {
    const stripped = key.replace(/ (lead|potencjalny klient)$/, '');
    if (stripped !== key) return aliasHits(stripped);
  }
  return hits.sort((a, b) => b.priority - a.priority);
}

/** A column beside a typed value that says what kind it is ("Phone 1 - Type" for "Phone 1 - Value"). */
export function typeColumnFor(header: string, headers: readonly string[]): number {
  const key = normalizeHeader(header);
  const m = /^(.*) value$/.exec(key);
  if (!m) return -1;
  return headers.findIndex((h) => {
    const k = normalizeHeader(h);
    return k === `${m[1]} type` || k === `${m[1]} label`;
  });
}
