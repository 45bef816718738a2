import { describe, expect, it } from 'vitest';
import { describePrivileges, missingPrivileges, parsePrivilege, REQUIRED_PRIVILEGES } from './privileges';

describe('privileges a rep needs', () => {
  it('are create, read, write, append and append-to on leads, notes and activities', () => {
    expect(REQUIRED_PRIVILEGES.map((p) => p.name)).toEqual([
      'prvCreateLead', 'prvReadLead', 'prvWriteLead', 'prvAppendLead', 'prvAppendToLead',
      'prvCreateNote', 'prvReadNote', 'prvWriteNote', 'prvAppendNote', 'prvAppendToNote',
      'prvCreateActivity', 'prvReadActivity', 'prvWriteActivity', 'prvAppendActivity', 'prvAppendToActivity',
    ]);
  });

  it('reads AppendTo before Append, and the annotation spelling as notes', () => {
    expect(parsePrivilege('prvAppendToLead')).toMatchObject({ action: 'AppendTo', table: 'Lead' });
    expect(parsePrivilege('prvAppendLead')).toMatchObject({ action: 'Append', table: 'Lead' });
    expect(parsePrivilege('prvCreateAnnotation')).toMatchObject({ action: 'Create', table: 'Note', name: 'prvCreateNote' });
    expect(parsePrivilege('prvDeleteLead')).toBeUndefined();
    expect(parsePrivilege('prvReadAccount')).toBeUndefined();
  });

  it('lists what RetrieveUserPrivileges does not hold', () => {
    const held = REQUIRED_PRIVILEGES.filter((p) => p.name !== 'prvCreateLead' && p.name !== 'prvAppendToNote').map((p) => ({ PrivilegeName: p.name, Depth: 'Global' }));
    expect(missingPrivileges([...held, { PrivilegeName: 'prvReadAccount' }, { PrivilegeName: 42 }]).map((p) => p.name)).toEqual(['prvCreateLead', 'prvAppendToNote']);
    expect(missingPrivileges(REQUIRED_PRIVILEGES.map((p) => ({ PrivilegeName: p.name })))).toEqual([]);
  });

  it('says them in words', () => {
    const t = (key: string) => ({ syncPriv_Create_Lead: 'create leads', syncPriv_AppendTo_Note: 'attach to notes' } as Record<string, string>)[key] ?? key;
    expect(describePrivileges([parsePrivilege('prvCreateLead')!, parsePrivilege('prvAppendToNote')!], t)).toBe('create leads, attach to notes');
  });
});
