// The lead form's section ids and the sections component's props, without the sections' code
// (the popup loads that lazily).
import type { LeadFieldName } from '@/lib/leads/schema';
import type { LeadFormModel } from '@/lib/state/lead-form-model';

export const sectionIds = ['contact', 'company', 'qualify', 'details', 'timeline', 'stakeholders'] as const;
export type SectionId = (typeof sectionIds)[number];

export interface FormSectionsProps {
  model: LeadFormModel;
  /** Fields shown elsewhere (the popup's quick fields). */
  skip?: readonly LeadFieldName[];
  /** Each section as a closed <details>, one click away. */
  folded?: boolean;
}
