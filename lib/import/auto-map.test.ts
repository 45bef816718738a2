import { describe, expect, it } from 'vitest';
import { corpusBytes, corpusDir } from '../../tests/tools/import-corpus';
import { autoMap, headerSignature } from './auto-map';
import { readTable } from './read-table';

const withCorpus = corpusDir ? describe : describe.skip;

/** header → target, for the columns that map to something. */
const mapped = (headers: string[]) => {
  const m = autoMap(headers);
  return new Map(headers.map((h, i) => [h, m.targets[i]] as const).filter(([, t]) => t !== 'ignore'));
};

withCorpus('contact exports map name, email, phone and company (corpus)', () => {
  const read = async (file: string) => (await readTable(corpusBytes('csv/crm-samples', file), { fileName: file })).headers;

  it('Google Contacts (gmail.csv)', async () => {
    const m = mapped(await read('roundcube-csv2vcard/gmail.csv'));
    expect(m.get('Given Name')).toBe('firstname');
    expect(m.get('Family Name')).toBe('lastname');
    expect(m.get('Additional Name')).toBe('middlename');
    expect(m.get('Name Prefix')).toBe('salutation');
    expect(m.get('E-mail 1 - Value')).toBe('email');
    expect(m.get('E-mail 2 - Value')).toBe('email');
    expect(m.get('Phone 1 - Value')).toBe('phone');
    expect(m.get('Organization 1 - Name')).toBe('companyname');
    expect(m.get('Organization 1 - Title')).toBe('jobtitle');
    expect(m.get('Address 1 - City')).toBe('address1_city');
    expect(m.has('Name')).toBe(false); // the parts are there; the full name is redundant
  });
  it('Outlook (outlook.csv)', async () => {
    const m = mapped(await read('roundcube-csv2vcard/outlook.csv'));
    expect([...m]).toEqual([['E-mail Address', 'emailaddress1'], ['E-mail 2 Address', 'emailaddress2'], ['E-mail 3 Address', 'emailaddress3']]);
  });
  it('Thunderbird (tb_plain.csv)', async () => {
    const m = mapped(await read('roundcube-csv2vcard/tb_plain.csv'));
    expect(m.get('First Name')).toBe('firstname');
    expect(m.get('Last Name')).toBe('lastname');
    expect(m.get('Primary Email')).toBe('emailaddress1');
    expect(m.get('Secondary Email')).toBe('emailaddress2');
    expect(m.get('Work Phone')).toBe('telephone1');
    expect(m.get('Home Phone')).toBe('telephone2');
    expect(m.get('Mobile Number')).toBe('mobilephone');
    expect(m.get('Fax Number')).toBe('fax');
    expect(m.get('Organization')).toBe('companyname');
    expect(m.get('Job Title')).toBe('jobtitle');
    expect(m.get('Work City')).toBe('address1_city');
    expect(m.get('Home City')).toBeUndefined(); // the work address wins
  });
  it('Outlook-style full export (all.csv)', async () => {
    const m = mapped(await read('roundcube-csv2vcard/all.csv'));
    expect(m.get('First Name')).toBe('firstname');
    expect(m.get('Last Name')).toBe('lastname');
    expect(m.get('Company')).toBe('companyname');
    expect(m.get('Job Title')).toBe('jobtitle');
    expect(m.get('Title')).toBe('salutation'); // "Job Title" exists, so "Title" is the prefix
    expect(m.get('Email Work')).toBe('emailaddress1');
    expect(m.get('Email Home')).toBe('emailaddress2');
    expect(m.get('Business Phone')).toBe('telephone1');
    expect(m.get('Home Phone')).toBe('telephone2');
    expect(m.get('Home Mobile')).toBe('mobilephone');
    expect(m.get('Business Fax')).toBe('fax');
    expect(m.get('Business Street')).toBe('address1_line1');
    expect(m.get('Work City')).toBe('address1_city');
    expect(m.get('Notes')).toBe('description');
  });
  it('a single email column (email.csv)', async () => {
    expect([...mapped(await read('roundcube-csv2vcard/email.csv'))]).toEqual([['Primary Email', 'emailaddress1']]);
  });
  it('Atomic CRM exports', async () => {
    for (const f of ['atomic-crm/contacts_export.csv', 'atomic-crm/test-data-contacts.csv']) {
      const m = mapped(await read(f));
      expect(m.get('first_name')).toBe('firstname');
      expect(m.get('last_name')).toBe('lastname');
      expect(m.get('email_work')).toBe('emailaddress1');
      expect(m.get('email_home')).toBe('emailaddress2');
      expect(m.get('phone_work')).toBe('telephone1');
      expect(m.get('title')).toBe('jobtitle');
      expect(m.get('company') ?? m.get('company_name')).toBe('companyname');
    }
  });
});

