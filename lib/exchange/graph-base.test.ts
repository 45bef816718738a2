import { describe, expect, it } from 'vitest';
import { GRAPH_BASE, graphBaseFor, graphHostPattern } from './graph-base';

describe('where Microsoft Graph is', () => {
  it('is graph.microsoft.com for a real environment, and that host alone is asked for', () => {
    expect(graphBaseFor('https://contoso.crm4.dynamics.com')).toBe(GRAPH_BASE);
    expect(graphHostPattern('https://contoso.crm4.dynamics.com')).toBe('https://graph.microsoft.com/*');
  });

  it('a store build never sends Graph calls to a loopback address, even if the environment is one', () => {
    expect(graphBaseFor('http://127.0.0.1:4000', false)).toBe(GRAPH_BASE);
  });

  it('a sandbox build finds Graph on the local sandbox beside Dataverse', () => {
    expect(graphBaseFor('http://127.0.0.1:4000', true)).toBe('http://127.0.0.1:4000/graph/v1.0/');
    expect(graphHostPattern('http://127.0.0.1:4000', true)).toBe('http://127.0.0.1/*');
    expect(graphBaseFor('https://contoso.crm.dynamics.com', true)).toBe(GRAPH_BASE);
  });
});
