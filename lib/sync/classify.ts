// What a Dataverse answer means for one lead: done, try again (when), sign in, a conflict for
// the rep, or a problem the rep must fix (dataverse.md §4: error codes and statuses).
import { backoffDelay, parseRetryAfter } from './backoff';
import { parseErrorBody } from './errors';
import { crmMessageWords, fieldWords } from './field-words';
import { describePrivileges, parsePrivilege } from './privileges';

export type ProblemCode =
  | 'duplicate' | 'max_length' | 'required' | 'invalid_option' | 'invalid_value' | 'privilege'
  | 'not_licensed' | 'no_role' | 'deleted_in_crm' | 'already_closed' | 'state' | 'bad_request'
  /** Issue #17: not sent; a column the org requires is empty (field = its display names). */
  | 'held_required';

export interface Problem {
  code: ProblemCode;
  /** The column the CRM named, when it named one. */
  field?: string;
  max?: string;
  crmCode: string;
  crmMessage: string;
}

export type Outcome =
  | { kind: 'ok' }
  | { kind: 'retry'; delayMs: number; reason: 'throttled' | 'server' | 'network' }
  | { kind: 'auth' }
  | { kind: 'conflict' }
  | { kind: 'attention'; problem: Problem };

export const dataverseCodes = {
  duplicateDetected: '0x80040333',
  duplicateKey: '0x80040237',
  maxLength: '0x80044331',
  picklistOutOfRange: '0x8004431a',
  concurrencyMismatch: '0x80060882',
  objectDoesNotExist: '0x80040217',
  privilegeDenied: '0x80040220',
  userNotInOrg: '0x80072560',
  userNoRoles: '0x80042f09',
  leadAlreadyClosed: '0x80048472',
  throttling: ['0x80072322', '0x80072321', '0x80072326'],
} as const;

/** Retry-After, or backoff with jitter when the server gave none. */
function retryDelay(headers: Headers | Record<string, string>, attempt: number, random: () => number, now: Date): number {
  const value = headers instanceof Headers ? headers.get('retry-after') : headers['retry-after'];
  return parseRetryAfter(value, now) ?? backoffDelay(attempt, random);
}

export interface ClassifyContext {
  attempt: number;
  random?: () => number;
  now?: Date;
}

export function classify(status: number, headers: Headers | Record<string, string>, body: string, ctx: ClassifyContext): Outcome {
  const random = ctx.random ?? Math.random;
  const now = ctx.now ?? new Date();
  if (status < 300 || status === 304) return { kind: 'ok' };
  const err = parseErrorBody(body);
  const code = err?.code ?? '';
  const message = err?.message ?? '';
  const problem = (p: ProblemCode, extra: Partial<Problem> = {}): Outcome => ({ kind: 'attention', problem: { code: p, crmCode: code, crmMessage: message, ...extra } });

  // The duplicate error is documented both as 500 (example) and 412 (status table): key on the code.
  if (code === dataverseCodes.duplicateDetected || /duplicate of the current record already exists/i.test(message)) return problem('duplicate');
  if (status === 429 || (dataverseCodes.throttling as readonly string[]).includes(code)) {
    return { kind: 'retry', delayMs: retryDelay(headers, ctx.attempt, random, now), reason: 'throttled' };
  }
  if (status === 401) return { kind: 'auth' };
  if (status === 412) {
    if (code === dataverseCodes.duplicateKey) return problem('bad_request');
    return { kind: 'conflict' };
  }
  if (status >= 500 || status === 408) {
    return { kind: 'retry', delayMs: retryDelay(headers, ctx.attempt, random, now), reason: 'server' };
  }
  if (status === 404 && (code === dataverseCodes.objectDoesNotExist || /does not exist/i.test(message))) return problem('deleted_in_crm', { field: /^(\w+) With Id/.exec(message)?.[1] });
  if (status === 403) {
    if (code === dataverseCodes.userNotInOrg) return problem('not_licensed');
    if (code === dataverseCodes.userNoRoles) return problem('no_role');
    return problem('privilege', { field: /missing (prv\w+) privilege/.exec(message)?.[1] });
  }
  if (code === dataverseCodes.maxLength || /exceeded the maximum allowed length/i.test(message)) {
    const m = /length of the '(\w+)' attribute .*maximum allowed length of '(\d+)'/i.exec(message);
    return problem('max_length', { field: m?.[1], max: m?.[2] });
  }
  if (code === dataverseCodes.picklistOutOfRange) return problem('invalid_option', { field: /of '(\w+)'/.exec(message)?.[1] });
  if (code === dataverseCodes.leadAlreadyClosed) return problem('already_closed');
  if (/is required|cannot be (null|empty)|required field/i.test(message)) return problem('required', { field: /'(\w+)'/.exec(message)?.[1] });
  if (/status code|state code/i.test(message)) return problem('state');
  if (/outside the valid range|Cannot convert the literal/i.test(message)) return problem('invalid_value', { field: /'(\w+)'/.exec(message.replace(/literal '[^']*'/, ''))?.[1] });
  return problem('bad_request');
}

export type Translate = (key: string, substitutions?: string[]) => string;

/** A sentence for the rep: our explanation in their language, then the CRM's own words; fields
 * named as on the lead form (issue #16). */
export function describeProblem(p: Problem, translate: Translate): string {
  // Issue #17 ("Can't find the option?"): licence and role problems in the rep's words, the same
  // as Test connection's, not the CRM's raw "Principal user … is missing prvCreateLead".
  const privilege = p.code === 'privilege' && p.field ? parsePrivilege(p.field) : undefined;
  if (privilege) return translate('syncProblemPrivilegeWords', [describePrivileges([privilege], translate)]);
  if (p.code === 'not_licensed' || p.code === 'no_role') return translate(`syncProblem_${p.code}`);
  const label = fieldWords(translate);
  const field = p.field ? label(p.field) : '';
  const ours = translate(`syncProblem_${p.code}`, [field, p.max ?? '']);
  return p.crmMessage ? `${ours} ${translate('syncProblemCrmSays', [crmMessageWords(p.crmMessage, label)])}` : ours;
}
