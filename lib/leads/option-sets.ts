// Dataverse's out-of-the-box choice values for the lead table (shared/docs/dataverse.md §1),
// with English and Polish labels. Orgs can customise them; synced metadata overrides these.

export interface OptionLabel {
  en: string;
  pl: string;
}
export type OptionSet = Readonly<Record<number, OptionLabel>>;

export const leadSourceCode = {
  1: { en: 'Advertisement', pl: 'Reklama' },
  2: { en: 'Employee Referral', pl: 'Polecenie pracownika' },
  3: { en: 'External Referral', pl: 'Polecenie zewnętrzne' },
  4: { en: 'Partner', pl: 'Partner' },
  5: { en: 'Public Relations', pl: 'Public relations' },
  6: { en: 'Seminar', pl: 'Seminarium' },
  7: { en: 'Trade Show', pl: 'Targi' },
  8: { en: 'Web', pl: 'Internet' },
  9: { en: 'Word of Mouth', pl: 'Poczta pantoflowa' },
  10: { en: 'Other', pl: 'Inne' },
} as const satisfies OptionSet;

export const leadQualityCode = {
  1: { en: 'Hot', pl: 'Gorący' },
  2: { en: 'Warm', pl: 'Ciepły' },
  3: { en: 'Cold', pl: 'Zimny' },
} as const satisfies OptionSet;

export const preferredContactMethodCode = {
  1: { en: 'Any', pl: 'Dowolna' },
  2: { en: 'Email', pl: 'E-mail' },
  3: { en: 'Phone', pl: 'Telefon' },
  4: { en: 'Fax', pl: 'Faks' },
  5: { en: 'Mail', pl: 'Poczta' },
} as const satisfies OptionSet;

export const purchaseTimeframe = {
  0: { en: 'Immediate', pl: 'Natychmiast' },
  1: { en: 'This Quarter', pl: 'Ten kwartał' },
  2: { en: 'Next Quarter', pl: 'Następny kwartał' },
  3: { en: 'This Year', pl: 'Ten rok' },
  4: { en: 'Unknown', pl: 'Nieznany' },
} as const satisfies OptionSet;

export const purchaseProcess = {
  0: { en: 'Individual', pl: 'Indywidualny' },
  1: { en: 'Committee', pl: 'Komisja' },
  2: { en: 'Unknown', pl: 'Nieznany' },
} as const satisfies OptionSet;

export const budgetStatus = {
  0: { en: 'No Committed Budget', pl: 'Brak zatwierdzonego budżetu' },
  1: { en: 'May Buy', pl: 'Może kupić' },
  2: { en: 'Can Buy', pl: 'Może kupić na pewno' },
  3: { en: 'Will Buy', pl: 'Kupi' },
} as const satisfies OptionSet;

export const need = {
  0: { en: 'Must have', pl: 'Niezbędne' },
  1: { en: 'Should have', pl: 'Potrzebne' },
  2: { en: 'Good to have', pl: 'Przydatne' },
  3: { en: 'No need', pl: 'Brak potrzeby' },
} as const satisfies OptionSet;

