// Bundles lib/extract into one script for Chromium (the eval and the bench inject it the way
// the extension does: a self-contained script with no imports).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../../lib/extract/extract-page.ts', import.meta.url));

export async function extractorBundle(): Promise<string> {
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    globalName: 'LeadClipExtract',
    write: false,
    minify: true,
    target: 'chrome110',
    logLevel: 'silent',
  });
  return `${out.outputFiles[0].text};globalThis.LeadClipExtract = LeadClipExtract;`;
}
