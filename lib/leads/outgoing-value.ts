// A stored column on its way out (sync payload, CSV export) passes the lead model again (issue
// #18), so a lead saved before the model refused javascript: links and stripped invisible
// characters never sends or exports them.
import { leadFieldsShape, type LeadFieldName } from './schema';
import { hasInvisible, visibleText } from '../text/visible-text';

const recheck = new Set<LeadFieldName>(['websiteurl', 'emailaddress1', 'emailaddress2', 'emailaddress3']);

/** The value as the lead model would store it today; a web address it refuses is dropped. */
export function outgoingValue(name: LeadFieldName, value: unknown): unknown {
  if (typeof value !== 'string' || (!recheck.has(name) && !hasInvisible(value))) return value;
  const parsed = (leadFieldsShape[name] as { safeParse(v: unknown): { success: boolean; data?: unknown } }).safeParse(value);
  if (parsed.success) return parsed.data;
  // Never send a link the model refuses; any other old value goes as it was, minus hidden characters.
  return name === 'websiteurl' ? undefined : visibleText(value, name === 'description' || name === 'qualificationcomments');
}
