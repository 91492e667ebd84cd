// `npm start` / `npm run server`: serves dist/ and the API on PORT (default 4173).
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { createServerApp } from './app';

const port = Number(process.env.PORT ?? 4173);
const host = process.env.HOST ?? '127.0.0.1';
const distDir = resolve(process.env.DIST_DIR ?? 'dist');
if (!existsSync(resolve(distDir, 'index.html'))) {
  console.error(
    `No built app in ${distDir}: run "npm run build" first (npm start does it for you).`,
  );
  process.exit(1);
}
const { version } = JSON.parse(readFileSync(resolve('package.json'), 'utf8')) as {
  version: string;
};
const app = createServerApp({ distDir, version });
const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
  console.log(
    `so-ket ${version} is serving ${distDir} at http://${host === '0.0.0.0' ? 'localhost' : host}:${info.port}`,
  );
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
