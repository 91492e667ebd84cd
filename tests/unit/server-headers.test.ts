// Every response carries the security headers: the app's files, the API's answers and its
// errors (a 401, a 404, a 413, a 500), whichever route produced them.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '@/server/security-headers';
import { call, makeInProcessApp, startTestServer, type TestServer } from './server-harness';

function expectSecurityHeaders(headers: Headers, what: string): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    expect(headers.get(name), `${what}: ${name}`).toBe(value);
  }
}

describe('security headers', () => {
  let server: TestServer;
  let code: string;

  beforeAll(async () => {
    server = await startTestServer({ maxJsonBytes: 1000 });
    writeFileSync(join(server.dataDir, '..', 'dist', 'app.js'), 'console.log(1)');
    code = server.store.addUnit('Huyện Đoàn Hồng Dân', false).code;
  });
  afterAll(() => server.stop());

  it('the policy allows no inline script, no eval and no framing', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((part) => {
        const [name, ...sources] = part.trim().split(/\s+/);
        return [name!, sources];
      }),
    );
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it.each([
    ['the app page', 'GET', '/', undefined, 200],
    ['a client-side route', 'GET', '/r/abc/xem-lai', undefined, 200],
    ['a static file', 'GET', '/app.js', undefined, 200],
    ['the health check', 'GET', '/api/health', undefined, 200],
    ['an unknown API route', 'GET', '/api/nothing', undefined, 404],
    ['a unit asking for the admin list', 'GET', '/api/reports', undefined, 403],
    ['a wrong code', 'GET', '/api/me?wrong', undefined, 401],
    ['a body too large', 'PUT', '/api/reports/r1/revisions/1', 'x'.repeat(2000), 413],
    ['a method the app never uses', 'DELETE', '/', undefined, 404],
  ] as const)('on %s', async (what, method, path, body, status) => {
    const response = await call(`${server.url}${path}`, {
      method,
      code: path.endsWith('?wrong') ? 'wrong-code' : code,
      ...(body === undefined ? {} : { body, contentType: 'application/json' }),
    });
    expect(response.status).toBe(status);
    expectSecurityHeaders(response.headers, what);
  });

  it('on the reply of the error handler (500)', async () => {
    const { app, store } = makeInProcessApp();
    const { code: unitCode } = store.addUnit('Huyện Đoàn Hồng Dân', false);
    store.close(); // every query now throws
    const response = await app.request('/api/me', {
      headers: { authorization: `Bearer ${unitCode}` },
    });
    expect(response.status).toBe(500);
    expectSecurityHeaders(response.headers, 'the error handler');
  });
});
