// Issue #16: a lead the background refuses is explained field by field, as the form would
// ("Last Name: Provide a value."), never as zod prints it ("✖ required → at lead.lastname").
import english from './locales/en/lead-form.json';
import { t } from './t';

interface Issue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

const catalogue = english as Record<string, { message: string } | undefined>;
const CODES: Record<string, string> = {
  required: 'error_required', max: 'error_max', min: 'error_min', option: 'error_option', date: 'error_date',
  email: 'error_email', email_multiple: 'error_email_multiple', url: 'error_url', number: 'error_number',
};

/** The UI language's message, or English where chrome.i18n is not there (unit tests, bench). */
function say(key: string, subs: string[] = []): string {
  let text: string | undefined;
  try {
    text = t(key, subs);
  } catch {
    text = undefined;
  }
  if (text && text !== key) return text;
  return (catalogue[key]?.message ?? key).replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}

export function invalidInWords(issues: readonly Issue[]): string {
  return issues
    .map((i) => {
      const field = [...i.path].reverse().find((p): p is string => typeof p === 'string' && catalogue[`field_${p}`] !== undefined);
      const [code, arg] = i.message.split(':');
      const sentence = say(CODES[code] ?? 'error_invalid', arg ? [arg] : []);
      return field ? `${say(`field_${field}`)}: ${sentence}` : sentence;
    })
    .join(' ');
}
