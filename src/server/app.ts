// The HTTP app: the built PWA and the sync API on one origin. Node only; the browser
// app never imports this folder.
//
// API (JSON errors are {error, message} with a Vietnamese message the app shows as is):
//   GET  /api/health
//   PUT  /api/reports/:reportId/revisions/:n   a report file; 201 new, 200 repeat (same
//        receipt), 409 conflict (same revision, other content) or out of order (head),
//        422 missingFiles (photos it lists not uploaded yet: `missing`, their SHA-256)
//   PUT  /api/reports/:reportId/files/:sha256  attachment bytes, idempotent by hash; only
//        one a revision of the unit listed as missing in the last day (else 428)
//   GET  /api/reports                          admin: latest revision per report, incomplete or not
//   GET  /api/reports/:reportId/revisions/:n   admin: one stored revision
//   GET  /api/revisions                        admin: every stored revision of every
//        report, oldest receipt first (what the province office downloads)
// Writes need "Authorization: Bearer <unit access code>"; a unit writes only its own
// reports. Hono: small, built on web Request/Response, testable with app.request().
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';
import { cors } from 'hono/cors';
import { z } from 'zod';
import { SHA256_PATTERN } from '@/domain/outbox/canonical-json';
import { clientAddress } from './client-address';
import type { ServerConfig } from './config';
import { RateLimiter } from './rate-limit';
import { readBody } from './read-body';
import { checkRevisionInThread, type RevisionChecker } from './revision-check-pool';
import { securityHeaders } from './security-headers';
import { serverMessages, type ServerErrorCode } from './server-messages';
import { sha256Hex, type ListedRevisionRow, type Store, type Unit } from './store';

export type ServerOptions = {
  config: ServerConfig;
  store: Store;
  version: string;
  now?: () => Date;
  // Where revision bodies are checked: a worker thread unless a test passes another.
  checkRevisionBody?: RevisionChecker;
};

type Env = { Variables: { unit: Unit } };

// Digits only: "0x1", "1e0" or "+1" are not revision numbers.
const revisionParam = z
  .string()
  .regex(/^[1-9][0-9]{0,6}$/)
  .transform(Number)
  .pipe(z.number().max(1_000_000));
const reportIdParam = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/);

function fail(
  c: Context,
  status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 428 | 429 | 500,
  error: ServerErrorCode,
  extra = {},
) {
  return c.json({ error, message: serverMessages[error], ...extra }, status);
}

// A stored revision as the admin's lists show it (without its body).
const listedRevision = (row: ListedRevisionRow) => ({
  reportId: row.report_id,
  revision: row.revision,
  sha256: row.sha256,
  receivedAt: row.received_at,
  unit: row.unit_name,
  // Sent knowing required items were missing ("Bản chưa đầy đủ").
  incomplete: row.incomplete === 1,
});

