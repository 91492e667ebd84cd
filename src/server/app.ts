// The HTTP app: the built PWA and the /api routes on one origin. Node only; the
// browser app never imports this folder.
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { serverMessages } from './server-messages';

export type ServerOptions = { distDir: string; version: string };

export function createServerApp(options: ServerOptions): Hono {
  const app = new Hono();

  app.get('/api/health', (c) => c.json({ status: 'ok', version: options.version }));
  app.all('/api/*', (c) => c.json({ error: 'not_found', message: serverMessages.notFound }, 404));

  // Hashed build assets never change; everything else is revalidated so an update is seen.
  app.use('/assets/*', async (c, next) => {
    await next();
    if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
  });
  app.use('*', async (c, next) => {
    await next();
    if (!c.req.path.startsWith('/assets/')) c.header('Cache-Control', 'no-cache');
    c.header('X-Content-Type-Options', 'nosniff');
  });
  app.use('*', serveStatic({ root: options.distDir }));
  app.get('*', serveStatic({ root: options.distDir, path: 'index.html' }));
  return app;
}
