import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { flushAll } from '@/storage/flush-registry';

// findBy… and waitFor give up after 5 s instead of 1 s: on a loaded 2-core machine a
// save that does land sometimes took longer than a second, and the test failed on time,
// not on behaviour. A wrong value still fails, only later.
configure({ asyncUtilTimeout: 5_000 });

// A save still in flight when a test ends would set its component's state after the
// test's window is gone ("window is not defined" on CI): let every save land first.
afterEach(async () => {
  await flushAll();
  cleanup();
});
