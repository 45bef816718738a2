// Builds the extension into a throw-away folder and prints its manifest.json (for the
// permission-pinning test, so it checks what Chrome would really read, content scripts included).
// Usage: tsx tests/tools/built-manifest.ts <browser> <out.json>   (LEADCLIP_TEST_BUILD=1 for the test build)
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'wxt';

const [browser = 'chrome', target = 'manifest.json'] = process.argv.slice(2);
const outDir = await mkdtemp(join(tmpdir(), 'leadclip-manifest-'));
try {
  await build({ browser, outDir, logger: { ...console, log() {}, info() {}, success() {}, warn: console.warn, debug() {}, trace() {}, fail() {}, start() {}, box() {}, ready() {}, level: 0 } as never });
  await copyFile(join(outDir, `${browser}-mv3`, 'manifest.json'), target);
} finally {
  await rm(outDir, { recursive: true, force: true });
}
