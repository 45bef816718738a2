import { describe, expect, it } from 'vitest';
import { companyKey, foldText, jaroWinkler } from './match-text';

describe('foldText', () => {
  it('drops case, diacritics (ł too) and punctuation', () => {
    expect(foldText('  Łukasz   ŻÓŁTOWSKI-Gąska ')).toBe('lukasz zoltowski gaska');
    expect(foldText("O'Brien")).toBe('o brien');
    expect(foldText(undefined)).toBe('');
  });
});

describe('companyKey', () => {
  it('ignores Polish and foreign legal forms however they are written', () => {
    expect(companyKey('ACME Sp. z o.o.')).toBe('acme');
    expect(companyKey('Acme spółka z ograniczoną odpowiedzialnością')).toBe('acme');
    expect(companyKey('acme sp. z o. o.')).toBe('acme');
    expect(companyKey('Orlen S.A.')).toBe('orlen');
    expect(companyKey('Müller GmbH & Co. KG')).toBe('muller');
    expect(companyKey('Contoso Ltd.')).toBe('contoso');
  });
  it('keeps words that only look like a legal form inside the name', () => {
    expect(companyKey('SA Logistics')).toBe('sa logistics');
    expect(companyKey('AG')).toBe('ag');
  });
});

describe('jaroWinkler', () => {
  it('scores identical, close and unrelated strings', () => {
    expect(jaroWinkler('kowalski', 'kowalski')).toBe(1);
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('kowalski', 'kowalsky')).toBeGreaterThan(0.9);
    expect(jaroWinkler('kowalski', 'nowak')).toBeLessThan(0.85);
    expect(jaroWinkler('anna', 'zbigniew')).toBeLessThan(0.5);
    expect(jaroWinkler('', 'x')).toBe(0);
  });
});
