import { describe, expect, it } from 'vitest';
import managedSchema from '../../public/managed_schema.json';
import { mergeManaged, normalizeSettings, originPattern } from './settings';

describe('managed settings', () => {
  it('lets policy values win field by field and locks them', () => {
    const r = mergeManaged({ environmentUrl: 'https://mine.crm.dynamics.com', tenant: 'mine.onmicrosoft.com', clientId: 'x' }, { environmentUrl: 'https://corp.crm4.dynamics.com', clientId: '' });
    expect(r.settings).toMatchObject({ environmentUrl: 'https://corp.crm4.dynamics.com', tenant: 'mine.onmicrosoft.com', clientId: 'x' });
    expect(r.locked).toEqual(['environmentUrl']);
  });
  it('the schema offers exactly the settings an admin can preset', () => {
    expect(Object.keys(managedSchema.properties).sort()).toEqual(['clientId', 'environmentUrl', 'tenant', 'webhookUrl']);
  });
  it('webhook only (another CRM) needs no Dynamics fields', () => {
    expect(normalizeSettings({ environmentUrl: '', tenant: '', clientId: '', webhookUrl: 'https://hooks.example.com/lead' })).toMatchObject({ ok: true, settings: { environmentUrl: '', webhookUrl: 'https://hooks.example.com/lead' } });
  });
  it('asks for exactly the org host', () => {
    expect(originPattern('https://contoso.crm4.dynamics.com')).toBe('https://contoso.crm4.dynamics.com/*');
    expect(originPattern('http://127.0.0.1:7380')).toBe('http://127.0.0.1/*');
  });
});
