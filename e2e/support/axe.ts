// axe-core in an extension page (issue #16). Extension pages' CSP blocks inline <script>, so the
// engine's source is evaluated through the DevTools protocol, which the CSP does not govern.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  /** Each offending node: its selector and axe's explanation. */
  nodes: string[];
}

export type ColorScheme = 'light' | 'dark';

/** Runs every axe rule (WCAG 2 A/AA and best practices) on the page as it is now, in `scheme`. */
export async function axeFindings(page: Page, scheme: ColorScheme = 'light'): Promise<AxeFinding[]> {
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  if (!(await page.evaluate((dark) => matchMedia('(prefers-color-scheme: dark)').matches === dark, scheme === 'dark'))) throw new Error(`the page is not in the ${scheme} scheme`);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    // Text under the sticky header or the fixed save bar, or scrolled out of a box, cannot be
    // checked for contrast where it sits (axe says "incomplete"): while axe runs, those bars join
    // the flow and scrolling boxes show everything.
    const all = [...document.querySelectorAll<HTMLElement>('body *')];
    const pinned = all.filter((e) => /^(fixed|sticky)$/.test(getComputedStyle(e).position));
    const scrolling = all.filter((e) => /auto|scroll/.test(getComputedStyle(e).overflowY));
    for (const e of pinned) e.style.setProperty('position', 'static', 'important');
    for (const e of scrolling) {
      e.style.setProperty('overflow', 'visible', 'important');
      e.style.setProperty('max-height', 'none', 'important');
    }
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<Record<'violations' | 'incomplete', { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string; any: { message: string }[] }[] }[]>> } }).axe;
    // Only violations and incomplete are read: axe then skips listing every node that passed
    // (a third of its time here), and reports those two in full as before.
    const { violations, incomplete } = await axe.run(document, { resultTypes: ['violations', 'incomplete'] }).finally(() => {
      for (const e of pinned) e.style.removeProperty('position');
      for (const e of scrolling) for (const prop of ['overflow', 'max-height']) e.style.removeProperty(prop);
    });
    // Contrast axe could not decide for a text is a finding too (a symbol alone, such as "●", is no text).
    const undecided = incomplete
      .filter((v) => v.id === 'color-contrast')
      .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !/non-text characters|too short/.test(n.any[0]?.message ?? '')) }))
      .filter((v) => v.nodes.length > 0);
    return [...violations, ...undecided].map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${(n.failureSummary ?? n.any[0]?.message ?? '').replace(/\s+/g, ' ').slice(0, 300)}`),
    }));
  });
}

/** One readable line per finding, for an assertion message. */
export function describeFindings(where: string, findings: AxeFinding[]): string[] {
  return findings.map((f) => `${where}: [${f.impact}] ${f.id} (${f.help}) at ${f.nodes.slice(0, 4).join(' | ')}`);
}