export function createServerApp(options: ServerOptions): Hono<Env> {
  const { config, store } = options;
  const now = options.now ?? (() => new Date());
  const checkRevisionBody = options.checkRevisionBody ?? checkRevisionInThread;
  const limiter = new RateLimiter(config.rateLimitPerMinute);
  // Wrong codes per client address: one client trying many codes is slowed down, and
  // while it waits even a right code gets 429, so guessing learns nothing.
  const failures = new RateLimiter(config.authFailuresPerMinute);
  const app = new Hono<Env>();

  app.onError((_error, c) => fail(c, 500, 'internal'));
  app.use('*', securityHeaders);

  if (config.corsOrigins.length > 0) {
    app.use(
      '/api/*',
      cors({
        origin: (origin) => (config.corsOrigins.includes(origin) ? origin : null),
        allowMethods: ['GET', 'PUT', 'OPTIONS'],
        allowHeaders: ['Authorization', 'Content-Type'],
        maxAge: 600,
      }),
    );
  }

  app.get('/api/health', (c) => c.json({ status: 'ok', version: options.version }));

  const retryAfter = (c: Context, waitMs: number) =>
    c.header('Retry-After', String(Math.ceil(waitMs / 1000)));
  // Every /api/reports route needs a known access code, within its rate (counted per
  // presented code) and within its address's allowance of wrong codes.
  const authenticate: MiddlewareHandler<Env> = async (c, next) => {
    const code = /^Bearer\s+(\S{1,200})$/i.exec(c.req.header('authorization') ?? '')?.[1];
    const nowMs = now().getTime();
    const address = clientAddress(c);
    const blocked = failures.wait(address, nowMs);
    if (blocked > 0) {
      retryAfter(c, blocked);
      return fail(c, 429, 'tooManyFailures');
    }
    const wait = limiter.take(code ?? 'anonymous', nowMs);
    if (wait > 0) {
      retryAfter(c, wait);
      return fail(c, 429, 'rateLimited');
    }
    const unit = code ? store.unitByCode(code) : undefined;
    if (!unit) {
      failures.take(address, nowMs);
      return fail(c, 401, 'unauthorized');
    }
    c.set('unit', unit);
    await next();
  };
  // One registration: Hono's '/api/reports/*' also matches '/api/reports' itself, and a
  // second one would run this twice there (two tokens a request).
  app.use('/api/reports/*', authenticate);
  // Which unit an access code belongs to (Settings checks a code with it); 401 otherwise.
  app.get('/api/me', authenticate, (c) => c.json({ unit: c.get('unit').name }));

  const tooLarge = (c: Context) => fail(c, 413, 'tooLarge');

  app.put('/api/reports/:reportId/revisions/:revision', async (c) => {
    const reportId = reportIdParam.safeParse(c.req.param('reportId'));
    const revision = revisionParam.safeParse(c.req.param('revision'));
    if (!reportId.success || !revision.success) return fail(c, 400, 'badPath');
    const type = c.req.header('content-type') ?? '';
    if (!/^application\/json\b/i.test(type)) return fail(c, 415, 'notJson');
    const read = await readBody(c, config.maxJsonBytes);
    if ('tooLarge' in read) return tooLarge(c);
    const check = await checkRevisionBody(read.bytes, reportId.data);
    if (!check.ok) {
      return fail(c, check.error === 'internal' ? 500 : 400, check.error, check.details);
    }
    const result = store.putRevision(
      c.get('unit').id,
      reportId.data,
      revision.data,
      check.sha256,
      check.body,
      now(),
      check.photoSha256s,
    );
    switch (result.kind) {
      case 'created':
        return c.json(result.receipt, 201);
      case 'repeated':
        return c.json(result.receipt, 200);
      case 'conflict':
        return fail(c, 409, 'revisionConflict', { head: result.head });
      case 'outOfOrder':
        return fail(c, 409, 'outOfOrder', { head: result.head });
      case 'missingFiles':
        return fail(c, 422, 'missingFiles', { missing: result.missing });
      case 'otherUnit':
        return fail(c, 403, 'otherUnit');
    }
  });

  app.put('/api/reports/:reportId/files/:sha256', async (c) => {
    const reportId = reportIdParam.safeParse(c.req.param('reportId'));
    const expected = c.req.param('sha256');
    if (!reportId.success || !SHA256_PATTERN.test(expected)) return fail(c, 400, 'badPath');
    const read = await readBody(c, config.maxFileBytes);
    if ('tooLarge' in read) return tooLarge(c);
    const { bytes } = read;
    if (sha256Hex(bytes) !== expected) return fail(c, 400, 'hashMismatch');
    const at = now();
    // Files of reports that never got a revision go after a day.
    store.removeOrphanFiles(at);
    const result = store.putFile(c.get('unit').id, reportId.data, expected, bytes, at, {
      unitBytes: config.fileQuotaBytes,
      pendingBytes: config.pendingFileBytes,
    });
    if (result.kind === 'otherUnit') return fail(c, 403, 'otherUnit');
    if (result.kind === 'notExpected') return fail(c, 428, 'fileNotExpected');
    if (result.kind === 'quotaExceeded' || result.kind === 'pendingQuotaExceeded') {
      return fail(c, 413, result.kind);
    }
    return c.json(
      { reportId: reportId.data, sha256: expected, size: bytes.length },
      result.kind === 'created' ? 201 : 200,
    );
  });

  app.get('/api/reports', (c) => {
    if (!c.get('unit').isAdmin) return fail(c, 403, 'adminOnly');
    return c.json({
      reports: store.listLatest().map(listedRevision),
    });
  });

  app.get('/api/revisions', authenticate, (c) => {
    if (!c.get('unit').isAdmin) return fail(c, 403, 'adminOnly');
    return c.json({
      revisions: store.listRevisions().map(listedRevision),
    });
  });

  app.get('/api/reports/:reportId/revisions/:revision', (c) => {
    if (!c.get('unit').isAdmin) return fail(c, 403, 'adminOnly');
    const revision = revisionParam.safeParse(c.req.param('revision'));
    if (!revision.success) return fail(c, 400, 'badPath');
    const row = store.getRevision(c.req.param('reportId'), revision.data);
    if (!row) return fail(c, 404, 'notFound');
    return c.json({
      reportId: row.report_id,
      revision: row.revision,
      sha256: row.sha256,
      receivedAt: row.received_at,
      unit: row.unit_name,
      report: JSON.parse(row.body) as unknown,
    });
  });

  app.all('/api/*', (c) => fail(c, 404, 'notFound'));

  // The app's files gzipped on the wire: the entry script is a third of its size (a slow
  // mobile network spent seconds on it, Lighthouse's largest contentful paint).
  app.use('*', compress());
  // Hashed build assets never change; everything else is revalidated so an update is seen.
  app.use('/assets/*', async (c, next) => {
    await next();
    if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
  });
  app.use('*', async (c, next) => {
    await next();
    if (!c.req.path.startsWith('/assets/')) c.header('Cache-Control', 'no-cache');
  });
  app.use('*', serveStatic({ root: config.distDir }));
  app.get('*', serveStatic({ root: config.distDir, path: 'index.html' }));
  return app;
}
