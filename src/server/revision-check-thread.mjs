// The entry of the revision-check worker thread (revision-check-pool.ts): plain
// JavaScript, so Node starts it whichever tool loaded the server (tsx for `npm start`,
// vitest, Playwright), then tsx's loader for the TypeScript worker module.
import { register } from 'tsx/esm/api';

register();
await import('./revision-check-worker.ts');
