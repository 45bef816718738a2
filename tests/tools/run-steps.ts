// npm test: runs npm scripts in stages; the scripts of one stage run side by side, and "a+b" runs
// b after a within its stage. On two cores the type check and the linter (one core each) gain most
// side by side; two builds at once were slower than one after the other.
// A script alone in its stage prints as it goes; side by side, each one's output is printed whole
// when it ends. Every script's time is printed; a failure fails the run once its stage is over. Usage: tsx tests/tools/run-steps.ts "typecheck lint" "test:unit" ...
import { spawn } from 'node:child_process';

interface Outcome {
  script: string;
  code: number;
  seconds: number;
}

function run(script: string, alone: boolean): Promise<Outcome> {
  const started = Date.now();
  if (alone) process.stdout.write(`\n── ${script}\n`);
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '-s', script], { stdio: ['ignore', alone ? 'inherit' : 'pipe', alone ? 'inherit' : 'pipe'], env: process.env });
    const out: Buffer[] = [];
    child.stdout?.on('data', (b: Buffer) => out.push(b));
    child.stderr?.on('data', (b: Buffer) => out.push(b));
    child.on('close', (code, signal) => {
      const seconds = (Date.now() - started) / 1000;
      process.stdout.write(`\n── ${script} (${seconds.toFixed(1)} s)${code === 0 ? '' : ` FAILED (${signal ?? code})`}\n${Buffer.concat(out).toString()}`);
      resolve({ script, code: code ?? 1, seconds });
    });
  });
}

const timings: Outcome[] = [];
for (const stage of process.argv.slice(2)) {
  const chains = stage.split(/\s+/).filter(Boolean).map((c) => c.split('+'));
  const scripts = chains.flat();
  const outcomes = (await Promise.all(chains.map(async (chain) => {
    const done: Outcome[] = [];
    for (const script of chain) {
      done.push(await run(script, scripts.length === 1));
      if (done.at(-1)!.code !== 0) break;
    }
    return done;
  }))).flat();
  timings.push(...outcomes);
  // Later steps may read these builds instead of making their own (tests/security/manifest-permissions.test.ts).
  if (['build:test', 'build:store-e2e'].every((b) => scripts.includes(b))) process.env.LEADCLIP_FRESH_BUILDS = '1';
  const failed = outcomes.filter((o) => o.code !== 0);
  if (failed.length) {
    console.error(`\nnpm test stopped: ${failed.map((o) => o.script).join(', ')} failed`);
    process.exit(1);
  }
}
console.log(`\n${timings.map((o) => `${o.script} ${o.seconds.toFixed(1)} s`).join(' · ')}`);
