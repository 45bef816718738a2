// Runs the sandbox on its own: `npx tsx tests/sandbox/cli.ts [port]`.
import { startSandbox } from './index';

const port = Number(process.argv[2] ?? process.env.SANDBOX_PORT ?? 7380);
const sandbox = await startSandbox({ port });
console.log(`Dataverse sandbox on ${sandbox.url}
  Environment URL: ${sandbox.url}
  Tenant:          ${sandbox.tenant}
  Client ID:       any GUID, e.g. 11111111-2222-4333-8444-555555555555
  (build the extension with LEADCLIP_SANDBOX=1 or LEADCLIP_TEST_BUILD=1 so it may reach 127.0.0.1)
  Control API:     ${sandbox.url}/_sandbox/  (faults, records, stats, expire-tokens, clock)`);
process.on('SIGINT', () => void sandbox.close().then(() => process.exit(0)));
