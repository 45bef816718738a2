// The Dataverse sandbox: `startSandbox(opts)` for tests, `npm start` and the bench.
export { startSandbox, type Sandbox, type SandboxOptions, type Faults, type FaultKind, type SandboxStats } from './server';
export type { ApiOptions } from './web-api';
export type { OAuthOptions } from './oauth';
