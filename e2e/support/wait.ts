// Waiting for a condition instead of sleeping a fixed time before a check: fast on a quiet
// machine, patient on a busy one (two cores shared by many test runs).
export async function waitUntil(cond: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000, intervalMs = 50): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
