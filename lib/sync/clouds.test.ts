import { describe, expect, it } from 'vitest';
import { CLOUD_IDS, CLOUDS, cloudById, cloudOf, instancesUrl } from './clouds';

describe('cloudOf: authority, discovery and host permission from the environment URL', () => {
  it.each([
    ['https://contoso.crm.dynamics.com', 'public', 'https://login.microsoftonline.com', 'https://globaldisco.crm.dynamics.com', 'https://*.dynamics.com/*'],
    ['https://contoso.crm4.dynamics.com/main.aspx', 'public', 'https://login.microsoftonline.com', 'https://globaldisco.crm.dynamics.com', 'https://*.dynamics.com/*'],
    ['https://agency.crm9.dynamics.com', 'gcc', 'https://login.microsoftonline.com', 'https://globaldisco.crm9.dynamics.com', 'https://*.dynamics.com/*'],
    ['https://agency.crm.microsoftdynamics.us', 'gcchigh', 'https://login.microsoftonline.us', 'https://globaldisco.crm.microsoftdynamics.us', 'https://*.microsoftdynamics.us/*'],
    ['https://firma.crm.dynamics.cn', 'china', 'https://login.chinacloudapi.cn', 'https://globaldisco.crm.dynamics.cn', 'https://*.dynamics.cn/*'],
  ])('%s is %s', (url, id, authority, discovery, hostPermission) => {
    expect(cloudOf(url)).toMatchObject({ id, authority, discovery, hostPermission });
  });

  it.each([
    'http://contoso.crm.dynamics.com', // not https
    'https://contoso.crm.dynamics.com:8443',
    'https://dynamics.com',
    'https://contoso.crm.dynamics.com.evil.example',
    'https://evil.example/contoso.crm.dynamics.com',
    'https://globaldisco.crm.dynamics.cn.example',
    'https://a.b.crm.dynamics.com', // one label before crm only
    'not a url',
  ])('%s belongs to no cloud', (url) => {
    expect(cloudOf(url)).toBeUndefined();
  });

  it('GCC is not mistaken for the public cloud (crm9 is under dynamics.com too)', () => {
    expect(cloudOf('https://x.crm9.dynamics.com')?.discovery).toBe('https://globaldisco.crm9.dynamics.com');
  });

  it('every cloud is listed once', () => {
    expect(CLOUDS.map((c) => c.id).sort()).toEqual([...CLOUD_IDS].sort());
  });

  it('the discovery list lives under /api/discovery/v2.0/Instances', () => {
    expect(instancesUrl(cloudById('china').discovery)).toBe('https://globaldisco.crm.dynamics.cn/api/discovery/v2.0/Instances');
    expect(instancesUrl('http://127.0.0.1:5000/')).toBe('http://127.0.0.1:5000/api/discovery/v2.0/Instances');
  });
});
