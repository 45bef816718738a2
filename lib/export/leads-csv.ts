// CSV export whose header row Dynamics 365's import maps by itself (display names of the lead
// columns), with option sets as their labels and formulas neutralised.
import { leadOptionSets, optionLabel, statusCode, type LeadOptionSetName } from '../leads/option-sets';
import type { LeadFieldName, LeadRecord } from '../leads/schema';
import { modelValue } from '../leads/model-value';
import { toCsv } from './csv';

/** Column order and Dynamics 365 display names (English: Dynamics maps these automatically). */
export const exportColumns: readonly (readonly [LeadFieldName, string])[] = [
  ['subject', 'Topic'], ['salutation', 'Salutation'], ['firstname', 'First Name'], ['middlename', 'Middle Name'],
  ['lastname', 'Last Name'], ['jobtitle', 'Job Title'], ['companyname', 'Company Name'],
  ['emailaddress1', 'Email'], ['emailaddress2', 'Email Address 2'], ['emailaddress3', 'Email Address 3'],
  ['telephone1', 'Business Phone'], ['telephone2', 'Home Phone'], ['telephone3', 'Other Phone'],
  ['mobilephone', 'Mobile Phone'], ['fax', 'Fax'], ['websiteurl', 'Website'],
  ['address1_line1', 'Street 1'], ['address1_line2', 'Street 2'], ['address1_line3', 'Street 3'],
  ['address1_city', 'City'], ['address1_stateorprovince', 'State/Province'], ['address1_postalcode', 'ZIP/Postal Code'],
  ['address1_country', 'Country/Region'], ['industrycode', 'Industry'], ['leadsourcecode', 'Lead Source'],
  ['leadqualitycode', 'Rating'], ['preferredcontactmethodcode', 'Preferred Method of Contact'],
  ['donotemail', 'Do not allow Emails'], ['donotphone', 'Do not allow Phone Calls'],
  ['donotpostalmail', 'Do not allow Mails'], ['donotbulkemail', 'Do not allow Bulk Emails'],
  ['budgetamount', 'Budget Amount'], ['budgetstatus', 'Budget'], ['purchasetimeframe', 'Purchase Timeframe'],
  ['purchaseprocess', 'Purchase Process'], ['decisionmaker', 'Identify Decision Maker'], ['need', 'Need'],
  ['numberofemployees', 'No. of Employees'], ['revenue', 'Annual Revenue'], ['estimatedclosedate', 'Est. Close Date'],
  ['description', 'Description'], ['qualificationcomments', 'Qualification Comments'],
];

function cell(lead: LeadRecord, name: LeadFieldName): string {
  const v = modelValue(name, lead[name]);
  if (v === undefined || v === null) return '';
  if (typeof v === 'boolean') return name === 'decisionmaker' ? (v ? 'mark complete' : 'mark incomplete') : v ? 'Do Not Allow' : 'Allow';
  if (name in leadOptionSets) return optionLabel(leadOptionSets[name as LeadOptionSetName], Number(v), 'en');
  return String(v);
}

/** One row per lead; the header row is stable across versions (append new columns at the end). */
export function leadsToCsv(leads: readonly LeadRecord[]): string {
  const header = [...exportColumns.map(([, label]) => label), 'Status Reason', 'LeadClip ID', 'Source URL', 'Captured On'];
  const rows = leads.map((lead) => [
    ...exportColumns.map(([name]) => cell(lead, name)),
    optionLabel(statusCode, lead.statuscode, 'en'),
    lead.id,
    lead.provenance.sourceUrl ?? '',
    lead.provenance.capturedAt,
  ]);
  // toCsv writes the UTF-8 BOM Dynamics import and Excel need for Polish letters, and defuses formulas.
  return toCsv([header, ...rows]);
}
