// A column value that did not come through a save passes the lead model on its way (issue #18):
// a stored lead on its way out (sync payload, CSV export), so one saved before the model refused
// javascript: links and stripped invisible characters never sends or exports them, and a CRM
// row on its way in (a conflict the rep settles by keeping the CRM's version).
import { leadFieldsShape, type LeadFieldName } from './schema';
import { isPlainAddress } from '../text/email-address';
import { hasInvisible, visibleText } from '../text/visible-text';
import { isHttpUrl } from '../text/web-url';

const emailFields = new Set<LeadFieldName>(['emailaddress1', 'emailaddress2', 'emailaddress3']);

/** Values the model keeps as they are (the common case on export: no need to parse them again). */
function alreadyClean(name: LeadFieldName, value: string): boolean {
  if (hasInvisible(value)) return false;
  if (name === 'websiteurl') return isHttpUrl(value);
  if (emailFields.has(name)) return !value.includes('@') || isPlainAddress(value);
  return true;
}

/** The value as the lead model would store it today; a web address it refuses is dropped. */
export function modelValue(name: LeadFieldName, value: unknown): unknown {
  if (typeof value !== 'string' || alreadyClean(name, value)) return value;
  const parsed = (leadFieldsShape[name] as { safeParse(v: unknown): { success: boolean; data?: unknown } }).safeParse(value);
  if (parsed.success) return parsed.data;
  // Never pass on a link the model refuses; any other old value goes as it was, minus hidden characters.
  return name === 'websiteurl' ? undefined : visibleText(value, name === 'description' || name === 'qualificationcomments');
}
