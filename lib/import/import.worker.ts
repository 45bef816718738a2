// Entry of the dedicated import worker (bundled by Vite from `new Worker(new URL(...))`).
import { startImportWorker } from './import-worker';

startImportWorker(self as unknown as Parameters<typeof startImportWorker>[0]);
