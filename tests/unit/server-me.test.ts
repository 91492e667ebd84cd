// GET /api/me: Settings checks an access code with it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  putRevision,
  makeReportFile,
  startTestServer,
  type TestServer,
} from './server-harness';

describe('GET /api/me', () => {
  let server: TestServer;
  let code: string;

  let adminCode: string;

  beforeAll(async () => {
    server = await startTestServer();
    code = server.store.addUnit('BCH Đoàn huyện Hồng Dân', false).code;
    adminCode = server.store.addUnit('Tỉnh Đoàn Bạc Liêu', true).code;
  });
  afterAll(() => server.stop());

  it("answers the unit's name for its code", async () => {
    const response = await call(`${server.url}/api/me`, { code });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ unit: 'BCH Đoàn huyện Hồng Dân' });
  });

  it('answers 401 for an unknown code or none, naming no unit', async () => {
    for (const options of [{ code: 'ma-sai' }, {}]) {
      const response = await call(`${server.url}/api/me`, options);
      expect(response.status).toBe(401);
      expect(JSON.stringify(response.body)).not.toContain('Hồng Dân');
    }
  });

  it('stores a submission marked incomplete with its mark', async () => {
    const file = { ...makeReportFile('incomplete-1'), incomplete: true };
    const response = await putRevision(server.url, code, 'incomplete-1', 1, file);
    expect(response.status).toBe(201);
    const stored = server.store.getRevision('incomplete-1', 1);
    expect(JSON.parse(stored!.body)).toMatchObject({ incomplete: true });
  });

  it("shows the province each report's latest revision as incomplete or not", async () => {
    await putRevision(server.url, code, 'complete-1', 1, makeReportFile('complete-1'));
    const response = await call(`${server.url}/api/reports`, { code: adminCode });
    expect(response.status).toBe(200);
    const rows = response.body.reports as { reportId: string; incomplete: boolean }[];
    expect(Object.fromEntries(rows.map((row) => [row.reportId, row.incomplete]))).toEqual({
      'incomplete-1': true,
      'complete-1': false,
    });
  });
});
