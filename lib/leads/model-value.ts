// A column value that did not come through a save passes the lead model on its way (issue #18):
// a stored lead on its way out (sync payload, CSV export), so one saved before the model refused
// javascript: links and stripped invisible characters never sends or exports them, and a CRM
// row on its way in (a conflict the rep settles by keeping the CRM's version).
import { leadFieldsShape, type LeadFieldName } from './schema';
import { hasInvisible, visibleText } from '../text/visible-text';

const recheck = new Set<LeadFieldName>(['websiteurl', 'emailaddress1', 'emailaddress2', 'emailaddress3']);

/** The value as the lead model would store it today; a web address it refuses is dropped. */
export function modelValue(name: LeadFieldName, value: unknown): unknown {
  if (typeof value !== 'string' || (!recheck.has(name) && !hasInvisible(value))) return value;
  const parsed = (leadFieldsShape[name] as { safeParse(v: unknown): { success: boolean; data?: unknown } }).safeParse(value);
  if (parsed.success) return parsed.data;
  // Never pass on a link the model refuses; any other old value goes as it was, minus hidden characters.
  return name === 'websiteurl' ? undefined : visibleText(value, name === 'description' || name === 'qualificationcomments');
}
