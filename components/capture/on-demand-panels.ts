// Panels the popup shows only after Save or on a rep's answer, fetched when first rendered so the
// popup's entry chunk holds just the form (budget: bench/bundle-size.ts).
import { lazyComponent } from '@/components/lazy-component';

/** After a new lead's Save finds possible duplicates. */
export const DuplicatePanel = lazyComponent(() => import('@/components/pipeline/duplicate-panel').then((m) => m.DuplicatePanel));
/** After a lead is saved: qualify, disqualify, reopen. */
export const QualifyActions = lazyComponent(() => import('@/components/pipeline/qualify-actions').then((m) => m.QualifyActions));
/** After Save is refused for a free-mail sender (issue #8), whether or not the popup then closes. */
export const ConfirmFreeMail = lazyComponent(() => import('@/components/privacy/confirm-free-mail').then((m) => m.ConfirmFreeMail));
/** Only on webmail tabs, fetched with the email parser. */
export const EmailCaptureNotice = lazyComponent(() => import('@/components/webmail/email-capture-notice').then((m) => m.EmailCaptureNotice));
/** The rest of the Dynamics form, folded below the quick fields (issue #13); fetched right after
 * the quick form shows. */
export const FoldedSections = lazyComponent(() => import('@/components/lead-form/form-sections').then((m) => m.FormSections));
/** The last ten captures with their sync state, below the form (issue #13). */
export const RecentCaptures = lazyComponent(() => import('@/components/capture/recent-captures').then((m) => m.RecentCaptures));
/** Everyone on the page, ticked and saved in one action (issue #13); fetched when opened. */
export const PeopleFold = lazyComponent(() => import('@/components/capture/people-list').then((m) => m.PeopleFold));
/** The score and its breakdown, below the quick fields. */
export const ScoreAside = lazyComponent(() => import('@/components/capture/score-aside').then((m) => m.ScoreAside));
/** Privacy notices (never-capture page, own company, lawful basis) and "already in the CRM": both
 * wait on a background answer anyway, so their code comes with it. */
export const PrivacyNotice = lazyComponent(() => import('@/components/privacy/privacy-notice').then((m) => m.PrivacyNotice));
export const CrmMatches = lazyComponent(() => import('@/components/sync/crm-matches').then((m) => m.CrmMatches));
