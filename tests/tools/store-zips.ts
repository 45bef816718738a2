// Builds the Chrome and Edge store zips (what `npm run zip` makes) into a throw-away folder and
// prints their paths as JSON, for tests/store/store-zips.test.ts. The store build, never the test
// build, and never over .output (the e2e tests load .output/chrome-mv3).
// Usage: tsx tests/tools/store-zips.ts <outDir>
import { zip } from 'wxt';

const [outDir = '.output'] = process.argv.slice(2);
const quiet = { ...console, log() {}, info() {}, success() {}, warn: console.warn, debug() {}, trace() {}, fail() {}, start() {}, box() {}, ready() {}, level: 0 } as never;
const zips = [...(await zip({ browser: 'chrome', outDir, logger: quiet })), ...(await zip({ browser: 'edge', outDir, logger: quiet }))];
console.log(JSON.stringify(zips));
