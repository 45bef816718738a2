// The page read's result, validated: what the extractor returns is page-controlled data.
import type { Extraction } from '../extract/types';
import { runExtractor, type ExtractorRun } from './run-extractor';
import type { Unscriptable } from './scriptable';

export type CaptureOutcome =
  | { status: 'ok'; extraction: Extraction }
  | { status: 'unscriptable'; reason: Unscriptable }
  | { status: 'failed'; error: string };

/** Validates a run of the extractor (started by runExtractor, perhaps before the popup rendered). */
export async function readExtraction(run: Promise<ExtractorRun>): Promise<CaptureOutcome> {
  // The result's schema (zod) loads while the page is read, not with the popup (issue #13).
  const schema = import('./extraction-schema');
  schema.catch(() => {}); // a failure shows where it is awaited
  const ran = await run;
  if (ran.status !== 'ran') return ran;
  try {
    const parsed = (await schema).extractionSchema.safeParse(ran.result);
    if (!parsed.success) return { status: 'failed', error: 'invalid-result' };
    return { status: 'ok', extraction: parsed.data as Extraction };
  } catch (err) {
    return { status: 'failed', error: err instanceof Error ? err.message : String(err) };
  }
}

export function captureTab(tab: { id?: number; url?: string; pendingUrl?: string } | undefined, timeoutMs?: number): Promise<CaptureOutcome> {
  return readExtraction(runExtractor(tab, timeoutMs));
}
