// The lead's Dataverse columns by name, with their text limits: plain data without zod, so the
// popup's first paint (the quick form) needs no schema; the zod schema is loaded for the save
// (bench/bundle-size.ts, issue #13). lib/leads/schema.ts builds its shape on these names.

const columns = [
  'subject', 'lastname', 'firstname', 'middlename', 'salutation', 'jobtitle', 'companyname',
  'emailaddress1', 'emailaddress2', 'emailaddress3', 'telephone1', 'telephone2', 'telephone3',
  'mobilephone', 'fax', 'websiteurl', 'address1_line1', 'address1_line2', 'address1_line3',
  'address1_city', 'address1_stateorprovince', 'address1_postalcode', 'address1_country',
  'description', 'industrycode', 'leadsourcecode', 'leadqualitycode', 'preferredcontactmethodcode',
  'donotemail', 'donotphone', 'donotpostalmail', 'donotbulkemail', 'budgetamount', 'budgetstatus',
  'purchasetimeframe', 'purchaseprocess', 'decisionmaker', 'need', 'numberofemployees', 'revenue',
  'estimatedclosedate', 'qualificationcomments',
] as const;
export type LeadFieldName = (typeof columns)[number];
/** Every column of the lead, in the form's and the exports' order. */
export const leadFieldNames: LeadFieldName[] = [...columns];

/** Max length of every text column, for `maxlength` attributes and truncation on import. */
export const leadTextLimits: Partial<Record<LeadFieldName, number>> = {
  subject: 300, lastname: 50, firstname: 50, middlename: 50, salutation: 100, jobtitle: 100,
  companyname: 100, emailaddress1: 100, emailaddress2: 100, emailaddress3: 100, telephone1: 50,
  telephone2: 50, telephone3: 50, mobilephone: 20, fax: 50, websiteurl: 200, address1_line1: 250,
  address1_line2: 250, address1_line3: 250, address1_city: 80, address1_stateorprovince: 50,
  address1_postalcode: 20, address1_country: 80, description: 2000, qualificationcomments: 2000,
};

export const leadFlagFields = ['donotemail', 'donotphone', 'donotpostalmail', 'donotbulkemail', 'decisionmaker'] as const satisfies readonly LeadFieldName[];
