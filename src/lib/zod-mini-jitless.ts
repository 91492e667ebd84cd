// zod/mini as the browser bundles get it, for the same reason as ./zod-jitless.ts (the
// app's Content-Security-Policy has no 'unsafe-eval'): vite.config.ts aliases the bare
// 'zod/mini' here, so this body runs before any module that builds a zod/mini schema.
// Node, the server and the tests use zod/mini itself.
import { z } from 'zod/v4/mini';

z.config({ jitless: true });

export * from 'zod/v4/mini';
export { z, z as default };
