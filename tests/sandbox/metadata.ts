// The sandbox's table definitions: the subset of Dataverse metadata LeadClip touches, with the
// out-of-the-box lengths, requirement levels, choices and navigation properties of
// shared/docs/dataverse.md §1–§3. Navigation names here are the ones the docs mark "unconfirmed";
// the sandbox also serves them as relationship metadata so clients can look them up.
import { leadOptionSets, stateCode, statusCode, statusCodesByState, type OptionSet } from '../../lib/leads/option-sets';

export type AttrType = 'String' | 'Memo' | 'Integer' | 'Double' | 'Money' | 'Boolean' | 'Picklist' | 'State' | 'Status' | 'DateOnly' | 'DateTime' | 'Uniqueidentifier' | 'Lookup';

export interface AttrDef {
  type: AttrType;
  display: string;
  max?: number;
  min?: number;
  required?: boolean;
  readOnly?: boolean;
  options?: OptionSet;
  /** Settable on create? (statecode is not on lead). */
  notOnCreate?: boolean;
  /** Issue #17: an org's own column (new_*), with its display name in both languages. */
  custom?: boolean;
  labels?: { en: string; pl: string };
}

export interface NavDef {
  /** The lookup attribute it fills. */
  attribute: string;
  /** Entity set of the target. */
  target: string;
}

export interface TableDef {
  logicalName: string;
  entitySet: string;
  key: string;
  primaryName: string;
  attributes: Record<string, AttrDef>;
  nav: Record<string, NavDef>;
}

const str = (display: string, max: number, extra: Partial<AttrDef> = {}): AttrDef => ({ type: 'String', display, max, ...extra });
const memo = (display: string, max: number): AttrDef => ({ type: 'Memo', display, max });
const bool = (display: string): AttrDef => ({ type: 'Boolean', display });
const pick = (display: string, options: OptionSet): AttrDef => ({ type: 'Picklist', display, options });

const leadAttributes: Record<string, AttrDef> = {
  subject: str('Topic', 300, { required: true }),
  lastname: str('Last Name', 50, { required: true }),
  firstname: str('First Name', 50),
  middlename: str('Middle Name', 50),
  salutation: str('Salutation', 100),
  jobtitle: str('Job Title', 100),
  companyname: str('Company Name', 100),
  emailaddress1: str('Email', 100),
  emailaddress2: str('Email Address 2', 100),
  emailaddress3: str('Email Address 3', 100),
  telephone1: str('Business Phone', 50),
  telephone2: str('Home Phone', 50),
  telephone3: str('Other Phone', 50),
  mobilephone: str('Mobile Phone', 20),
  fax: str('Fax', 50),
  pager: str('Pager', 20),
  websiteurl: str('Website', 200),
  address1_line1: str('Street 1', 250),
  address1_line2: str('Street 2', 250),
  address1_line3: str('Street 3', 250),
  address1_city: str('City', 80),
  address1_stateorprovince: str('State/Province', 50),
  address1_postalcode: str('ZIP/Postal Code', 20),
  address1_country: str('Country/Region', 80),
  address1_county: str('County', 50),
  description: memo('Description', 2000),
  qualificationcomments: memo('Qualification Comments', 2000),
  numberofemployees: { type: 'Integer', display: 'No. of Employees', min: 0, max: 1_000_000 },
  revenue: { type: 'Money', display: 'Annual Revenue', min: 0, max: 1e14 },
  budgetamount: { type: 'Money', display: 'Budget Amount', min: 0, max: 1e12 },
  estimatedamount: { type: 'Money', display: 'Est. Value', min: 0, max: 1e12 },
  estimatedclosedate: { type: 'DateOnly', display: 'Est. Close Date' },
  donotemail: bool('Do not allow Emails'),
  donotphone: bool('Do not allow Phone Calls'),
  donotfax: bool('Do not allow Faxes'),
  donotpostalmail: bool('Do not allow Mails'),
  donotbulkemail: bool('Do not allow Bulk Emails'),
  donotsendmm: bool('Send Marketing Materials'),
  decisionmaker: bool('Decision Maker?'),
  confirminterest: bool('Confirm Interest'),
  evaluatefit: bool('Evaluate Fit'),
  ...Object.fromEntries(Object.entries(leadOptionSets).map(([name, set]) => [name, pick(name, set)])),
  statecode: { type: 'State', display: 'Status', options: stateCode, notOnCreate: true },
  statuscode: { type: 'Status', display: 'Status Reason', options: statusCode },
  fullname: str('Name', 160, { readOnly: true }),
};

