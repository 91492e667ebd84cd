// zod as the browser bundles get it (vite.config.ts aliases the bare 'zod' here; Node, the
// server and the tests use zod itself). zod 4 compiles object parsers with `new Function`
// after probing whether eval is allowed; under the app's Content-Security-Policy
// (script-src 'self', no 'unsafe-eval') the probe is reported as a CSP violation even
// though zod catches it. jitless parses with the interpreter and never probes. It has to
// be set before any schema is built, which an alias guarantees for every chunk and worker:
// this module's body runs before the body of any module that imports 'zod'.
import { z } from 'zod/v4';

z.config({ jitless: true });

export * from 'zod/v4';
export { z, z as default };
