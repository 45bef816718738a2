// The page read's result, checked: what the extractor returns is page-controlled data.
import type { Extraction } from '../extract/types';
import { checkExtraction } from './extraction-check';
import { runExtractor, type ExtractorRun } from './run-extractor';
import type { Unscriptable } from './scriptable';

export type CaptureOutcome =
  | { status: 'ok'; extraction: Extraction }
  | { status: 'unscriptable'; reason: Unscriptable }
  | { status: 'failed'; error: string };

/** Checks a run of the extractor (started by runExtractor, perhaps before the popup rendered). */
export async function readExtraction(run: Promise<ExtractorRun>): Promise<CaptureOutcome> {
  const ran = await run;
  if (ran.status !== 'ran') return ran;
  const extraction = checkExtraction(ran.result);
  return extraction ? { status: 'ok', extraction } : { status: 'failed', error: 'invalid-result' };
}

export function captureTab(tab: { id?: number; url?: string; pendingUrl?: string } | undefined, timeoutMs?: number): Promise<CaptureOutcome> {
  return readExtraction(runExtractor(tab, timeoutMs));
}