export const tables: Record<string, TableDef> = {
  leads: {
    logicalName: 'lead', entitySet: 'leads', key: 'leadid', primaryName: 'fullname', attributes: leadAttributes,
    nav: {
      parentaccountid: { attribute: 'parentaccountid', target: 'accounts' },
      parentcontactid: { attribute: 'parentcontactid', target: 'contacts' },
      customerid_account: { attribute: 'customerid', target: 'accounts' },
      customerid_contact: { attribute: 'customerid', target: 'contacts' },
      qualifyingopportunityid: { attribute: 'qualifyingopportunityid', target: 'opportunities' },
    },
  },
  accounts: {
    logicalName: 'account', entitySet: 'accounts', key: 'accountid', primaryName: 'name',
    attributes: {
      name: str('Account Name', 160, { required: true }), websiteurl: str('Website', 200), telephone1: str('Main Phone', 50),
      address1_telephone1: str('Address 1: Telephone 1', 50), emailaddress1: str('Email', 100),
      address1_line1: str('Street 1', 250), address1_city: str('City', 80), address1_postalcode: str('ZIP/Postal Code', 20), address1_country: str('Country/Region', 80),
    },
    nav: { originatingleadid: { attribute: 'originatingleadid', target: 'leads' } },
  },
  contacts: {
    logicalName: 'contact', entitySet: 'contacts', key: 'contactid', primaryName: 'fullname',
    attributes: {
      firstname: str('First Name', 50), lastname: str('Last Name', 50, { required: true }), fullname: str('Full Name', 160, { readOnly: true }),
      jobtitle: str('Job Title', 100), emailaddress1: str('Email', 100), mobilephone: str('Mobile Phone', 50), telephone1: str('Business Phone', 50),
      managerphone: str("Manager's Phone", 50), address1_line1: str('Street 1', 250), address1_city: str('City', 80),
      address1_postalcode: str('ZIP/Postal Code', 20), address1_country: str('Country/Region', 80),
    },
    nav: {
      parentcustomerid_account: { attribute: 'parentcustomerid', target: 'accounts' },
      originatingleadid: { attribute: 'originatingleadid', target: 'leads' },
    },
  },
  opportunities: {
    logicalName: 'opportunity', entitySet: 'opportunities', key: 'opportunityid', primaryName: 'name',
    attributes: { name: str('Topic', 300, { required: true }) },
    nav: {
      originatingleadid: { attribute: 'originatingleadid', target: 'leads' },
      parentaccountid: { attribute: 'parentaccountid', target: 'accounts' },
      parentcontactid: { attribute: 'parentcontactid', target: 'contacts' },
      customerid_account: { attribute: 'customerid', target: 'accounts' },
      customerid_contact: { attribute: 'customerid', target: 'contacts' },
    },
  },
  annotations: {
    logicalName: 'annotation', entitySet: 'annotations', key: 'annotationid', primaryName: 'subject',
    attributes: {
      subject: str('Title', 500), notetext: memo('Description', 100_000), filename: str('File Name', 255), mimetype: str('Mime Type', 256),
      documentbody: memo('Document', 1_073_741_823), isdocument: bool('Is Document'), objecttypecode: str('Object Type', 64),
    },
    nav: {
      objectid_lead: { attribute: 'objectid', target: 'leads' },
      objectid_account: { attribute: 'objectid', target: 'accounts' },
      objectid_contact: { attribute: 'objectid', target: 'contacts' },
    },
  },
  phonecalls: {
    logicalName: 'phonecall', entitySet: 'phonecalls', key: 'activityid', primaryName: 'subject',
    attributes: {
      subject: str('Subject', 200, { required: true }), phonenumber: str('Phone Number', 200), directioncode: bool('Direction'),
      actualdurationminutes: { type: 'Integer', display: 'Actual Duration', min: 0, max: 2_147_483_647 }, description: memo('Description', 2000),
      scheduledend: { type: 'DateTime', display: 'Due' },
    },
    nav: {
      regardingobjectid_lead_phonecall: { attribute: 'regardingobjectid', target: 'leads' },
      regardingobjectid_account_phonecall: { attribute: 'regardingobjectid', target: 'accounts' },
      regardingobjectid_contact_phonecall: { attribute: 'regardingobjectid', target: 'contacts' },
    },
  },
  tasks: {
    logicalName: 'task', entitySet: 'tasks', key: 'activityid', primaryName: 'subject',
    attributes: {
      subject: str('Subject', 200, { required: true }), description: memo('Description', 2000), scheduledend: { type: 'DateTime', display: 'Due' },
    },
    nav: {
      regardingobjectid_lead_task: { attribute: 'regardingobjectid', target: 'leads' },
      regardingobjectid_account_task: { attribute: 'regardingobjectid', target: 'accounts' },
      regardingobjectid_contact_task: { attribute: 'regardingobjectid', target: 'contacts' },
    },
  },
  connections: {
    logicalName: 'connection', entitySet: 'connections', key: 'connectionid', primaryName: 'name',
    attributes: { description: memo('Description', 4000), name: str('Name', 500, { readOnly: true }) },
    nav: {
      record1id_lead: { attribute: 'record1id', target: 'leads' },
      record1id_contact: { attribute: 'record1id', target: 'contacts' },
      record1id_account: { attribute: 'record1id', target: 'accounts' },
      record2id_lead: { attribute: 'record2id', target: 'leads' },
      record2id_contact: { attribute: 'record2id', target: 'contacts' },
      record2id_account: { attribute: 'record2id', target: 'accounts' },
      record1roleid: { attribute: 'record1roleid', target: 'connectionroles' },
      record2roleid: { attribute: 'record2roleid', target: 'connectionroles' },
    },
  },
  connectionroles: {
    logicalName: 'connectionrole', entitySet: 'connectionroles', key: 'connectionroleid', primaryName: 'name',
    attributes: { name: str('Name', 100, { required: true }), category: { type: 'Picklist', display: 'Connection Role Category' } },
    nav: {},
  },
  systemusers: {
    logicalName: 'systemuser', entitySet: 'systemusers', key: 'systemuserid', primaryName: 'fullname',
    attributes: { fullname: str('Full Name', 200), internalemailaddress: str('Primary Email', 100), isdisabled: bool('Status') },
    nav: {},
  },
  teams: {
    logicalName: 'team', entitySet: 'teams', key: 'teamid', primaryName: 'name',
    attributes: { name: str('Team Name', 160, { required: true }), teamtype: { type: 'Picklist', display: 'Team Type' } },
    nav: {},
  },
};

export const tableByLogicalName = (logical: string): TableDef | undefined => Object.values(tables).find((t) => t.logicalName === logical);

/** statecode -> allowed statuscode values (Dataverse rejects other pairs). */
export const leadStatusByState: Record<number, readonly number[]> = statusCodesByState;