describe('Dynamics 365 and CRM headers', () => {
  it('maps Dynamics display names in English', () => {
    const m = mapped(['Topic', 'First Name', 'Last Name', 'Company Name', 'Business Phone', 'Mobile Phone', 'Email', 'Job Title', 'Lead Source', 'Rating', 'Address 1: City', 'Address 1: ZIP/Postal Code', 'Est. Close Date', 'Do not allow Emails']);
    expect([...m.values()]).toEqual(['subject', 'firstname', 'lastname', 'companyname', 'telephone1', 'mobilephone', 'emailaddress1', 'jobtitle', 'leadsourcecode', 'leadqualitycode', 'address1_city', 'address1_postalcode', 'estimatedclosedate', 'donotemail']);
  });
  it('maps Dynamics display names in Polish', () => {
    const m = mapped(['Temat', 'Imię', 'Nazwisko', 'Nazwa firmy', 'Telefon służbowy', 'Telefon komórkowy', 'E-mail', 'Stanowisko', 'Źródło potencjalnego klienta', 'Branża', 'Miejscowość', 'Kod pocztowy', 'Kraj/region', 'Opis']);
    expect([...m.values()]).toEqual(['subject', 'firstname', 'lastname', 'companyname', 'telephone1', 'mobilephone', 'emailaddress1', 'jobtitle', 'leadsourcecode', 'industrycode', 'address1_city', 'address1_postalcode', 'address1_country', 'description']);
  });
  it('maps Dataverse logical names first', () => {
    const m = mapped(['subject', 'lastname', 'emailaddress1', 'telephone1', 'Email']);
    expect(m.get('emailaddress1')).toBe('emailaddress1');
    expect(m.get('Email')).toBeUndefined();
  });
  it('maps HubSpot and Salesforce exports', () => {
    expect([...mapped(['First Name', 'Last Name', 'Email', 'Phone Number', 'Mobile Phone Number', 'Company Name', 'Job Title', 'Street Address', 'State/Region', 'Postal Code', 'Country/Region', 'Website URL', 'Annual Revenue', 'Number of Employees']).values()]).toEqual([
      'firstname', 'lastname', 'emailaddress1', 'telephone1', 'mobilephone', 'companyname', 'jobtitle', 'address1_line1', 'address1_stateorprovince', 'address1_postalcode', 'address1_country', 'websiteurl', 'revenue', 'numberofemployees',
    ]);
    const sf = mapped(['Salutation', 'First Name', 'Last Name', 'Title', 'Company', 'Email', 'Phone', 'Mobile', 'Lead Source', 'Industry', 'Zip/Postal Code', 'State/Province', 'Email Opt Out', 'Do Not Call', 'No. of Employees']);
    expect(sf.get('Title')).toBe('jobtitle'); // no "Job Title" column: Salesforce's Title is the job
    expect(sf.get('Salutation')).toBe('salutation');
    expect(sf.get('Mobile')).toBe('mobilephone');
    expect(sf.get('Email Opt Out')).toBe('donotemail');
    expect(sf.get('Do Not Call')).toBe('donotphone');
    expect(sf.get('No. of Employees')).toBe('numberofemployees');
    expect(sf.get('Zip/Postal Code')).toBe('address1_postalcode');
  });
  it('maps a full name when there are no name parts', () => {
    expect([...mapped(['Contact Name', 'Company Name', 'Email']).values()]).toEqual(['fullname', 'companyname', 'emailaddress1']);
  });
  it('the signature ignores column order and spelling noise', () => {
    expect(headerSignature(['E-mail', 'Nazwisko'])).toBe(headerSignature(['nazwisko', 'e mail']));
    expect(headerSignature(['E-mail'])).not.toBe(headerSignature(['E-mail', 'Nazwisko']));
  });
});
