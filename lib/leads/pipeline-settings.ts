// Settings the save pipeline reads (issue #4): scoring rules and the default phone country.
import { storage } from '#imports';
import type { CountryCode } from 'libphonenumber-js/min';
import { getCountries } from 'libphonenumber-js/min';
import { defaultScoringRules, scoringRules, type ScoringRules } from './score';

export const scoringRulesItem = storage.defineItem<ScoringRules>('local:scoringRules', { fallback: defaultScoringRules, version: 1 });
export const defaultCountryItem = storage.defineItem<string>('local:defaultCountry', { fallback: 'PL', version: 1 });

export interface PipelineSettings {
  rules: ScoringRules;
  defaultCountry: CountryCode;
}

const isCountry = (c: string): c is CountryCode => (getCountries() as string[]).includes(c);

/** Current settings; a damaged stored value falls back to the default rather than failing saves. */
export async function loadPipelineSettings(): Promise<PipelineSettings> {
  const [rawRules, country] = await Promise.all([scoringRulesItem.getValue(), defaultCountryItem.getValue()]);
  const parsed = scoringRules.safeParse(rawRules);
  return { rules: parsed.success ? parsed.data : defaultScoringRules, defaultCountry: isCountry(country) ? country : 'PL' };
}

/** Validates and stores edited rules (options page). Throws a ZodError on bad input. */
export async function saveScoringRules(input: unknown): Promise<ScoringRules> {
  const rules = scoringRules.parse(input);
  await scoringRulesItem.setValue(rules);
  return rules;
}

export async function saveDefaultCountry(code: string): Promise<CountryCode> {
  const upper = code.toUpperCase();
  if (!isCountry(upper)) throw Object.assign(new Error(`Unknown country code: ${code}`), { code: 'invalid' });
  await defaultCountryItem.setValue(upper);
  return upper;
}

/** Every country the phone parser knows (ISO 3166 codes). */
export const phoneCountries = (): string[] => getCountries() as string[];