export const industryCode = {
  1: { en: 'Accounting', pl: 'Księgowość' },
  2: { en: 'Agriculture and Non-petrol Natural Resource Extraction', pl: 'Rolnictwo i wydobycie surowców naturalnych (bez ropy)' },
  3: { en: 'Broadcasting Printing and Publishing', pl: 'Nadawanie, druk i wydawnictwa' },
  4: { en: 'Brokers', pl: 'Pośrednicy' },
  5: { en: 'Building Supply Retail', pl: 'Sprzedaż materiałów budowlanych' },
  6: { en: 'Business Services', pl: 'Usługi dla firm' },
  7: { en: 'Consulting', pl: 'Doradztwo' },
  8: { en: 'Consumer Services', pl: 'Usługi konsumenckie' },
  9: { en: 'Design, Direction and Creative Management', pl: 'Projektowanie i zarządzanie kreatywne' },
  10: { en: 'Distributors, Dispatchers and Processors', pl: 'Dystrybutorzy, spedytorzy i przetwórcy' },
  11: { en: "Doctor's Offices and Clinics", pl: 'Gabinety lekarskie i kliniki' },
  12: { en: 'Durable Manufacturing', pl: 'Produkcja dóbr trwałych' },
  13: { en: 'Eating and Drinking Places', pl: 'Gastronomia' },
  14: { en: 'Entertainment Retail', pl: 'Sprzedaż rozrywki' },
  15: { en: 'Equipment Rental and Leasing', pl: 'Wynajem i leasing sprzętu' },
  16: { en: 'Financial', pl: 'Finanse' },
  17: { en: 'Food and Tobacco Processing', pl: 'Przetwórstwo żywności i tytoniu' },
  18: { en: 'Inbound Capital Intensive Processing', pl: 'Przetwórstwo kapitałochłonne' },
  19: { en: 'Inbound Repair and Services', pl: 'Naprawy i serwis' },
  20: { en: 'Insurance', pl: 'Ubezpieczenia' },
  21: { en: 'Legal Services', pl: 'Usługi prawne' },
  22: { en: 'Non-Durable Merchandise Retail', pl: 'Sprzedaż dóbr nietrwałych' },
  23: { en: 'Outbound Consumer Service', pl: 'Usługi konsumenckie w terenie' },
  24: { en: 'Petrochemical Extraction and Distribution', pl: 'Wydobycie i dystrybucja petrochemikaliów' },
  25: { en: 'Service Retail', pl: 'Handel usługami' },
  26: { en: 'SIG Affiliations', pl: 'Stowarzyszenia branżowe' },
  27: { en: 'Social Services', pl: 'Usługi społeczne' },
  28: { en: 'Special Outbound Trade Contractors', pl: 'Wyspecjalizowani wykonawcy' },
  29: { en: 'Specialty Realty', pl: 'Nieruchomości specjalistyczne' },
  30: { en: 'Transportation', pl: 'Transport' },
  31: { en: 'Utility Creation and Distribution', pl: 'Wytwarzanie i dystrybucja mediów' },
  32: { en: 'Vehicle Retail', pl: 'Sprzedaż pojazdów' },
  33: { en: 'Wholesale', pl: 'Hurtownie' },
} as const satisfies OptionSet;

export const stateCode = {
  0: { en: 'Open', pl: 'Otwarty' },
  1: { en: 'Qualified', pl: 'Zakwalifikowany' },
  2: { en: 'Disqualified', pl: 'Zdyskwalifikowany' },
} as const satisfies OptionSet;

export const statusCode = {
  1: { en: 'New', pl: 'Nowy' },
  2: { en: 'Contacted', pl: 'Skontaktowano się' },
  3: { en: 'Qualified', pl: 'Zakwalifikowany' },
  4: { en: 'Lost', pl: 'Utracony' },
  5: { en: 'Cannot Contact', pl: 'Nie można się skontaktować' },
  6: { en: 'No Longer Interested', pl: 'Już niezainteresowany' },
  7: { en: 'Canceled', pl: 'Anulowany' },
} as const satisfies OptionSet;

/** Which status reasons belong to which state (Dataverse rejects other pairs). */
export const statusCodesByState = {
  0: [1, 2],
  1: [3],
  2: [4, 5, 6, 7],
} as const satisfies Record<number, readonly number[]>;

/** Every choice column of the lead, by Dataverse logical name. */
export const leadOptionSets = {
  leadsourcecode: leadSourceCode,
  leadqualitycode: leadQualityCode,
  preferredcontactmethodcode: preferredContactMethodCode,
  purchasetimeframe: purchaseTimeframe,
  purchaseprocess: purchaseProcess,
  budgetstatus: budgetStatus,
  need,
  industrycode: industryCode,
} as const;
export type LeadOptionSetName = keyof typeof leadOptionSets;

export function optionValues(set: OptionSet): number[] {
  return Object.keys(set).map(Number);
}

export function optionLabel(set: OptionSet, value: number | undefined, lang: 'en' | 'pl'): string {
  if (value === undefined) return '';
  return set[value]?.[lang] ?? String(value);
}

// ---- The connected org's own values (issue #6) ----

const orgChoiceValues = new Map<OptionSet, Map<number, OptionLabel>>();

/** Values (and labels) an org added to a choice column, read from its metadata: the schema
 * accepts them besides the built-in ones. Replaces what was registered for that column. */
export function registerOrgChoiceValues(name: LeadOptionSetName, options: Array<{ value: number; label: OptionLabel }>): void {
  const set = leadOptionSets[name];
  orgChoiceValues.set(set, new Map(options.filter((o) => !(o.value in set)).map((o) => [o.value, o.label])));
}

export function isOrgChoiceValue(set: OptionSet, value: number): boolean {
  return orgChoiceValues.get(set)?.has(value) ?? false;
}

/** The org's added values for a column, with their labels. */
export function orgChoiceOptions(name: LeadOptionSetName): Array<[number, OptionLabel]> {
  return [...(orgChoiceValues.get(leadOptionSets[name])?.entries() ?? [])];
}
