// Runs the sandbox on its own: `npx tsx tests/sandbox/cli.ts [port]`.
import { startSandbox } from './index';

const port = Number(process.argv[2] ?? process.env.SANDBOX_PORT ?? 7380);
const sandbox = await startSandbox({ port });
console.log(`Dataverse sandbox on ${sandbox.url}
  Environment URL: ${sandbox.url}
  Tenant:          ${sandbox.tenant}
  Client ID:       any (the sandbox accepts every application ID)
  Control API:     ${sandbox.url}/_sandbox/  (faults, records, stats, expire-tokens, clock)`);
process.on('SIGINT', () => void sandbox.close().then(() => process.exit(0)));
