// 10,000 leads to the Dataverse sandbox with 50 ms added to every HTTP request: the sync engine
// ($batch with one change set per lead, parallel batches) beside one PATCH per lead, in one run.
// Env: SYNC_BENCH_LEADS (default 10000), SYNC_BENCH_LATENCY_MS (50), SYNC_BENCH_CONCURRENCY (8).
import { startSandbox } from '../tests/sandbox';
import { connectToSandbox } from '../tests/sandbox/connect';
import { makeLead } from '../tests/sandbox/fixtures';
import { syncLeads } from '../lib/sync/sync-engine';
import { leadBody, leadPath } from '../lib/sync/lead-payload';

export default async function benchSync(): Promise<void> {
  const n = Number(process.env.SYNC_BENCH_LEADS ?? 10_000);
  const latencyMs = Number(process.env.SYNC_BENCH_LATENCY_MS ?? 50);
  const concurrency = Number(process.env.SYNC_BENCH_CONCURRENCY ?? 8);
  const leadsPerBatch = Number(process.env.SYNC_BENCH_BATCH ?? 100);
  const sandbox = await startSandbox();
  try {
    const { api } = await connectToSandbox(sandbox);
    sandbox.setFaults({ latencyMs });
    const make = () => Array.from({ length: n }, (_, i) => makeLead({ emailaddress1: `lead${i}.${crypto.randomUUID().slice(0, 6)}@bench.example`, companyname: `Company ${i}` }));

    // 1. The engine.
    const leadsA = make();
    sandbox.resetStats();
    let t0 = performance.now();
    const results = await syncLeads(leadsA.map((lead) => ({ lead })), { api, environmentUrl: sandbox.url, concurrency, leadsPerBatch });
    const engineMs = performance.now() - t0;
    const engineReq = sandbox.stats.apiRequests;
    const synced = results.filter((r) => r.state === 'synced').length;

    // 2. One request per lead, same concurrency, same sandbox, same latency.
    const leadsB = make();
    sandbox.resetStats();
    t0 = performance.now();
    let next = 0;
    let ok = 0;
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (next < leadsB.length) {
        const lead = leadsB[next++];
        for (let attempt = 0; attempt < 3; attempt++) {
          try {
            const r = await api.send({ method: 'PATCH', path: leadPath(lead.id), body: JSON.stringify(leadBody(lead)) });
            if (r.status < 300) ok++;
            break;
          } catch {
            // A reset connection: the same PATCH again (it is an idempotent upsert).
          }
        }
      }
    }));
    const singleMs = performance.now() - t0;
    const singleReq = sandbox.stats.apiRequests;

    const row = (name: string, ms: number, req: number, done: number) =>
      `  ${name.padEnd(34)} ${(ms / 1000).toFixed(1).padStart(7)} s ${String(req).padStart(7)} requests ${String(done).padStart(6)} synced ${(done / (ms / 1000)).toFixed(0).padStart(6)} leads/s`;
    console.log(`sync: ${n} leads, +${latencyMs} ms per request, ${concurrency} requests in flight`);
    console.log(row(`$batch (${leadsPerBatch} change sets each)`, engineMs, engineReq, synced));
    console.log(row('one PATCH per lead', singleMs, singleReq, ok));
    console.log(`  => ${(singleMs / engineMs).toFixed(1)}x faster, ${(singleReq / Math.max(1, engineReq)).toFixed(0)}x fewer HTTP requests; CRM rows: ${sandbox.records('leads').length}`);
  } finally {
    await sandbox.close();
  }
}
