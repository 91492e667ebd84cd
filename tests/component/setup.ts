import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// findBy… and waitFor give up after 5 s instead of 1 s: on a loaded 2-core machine a
// save that does land sometimes took longer than a second, and the test failed on time,
// not on behaviour. A wrong value still fails, only later.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  cleanup();
});
