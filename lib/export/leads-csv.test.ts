import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { leadRecord, type LeadRecord } from '../leads/schema';
import { leadsToCsv, exportColumns } from './leads-csv';
import { spreadsheetSafe } from './spreadsheet-safe';

const lead = (over: Partial<LeadRecord>): LeadRecord =>
  leadRecord.parse({
    id: '0f8fad5b-d9cb-469f-a165-70867728950e', subject: 'Demo', lastname: 'Kowalski', statecode: 0, statuscode: 1,
    provenance: { origin: 'manual', capturedAt: '2026-11-27T10:00:00.000Z', fields: {} },
    timeline: [], stakeholders: [], qualify: {}, sync: { state: 'ready' },
    createdAt: '2026-11-27T10:00:00.000Z', updatedAt: '2026-11-27T10:00:00.000Z', ...over,
  });

describe('spreadsheetSafe', () => {
  it.each(['=1+1', '+48 600', '-2', '@SUM(A1)', '\tx', '\rx'])('neutralises %j', (v) => expect(spreadsheetSafe(v)).toBe(`'${v}`));
  it('leaves ordinary text alone', () => expect(spreadsheetSafe('Łódź')).toBe('Łódź'));
});

describe('leadsToCsv', () => {
  it('writes Dynamics display names as a stable header and one row per lead', () => {
    const csv = leadsToCsv([lead({ firstname: 'Zażółć', companyname: '=HYPERLINK("x")', leadsourcecode: 7, donotemail: true })]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
    const [header, row] = parsed.data;
    expect(header.slice(0, 7)).toEqual(['Topic', 'Salutation', 'First Name', 'Middle Name', 'Last Name', 'Job Title', 'Company Name']);
    expect(header).toHaveLength(exportColumns.length + 4);
    const get = (label: string) => row[header.indexOf(label)];
    expect(get('First Name')).toBe('Zażółć');
    expect(get('Company Name')).toBe(`'=HYPERLINK("x")`);
    expect(get('Lead Source')).toBe('Trade Show');
    expect(get('Do not allow Emails')).toBe('Do Not Allow');
    expect(get('Status Reason')).toBe('New');
  });
});
