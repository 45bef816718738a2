// Issue #15: what a wake-up of the stopped background worker costs the rep. Stops the worker the
// way Chrome does when it is idle, then times one message from the options page until it is
// answered (start-up, parsing background.js, the listeners, one IndexedDB read), against the same
// message to a running worker. Store build, real Chromium.
import { execSync } from 'node:child_process';
import { launchExtension } from '../e2e/support/extension';

const ROUNDS = 30; // a shared machine is noisy: compare medians of several runs
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export default async function workerWake(): Promise<void> {
  execSync('npx wxt build', { stdio: 'ignore' });
  const ext = await launchExtension();
  try {
    const page = await ext.openOptions();
    const ask = () => page.evaluate(async () => {
      const t0 = performance.now();
      await chrome.runtime.sendMessage({ type: 'queue/status', data: {} });
      return performance.now() - t0;
    });
    const woken: number[] = [];
    const running: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      await ext.stopServiceWorker();
      woken.push(await ask());
      running.push(await ask());
    }
    console.log('\n## Background worker wake-up (store build, median of %d)', ROUNDS);
    console.log('| message to | ms |');
    console.log('|---|---:|');
    console.log(`| a stopped worker (wakes it) | ${median(woken).toFixed(1)} |`);
    console.log(`| the running worker | ${median(running).toFixed(1)} |`);
  } finally {
    await ext.close();
  }
}
