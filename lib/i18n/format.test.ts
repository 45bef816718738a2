import { describe, expect, it } from 'vitest';
import { formatDateTime, formatNumber, uiLocale } from './format';

const at = '2026-12-03T14:05:00.000Z';

describe('formatting in the UI language', () => {
  it('takes the region the browser prefers for the UI language, else a sensible one', () => {
    expect(uiLocale('pl', ['en-US', 'pl-PL'])).toBe('pl-PL');
    expect(uiLocale('en', ['pl-PL', 'pl', 'en-GB', 'en'])).toBe('en-GB');
    expect(uiLocale('pl', ['en-US', 'en'])).toBe('pl-PL');
    expect(uiLocale('en', [])).toBe('en-US');
  });

  it('writes dates the Polish way in Polish and the American way in US English', () => {
    const pl = formatDateTime(at, 'pl-PL');
    const us = formatDateTime(at, 'en-US');
    expect(pl).toMatch(/^\d{1,2}\.12\.2026, \d{2}:05$/);
    expect(us).toMatch(/^12\/3\/26, \d{1,2}:05\s?[AP]M$/);
    expect(formatDateTime('not a date', 'pl-PL')).toBe('');
  });

  it('writes decimals with a comma in Polish and groups thousands', () => {
    expect(formatNumber(1.25, 'pl-PL')).toBe('1,3');
    expect(formatNumber(1.25, 'en-US')).toBe('1.3');
    expect(formatNumber(12500, 'pl-PL')).toBe('12\u00a0500');
    expect(formatNumber(12500, 'en-US')).toBe('12,500');
  });
});
