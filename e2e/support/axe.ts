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
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[] }> } }).axe;
    const { violations } = await axe.run(document, { resultTypes: ['violations'] });
    return violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 300)}`),
    }));
  });
}

/** One readable line per finding, for an assertion message. */
export function describeFindings(where: string, findings: AxeFinding[]): string[] {
  return findings.map((f) => `${where}: [${f.impact}] ${f.id} (${f.help}) at ${f.nodes.slice(0, 4).join(' | ')}`);
}
