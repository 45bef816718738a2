// Shared by the pipeline's unit tests and benches: a plausible lead draft and fixed settings.
import { defaultScoringRules } from './score';
import type { PipelineSettings } from './pipeline-settings';
import type { LeadDraftInput } from './schema';

export const testSettings: PipelineSettings = { rules: defaultScoringRules, defaultCountry: 'PL' };

export function draft(overrides: Partial<LeadDraftInput> = {}): LeadDraftInput {
  return { subject: 'Targi', lastname: 'Kowalski', firstname: 'Jan', companyname: 'Acme Sp. z o.o.', ...overrides };
}
