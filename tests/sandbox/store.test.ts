import { describe, expect, it } from 'vitest';
import { Store } from './store';

describe('sandbox store', () => {
  it('rolls a failed transaction back, indexes included', () => {
    const s = new Store();
    s.put('leads', 'a', { leadid: 'a', emailaddress1: 'X@y.example' });
    expect(s.lookup('leads', 'emailaddress1', 'x@Y.example')).toEqual(['a']);
    expect(() => s.transaction(() => {
      s.put('leads', 'b', { leadid: 'b', emailaddress1: 'x@y.example' });
      s.put('leads', 'a', { leadid: 'a', emailaddress1: 'new@y.example' });
      expect(s.lookup('leads', 'emailaddress1', 'x@y.example')).toEqual(['b']);
      throw new Error('fail');
    })).toThrow('fail');
    expect(s.get('leads', 'b')).toBeUndefined();
    expect(s.get('leads', 'a')?.emailaddress1).toBe('X@y.example');
    expect(s.lookup('leads', 'emailaddress1', 'x@y.example')).toEqual(['a']);
    expect(s.lookup('leads', 'emailaddress1', 'new@y.example')).toEqual([]);
  });
  it('gives every write a new version', () => {
    const s = new Store();
    const v1 = s.put('leads', 'a', {}).versionnumber as number;
    const v2 = s.put('leads', 'a', {}).versionnumber as number;
    expect(v2).toBeGreaterThan(v1);
  });
});
