import { describe, expect, it } from 'vitest';
import { DiscoveryError, parseInstances } from './discovery';

const store = { loopback: false };

describe('parseInstances', () => {
  it('offers enabled environments on Microsoft clouds, named and sorted, each once', () => {
    const body = {
      value: [
        { FriendlyName: 'Contoso Sales', UniqueName: 'org1', Url: 'https://contoso.crm4.dynamics.com/', Region: 'EUR', State: 0 },
        { FriendlyName: 'Agency', Url: 'https://agency.crm.microsoftdynamics.us', State: 0 },
        { FriendlyName: 'Contoso Sales again', Url: 'https://contoso.crm4.dynamics.com', State: 0 },
        { FriendlyName: 'Disabled', Url: 'https://old.crm.dynamics.com', State: 1 },
        { FriendlyName: 'Elsewhere', Url: 'https://attacker.example', State: 0 },
        { FriendlyName: 'Loopback', Url: 'http://127.0.0.1:9999', State: 0 },
        { UniqueName: 'unnamed', Url: 'https://unnamed.crm.dynamics.cn' },
        { FriendlyName: 42 },
        'junk',
      ],
    };
    expect(parseInstances(body, store)).toEqual([
      { name: 'Agency', url: 'https://agency.crm.microsoftdynamics.us' },
      { name: 'Contoso Sales again', url: 'https://contoso.crm4.dynamics.com' },
      { name: 'unnamed', url: 'https://unnamed.crm.dynamics.cn' },
    ]);
  });
  it('the sandbox only in sandbox builds', () => {
    expect(parseInstances({ value: [{ FriendlyName: 'Sandbox', Url: 'http://127.0.0.1:9999' }] }, { loopback: true })).toEqual([{ name: 'Sandbox', url: 'http://127.0.0.1:9999' }]);
  });
  it('anything but a list is an error', () => {
    expect(() => parseInstances({ error: { message: 'no' } }, store)).toThrow(DiscoveryError);
  });
});
