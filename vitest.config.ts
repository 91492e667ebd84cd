import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  test: {
    // A stray .only fails the run, on CI or not (skips are counted by `npm test`).
    allowOnly: false,
    // Vitest leaves a core free (one worker on 2 cores); many tests wait on spawned
    // processes (pdftotext, soffice, tsx, the server), so two workers use the machine:
    // 117 s instead of 150 s for the whole run on an idle 2-core machine.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: { name: 'unit', environment: 'node', include: ['tests/unit/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['tests/component/**/*.test.tsx'],
          setupFiles: ['tests/component/setup.ts'],
          // A guard, not a measure: jsdom renders of a whole appendix table take seconds
          // on two busy cores (the 5 s default timed out under load).
          testTimeout: 15_000,
        },
      },
    ],
  },
});
