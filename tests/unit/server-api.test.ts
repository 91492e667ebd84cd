// The sync API over real HTTP on 127.0.0.1, with real SQLite in a fresh data directory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, canonicalReportJson } from '@/domain/outbox/canonical-json';
import { normalizeReportFile } from '@/domain/report/import-plan';
import { reportFileSchema, type ReportFile } from '@/domain/report/report-schema';
import { findTemplate } from '@/templates/template-registry';
import { serverMessages } from '@/server/server-messages';
import { sha256Hex } from '@/server/store';
import {
  call,
  expectError,
  makeReportFile,
  putRevision,
  startTestServer,
  type ApiResponse,
  type TestServer,
} from './server-harness';
import { mulberry32 } from '../fixtures/random';
import { worstCaseReportFile } from '../fixtures/worst-case-report';

const HEX64 = /^[0-9a-f]{64}$/;

let counter = 0;
const newId = (label: string) => `${label}-${(counter += 1)}`;

// The same JSON value with every object's keys reversed, indented, and a trailing newline.
function reordered(value: unknown): string {
  const reverse = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(reverse);
    if (v === null || typeof v !== 'object') return v;
    return Object.fromEntries(
      Object.entries(v)
        .reverse()
        .map(([k, inner]) => [k, reverse(inner)]),
    );
  };
  return `${JSON.stringify(reverse(value), null, 3)}\n`;
}

function putFile(
  baseUrl: string,
  code: string,
  reportId: string,
  sha256: string,
  bytes: Uint8Array<ArrayBuffer>,
): Promise<ApiResponse> {
  return call(`${baseUrl}/api/reports/${reportId}/files/${sha256}`, {
    method: 'PUT',
    code,
    contentType: 'application/octet-stream',
    body: bytes,
  });
}

// Sends revision 1 of a new report listing these files, which the server lacks: its 422
// is what lets the unit upload them.
async function listFiles(baseUrl: string, code: string, reportId: string, ...files: Uint8Array[]) {
  const file = makeReportFile(reportId, (f) =>
    withPhotos(
      f,
      files.map((bytes, i) => ({ id: `photo-${i + 1}`, bytes })),
    ),
  );
  expectError(await putRevision(baseUrl, code, reportId, 1, file), 422, 'missingFiles');
}

function bytesOf(size: number, seed = 1): Uint8Array<ArrayBuffer> {
  return Uint8Array.from({ length: size }, (_, i) => (i * 31 + seed) & 0xff);
}

// A report file (version 2) whose one good model shows these photos, listed without
// their bytes as a submission lists them.
function withPhotos(file: ReportFile, photos: { id: string; bytes: Uint8Array }[]): void {
  file.version = 2;
  file.answers.models = [
    {
      id: 'model-1',
      values: {
        name: 'Mô hình “Ngày thứ Bảy tình nguyện”',
        photos: photos.map(({ id }) => ({ photoId: id, caption: '' })),
      },
    },
  ];
  file.photos = photos.map(({ id, bytes }) => ({
    id,
    sha256: sha256Hex(bytes),
    type: 'image/jpeg' as const,
    width: 1600,
    height: 1200,
    size: bytes.length,
  }));
}

describe('the sync API', () => {
  let server: TestServer;
  let url: string;
  let unitA: string;
  let unitB: string;
  let admin: string;

  beforeAll(async () => {
    server = await startTestServer();
    url = server.url;
    unitA = server.store.addUnit('Huyện Đoàn Hồng Dân', false).code;
    unitB = server.store.addUnit('Huyện Đoàn Phước Long', false).code;
    admin = server.store.addUnit('Ban Tổ chức Tỉnh Đoàn', true).code;
  });
  afterAll(() => server.stop());

  describe('revisions', () => {
    it('stores a first revision with 201 and a receipt over the canonical JSON', async () => {
      const id = newId('first');
      const file = makeReportFile(id);
      const response = await putRevision(url, unitA, id, 1, file);
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        reportId: id,
        revision: 1,
        sha256: sha256Hex(canonicalJson(file)),
        receivedAt: expect.any(String),
      });
      expect(response.body.sha256).toMatch(HEX64);
      const receivedAt = response.body.receivedAt as string;
      expect(new Date(receivedAt).toISOString()).toBe(receivedAt);
    });

    it('answers a repeat of the same body with 200 and the identical receipt', async () => {
      const id = newId('repeat');
      const file = makeReportFile(id);
      const first = await putRevision(url, unitA, id, 1, file);
      const again = await putRevision(url, unitA, id, 1, file);
      expect(first.status).toBe(201);
      expect(again.status).toBe(200);
      expect(again.body).toEqual(first.body);
    });

    it('recognises the same report sent with keys in another order and other whitespace', async () => {
      const id = newId('reordered');
      const file = makeReportFile(id);
      const first = await putRevision(url, unitA, id, 1, file);
      const text = reordered(file);
      expect(text).not.toBe(JSON.stringify(file));
      const again = await putRevision(url, unitA, id, 1, text);
      expect(again.status).toBe(200);
      expect(again.body).toEqual(first.body);
    });

    it('rejects other content under a stored revision with 409 revisionConflict', async () => {
      const id = newId('conflict');
      await putRevision(url, unitA, id, 1, makeReportFile(id));
      const other = makeReportFile(id, (f) => (f.report.name = 'Báo cáo đã sửa'));
      const response = await putRevision(url, unitA, id, 1, other);
      expectError(response, 409, 'revisionConflict');
      expect(response.body.head).toBe(1);
    });

    it('rejects a revision that skips ahead with 409 outOfOrder, then takes the next one', async () => {
      const id = newId('order');
      await putRevision(url, unitA, id, 1, makeReportFile(id));
      const third = makeReportFile(id, (f) => (f.report.revision = 3));
      const skipped = await putRevision(url, unitA, id, 3, third);
      expectError(skipped, 409, 'outOfOrder');
      expect(skipped.body.head).toBe(1);
      const second = makeReportFile(id, (f) => (f.report.revision = 2));
      const next = await putRevision(url, unitA, id, 2, second);
      expect(next.status).toBe(201);
      expect(next.body).toMatchObject({ reportId: id, revision: 2 });
      expect((await putRevision(url, unitA, id, 3, third)).status).toBe(201);
    });

    it('rejects a first revision other than 1 with 409 outOfOrder and head 0', async () => {
      const id = newId('late-start');
      const response = await putRevision(url, unitA, id, 2, makeReportFile(id));
      expectError(response, 409, 'outOfOrder');
      expect(response.body.head).toBe(0);
    });

    it('rejects a body whose report id differs from the path with 400 idMismatch', async () => {
      const response = await putRevision(url, unitA, newId('path'), 1, makeReportFile('other-id'));
      expectError(response, 400, 'idMismatch');
    });

    it('rejects a file that is not a valid report with 400 invalidReport and the paths', async () => {
      const id = newId('invalid');
      const file = makeReportFile(id) as unknown as { report: Record<string, unknown> };
      file.report.revision = '120';
      delete file.report.createdAt;
      const response = await putRevision(url, unitA, id, 1, JSON.stringify(file));
      expectError(response, 400, 'invalidReport');
      expect(response.body.issues).toEqual(
        expect.arrayContaining(['report.revision', 'report.createdAt']),
      );
    });

    it('rejects a body that is not JSON with 400 notJson', async () => {
      const id = newId('not-json');
      expectError(await putRevision(url, unitA, id, 1, '{"format": "so-ket/'), 400, 'notJson');
      expectError(await putRevision(url, unitA, id, 1, ''), 400, 'notJson');
    });

    it('rejects a body not declared as JSON with 415', async () => {
      const id = newId('content-type');
      const body = JSON.stringify(makeReportFile(id));
      const path = `${url}/api/reports/${id}/revisions/1`;
      const plain = await call(path, {
        method: 'PUT',
        code: unitA,
        contentType: 'text/plain',
        body,
      });
      expectError(plain, 415, 'notJson');
      const none = await call(path, {
        method: 'PUT',
        code: unitA,
        body: new TextEncoder().encode(body),
      });
      expectError(none, 415, 'notJson');
      const charset = await call(path, {
        method: 'PUT',
        code: unitA,
        contentType: 'application/json; charset=utf-8',
        body,
      });
      expect(charset.status).toBe(201);
    });

    it.each(['0', '-1', 'abc', '1e9', '1.5', '1000001', '0x1', '1e0', '+1', '01'])(
      'rejects revision %s in the path with 400 badPath',
      async (revision) => {
        const id = newId('bad-revision');
        const response = await putRevision(url, unitA, id, revision, makeReportFile(id));
        expectError(response, 400, 'badPath');
      },
    );

    it.each(['a%20b', 'a.b', 'x'.repeat(101)])(
      'rejects report id %s in the path with 400 badPath',
      async (reportId) => {
        const response = await putRevision(url, unitA, reportId, 1, makeReportFile('a b'));
        expectError(response, 400, 'badPath');
      },
    );
  });

  describe('files', () => {
    it('stores an attachment by its hash: 201 first, 200 for a repeat', async () => {
      const id = newId('file');
      const bytes = bytesOf(5000);
      const hash = sha256Hex(bytes);
      await listFiles(url, unitA, id, bytes);
      const first = await putFile(url, unitA, id, hash, bytes);
      expect(first.status).toBe(201);
      expect(first.body).toEqual({ reportId: id, sha256: hash, size: 5000 });
      const again = await putFile(url, unitA, id, hash, bytes);
      expect(again.status).toBe(200);
      expect(again.body).toEqual(first.body);
    });

    it('rejects bytes that do not match the hash in the path with 400 hashMismatch', async () => {
      const id = newId('file-hash');
      const bytes = bytesOf(100);
      const response = await putFile(url, unitA, id, sha256Hex(bytesOf(100, 2)), bytes);
      expectError(response, 400, 'hashMismatch');
    });

    it('rejects a hash that is not 64 lower-case hex digits with 400 badPath', async () => {
      const bytes = bytesOf(100);
      const hash = sha256Hex(bytes);
      expectError(await putFile(url, unitA, 'f', hash.toUpperCase(), bytes), 400, 'badPath');
      expectError(await putFile(url, unitA, 'f', hash.slice(1), bytes), 400, 'badPath');
    });

    it('stores a file sent many times once', async () => {
      const id = newId('file-once');
      const bytes = bytesOf(3000, 7);
      const hash = sha256Hex(bytes);
      await listFiles(url, unitA, id, bytes);
      const statuses = await Promise.all(
        Array.from({ length: 5 }, () => putFile(url, unitA, id, hash, bytes)),
      );
      expect(statuses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
      expect(server.store.countFiles(id)).toBe(1);
      expect(server.store.getFile(id, hash)).toEqual(bytes);
    });

    it('refuses a revision listing photos not yet uploaded with 422 missingFiles, naming them', async () => {
      const id = newId('photos-missing');
      const photos = [1, 2, 3].map((n) => ({ id: `photo-${n}`, bytes: bytesOf(2000, n) }));
      const file = makeReportFile(id, (f) => withPhotos(f, photos));
      const first = await putRevision(url, unitA, id, 1, file);
      expectError(first, 422, 'missingFiles');
      expect(first.body.missing).toEqual(photos.map(({ bytes }) => sha256Hex(bytes)));
      expect(
        (await putFile(url, unitA, id, sha256Hex(photos[0]!.bytes), photos[0]!.bytes)).status,
      ).toBe(201);
      const response = await putRevision(url, unitA, id, 1, file);
      expectError(response, 422, 'missingFiles');
      expect(response.body.missing).toEqual([
        sha256Hex(photos[1]!.bytes),
        sha256Hex(photos[2]!.bytes),
      ]);
      expect(server.store.getRevision(id, 1)).toBeUndefined();
    });

    it('does not count a photo uploaded for another report', async () => {
      const id = newId('photos-elsewhere');
      const bytes = bytesOf(1500, 9);
      const file = makeReportFile(id, (f) => withPhotos(f, [{ id: 'photo-1', bytes }]));
      const other = newId('other-report');
      await listFiles(url, unitA, other, bytes);
      expect((await putFile(url, unitA, other, sha256Hex(bytes), bytes)).status).toBe(201);
      const response = await putRevision(url, unitA, id, 1, file);
      expectError(response, 422, 'missingFiles');
      expect(response.body.missing).toEqual([sha256Hex(bytes)]);
    });

    it('stores a revision once every photo it lists is uploaded, and a repeat once', async () => {
      const id = newId('photos-present');
      const photos = [1, 2].map((n) => ({ id: `photo-${n}`, bytes: bytesOf(2000, n + 10) }));
      const file = makeReportFile(id, (f) => withPhotos(f, photos));
      expectError(await putRevision(url, unitA, id, 1, file), 422, 'missingFiles');
      for (const { bytes } of photos) await putFile(url, unitA, id, sha256Hex(bytes), bytes);
      const first = await putRevision(url, unitA, id, 1, file);
      expect(first.status).toBe(201);
      expect(first.body.sha256).toBe(sha256Hex(canonicalReportJson(file)));
      const again = await putRevision(url, unitA, id, 1, file);
      expect(again.status).toBe(200);
      expect(again.body).toEqual(first.body);
      expect(server.store.countRevisions()).toBeGreaterThan(0);
      expect(server.store.getRevision(id, 2)).toBeUndefined();
      expect(JSON.parse(server.store.getRevision(id, 1)!.body)).toEqual(file);
      // The next revision lists the same photos: nothing to upload again.
      const second = makeReportFile(id, (f) => {
        withPhotos(f, photos);
        f.report.revision = 121;
      });
      expect((await putRevision(url, unitA, id, 2, second)).status).toBe(201);
      expect(server.store.countFiles(id)).toBe(2);
    });

    it('refuses a report whose answers show a photo it does not list with 400 photoNotListed', async () => {
      const id = newId('photo-unlisted');
      const bytes = bytesOf(1000, 3);
      const file = makeReportFile(id, (f) => {
        withPhotos(f, [{ id: 'photo-1', bytes }]);
        f.photos = [];
      });
      expectError(await putRevision(url, unitA, id, 1, file), 400, 'photoNotListed');
      expect(server.store.getRevision(id, 1)).toBeUndefined();
    });

    it('hashes a version 1 body the same with an empty photo list added', async () => {
      const id = newId('v1-photos');
      const file = makeReportFile(id);
      expect(file.version).toBe(1);
      expect('photos' in file).toBe(false);
      const first = await putRevision(url, unitA, id, 1, file);
      expect(first.status).toBe(201);
      const again = await putRevision(url, unitA, id, 1, { ...file, photos: [] });
      expect(again.status).toBe(200);
      expect(again.body).toEqual(first.body);
    });
  });

  describe('other routes', () => {
    it('reports health without an access code', async () => {
      const response = await call(`${url}/api/health`);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ status: 'ok' });
    });

    it('answers unknown /api paths with a JSON 404', async () => {
      expectError(await call(`${url}/api/nothing-here`), 404, 'notFound');
      expectError(await call(`${url}/api/reports/x/other`, { code: unitA }), 404, 'notFound');
      expectError(
        await call(`${url}/api/reports/x`, { method: 'DELETE', code: admin }),
        404,
        'notFound',
      );
    });

    it('serves the app shell for other paths', async () => {
      const response = await call(`${url}/some/page`);
      expect(response.status).toBe(200);
      expect(response.text).toContain('<title>so-ket</title>');
    });
  });

  describe('access codes', () => {
    it('rejects a request without an access code with 401', async () => {
      const id = newId('anonymous');
      const response = await call(`${url}/api/reports/${id}/revisions/1`, {
        method: 'PUT',
        contentType: 'application/json',
        body: JSON.stringify(makeReportFile(id)),
      });
      expectError(response, 401, 'unauthorized');
      expectError(await call(`${url}/api/reports`), 401, 'unauthorized');
    });

    it('rejects an unknown or malformed access code with 401', async () => {
      const id = newId('unknown-code');
      const file = makeReportFile(id);
      expectError(await putRevision(url, 'not-a-code', id, 1, file), 401, 'unauthorized');
      const basic = await call(`${url}/api/reports`, {
        headers: { authorization: `Basic ${admin}` },
      });
      expectError(basic, 401, 'unauthorized');
      expect(server.store.getRevision(id, 1)).toBeUndefined();
    });

    it("forbids a unit to write another unit's report or its files with 403 otherUnit", async () => {
      const id = newId('owned');
      const file = makeReportFile(id);
      expect((await putRevision(url, unitA, id, 1, file)).status).toBe(201);
      const second = makeReportFile(id, (f) => (f.report.revision = 2));
      expectError(await putRevision(url, unitB, id, 2, second), 403, 'otherUnit');
      expectError(await putRevision(url, unitB, id, 1, file), 403, 'otherUnit');
      const bytes = bytesOf(64);
      expectError(await putFile(url, unitB, id, sha256Hex(bytes), bytes), 403, 'otherUnit');
      expect(server.store.getRevision(id, 2)).toBeUndefined();
    });

    it('lists the latest revision of every report with its unit for the admin', async () => {
      const a = newId('list-a');
      const b = newId('list-b');
      await putRevision(url, unitA, a, 1, makeReportFile(a));
      const latest = await putRevision(
        url,
        unitA,
        a,
        2,
        makeReportFile(a, (f) => (f.report.revision = 121)),
      );
      const other = await putRevision(url, unitB, b, 1, makeReportFile(b, undefined, 'draft'));
      const response = await call(`${url}/api/reports`, { code: admin });
      expect(response.status).toBe(200);
      const reports = response.body.reports as Record<string, unknown>[];
      expect(reports.filter((r) => r.reportId === a)).toEqual([
        { ...latest.body, unit: 'Huyện Đoàn Hồng Dân', incomplete: false },
      ]);
      expect(reports.filter((r) => r.reportId === b)).toEqual([
        { ...other.body, unit: 'Huyện Đoàn Phước Long', incomplete: false },
      ]);
      expect(new Set(reports.map((r) => r.reportId)).size).toBe(reports.length);
    });

    it('lists every revision of every report, oldest receipt first, for the admin', async () => {
      const a = newId('all-a');
      const b = newId('all-b');
      const first = await putRevision(url, unitA, a, 1, makeReportFile(a));
      const other = await putRevision(url, unitB, b, 1, makeReportFile(b, undefined, 'draft'));
      const second = await putRevision(
        url,
        unitA,
        a,
        2,
        makeReportFile(a, (f) => (f.report.revision = 121)),
      );
      const response = await call(`${url}/api/revisions`, { code: admin });
      expect(response.status).toBe(200);
      const revisions = response.body.revisions as Record<string, unknown>[];
      expect(revisions.filter((r) => r.reportId === a || r.reportId === b)).toEqual([
        { ...first.body, unit: 'Huyện Đoàn Hồng Dân', incomplete: false },
        { ...other.body, unit: 'Huyện Đoàn Phước Long', incomplete: false },
        { ...second.body, unit: 'Huyện Đoàn Hồng Dân', incomplete: false },
      ]);
      expectError(await call(`${url}/api/revisions`, { code: unitA }), 403, 'adminOnly');
      expectError(await call(`${url}/api/revisions`, { code: 'wrong' }), 401, 'unauthorized');
    });

    it('keeps the report list and stored revisions for the admin only (403 adminOnly)', async () => {
      expectError(await call(`${url}/api/reports`, { code: unitA }), 403, 'adminOnly');
      const id = newId('unit-read');
      await putRevision(url, unitA, id, 1, makeReportFile(id));
      const read = await call(`${url}/api/reports/${id}/revisions/1`, { code: unitA });
      expectError(read, 403, 'adminOnly');
    });

    it('gives the admin a stored revision as it was received, its text normalised', async () => {
      const id = newId('stored');
      const file = makeReportFile(id, undefined, 'largest');
      const receipt = await putRevision(url, unitB, id, 1, file);
      const response = await call(`${url}/api/reports/${id}/revisions/1`, { code: admin });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        ...receipt.body,
        unit: 'Huyện Đoàn Phước Long',
        report: normalizeReportFile(file, findTemplate),
      });
      expect(file).not.toEqual(normalizeReportFile(file, findTemplate));
    });

    it('answers the admin with 404 for a revision that is not stored', async () => {
      const id = newId('missing');
      await putRevision(url, unitA, id, 1, makeReportFile(id));
      const absent = `${url}/api/reports/${id}/revisions/2`;
      expectError(await call(absent, { code: admin }), 404, 'notFound');
      const unknown = `${url}/api/reports/no-such-report/revisions/1`;
      expectError(await call(unknown, { code: admin }), 404, 'notFound');
    });
  });

  describe('concurrency', () => {
    it('stores one row for 50 concurrent identical first revisions and gives all one receipt', async () => {
      const id = newId('concurrent');
      const body = JSON.stringify(makeReportFile(id));
      const before = server.store.countRevisions();
      const responses = await Promise.all(
        Array.from({ length: 50 }, () => putRevision(url, unitA, id, 1, body)),
      );
      expect(server.store.countRevisions()).toBe(before + 1);
      const count = server.store.db
        .prepare('SELECT count(*) AS n FROM revisions WHERE report_id = ?')
        .get(id) as { n: number };
      expect(count.n).toBe(1);
      const statuses = responses.map((r) => r.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s === 200)).toHaveLength(49);
      const receipts = new Set(responses.map((r) => JSON.stringify(r.body)));
      expect(receipts.size).toBe(1);
    });
  });
});

// A PUT whose body is a stream of `chunk`-byte pieces: sent chunked, with no Content-Length.
function putStreamed(url: string, code: string, bytes: Uint8Array, chunk: number) {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let at = 0; at < bytes.length; at += chunk)
        controller.enqueue(bytes.slice(at, at + chunk));
      controller.close();
    },
  });
  return fetch(url, {
    method: 'PUT',
    headers: { authorization: `Bearer ${code}`, 'content-type': 'application/json' },
    body,
    duplex: 'half',
  } as RequestInit);
}

describe('size limits', () => {
  let server: TestServer;
  let code: string;
  let unit: string;

  beforeAll(async () => {
    server = await startTestServer({ maxJsonBytes: 2000, maxFileBytes: 1000 });
    ({
      code,
      unit: { id: unit },
    } = server.store.addUnit('Huyện Đoàn Hồng Dân', false));
  });
  afterAll(() => server.stop());

  it('accepts a report within maxJsonBytes', async () => {
    const file = makeReportFile('small', undefined, 'draft');
    expect(JSON.stringify(file).length).toBeLessThan(2000);
    expect((await putRevision(server.url, code, 'small', 1, file)).status).toBe(201);
  });

  it('rejects a report over maxJsonBytes with 413 tooLarge', async () => {
    const response = await putRevision(server.url, code, 'big', 1, makeReportFile('big'));
    expectError(response, 413, 'tooLarge');
  });

  it('rejects a streamed report over maxJsonBytes (no Content-Length) with 413 tooLarge', async () => {
    const bytes = new TextEncoder().encode(JSON.stringify(makeReportFile('streamed')));
    const response = await putStreamed(
      `${server.url}/api/reports/streamed/revisions/1`,
      code,
      bytes,
      1000,
    );
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: 'tooLarge', message: serverMessages.tooLarge });
  });

  it('takes a file of maxFileBytes and rejects a larger one with 413 tooLarge', async () => {
    const fits = bytesOf(1000);
    const over = bytesOf(1001);
    // Listed by a revision (the report file itself would be over this server's 2,000 bytes).
    server.store.expectFiles(unit, 'files', [fits, over].map(sha256Hex), new Date().toISOString());
    expect((await putFile(server.url, code, 'files', sha256Hex(fits), fits)).status).toBe(201);
    expectError(await putFile(server.url, code, 'files', sha256Hex(over), over), 413, 'tooLarge');
  });
});

describe('bodies read from the socket', () => {
  it('stores a streamed report (no Content-Length, 16 KB chunks) byte for byte', async () => {
    const server = await startTestServer();
    try {
      const code = server.store.addUnit('Huyện Đoàn Hồng Dân', false).code;
      const file = worstCaseReportFile();
      const text = JSON.stringify(file);
      const bytes = new TextEncoder().encode(text);
      // Beyond the reader's first buffer (64 KB without a length): it has to grow.
      expect(bytes.length).toBeGreaterThan(300_000);
      const streamed = await putStreamed(
        `${server.url}/api/reports/${file.report.id}/revisions/1`,
        code,
        bytes,
        16_384,
      );
      expect(streamed.status).toBe(201);
      // The same bytes sent in one piece are the same revision: a repeat, not a conflict.
      const again = await putRevision(server.url, code, file.report.id, 1, text);
      expect(again.status).toBe(200);
      expect(again.body.sha256).toBe(((await streamed.json()) as { sha256: string }).sha256);
    } finally {
      await server.stop();
    }
  });
});

describe('rate limit', () => {
  it('answers 429 with a Retry-After in seconds once a code has used its burst', async () => {
    const server = await startTestServer({ rateLimitPerMinute: 60 });
    try {
      const first = server.store.addUnit('Huyện Đoàn Hồng Dân', false).code;
      const second = server.store.addUnit('Huyện Đoàn Phước Long', false).code;
      const statuses: number[] = [];
      for (let i = 0; i < 15; i += 1) {
        statuses.push((await call(`${server.url}/api/reports`, { code: first })).status);
      }
      expect(statuses).toEqual(Array(15).fill(403));
      const limited = await call(`${server.url}/api/reports`, { code: first });
      expectError(limited, 429, 'rateLimited');
      const retryAfter = limited.headers.get('retry-after');
      expect(retryAfter).toMatch(/^\d+$/);
      expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
      expect(Number(retryAfter)).toBeLessThanOrEqual(60);
      // Counted per code: another unit is not slowed down.
      expect((await call(`${server.url}/api/reports`, { code: second })).status).toBe(403);
    } finally {
      await server.stop();
    }
  });

  it('never limits when rateLimitPerMinute is 0', async () => {
    const server = await startTestServer({ rateLimitPerMinute: 0 });
    try {
      const code = server.store.addUnit('Huyện Đoàn Hồng Dân', false).code;
      const statuses = new Set<number>();
      for (let i = 0; i < 100; i += 1) {
        statuses.add((await call(`${server.url}/api/reports`, { code })).status);
      }
      expect([...statuses]).toEqual([403]);
    } finally {
      await server.stop();
    }
  });
});

describe('CORS', () => {
  const preflight = (url: string, origin: string) =>
    fetch(`${url}/api/reports/r/revisions/1`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'authorization, content-type',
      },
    });

  it('allows only the configured origins', async () => {
    const server = await startTestServer({ corsOrigins: ['https://tinhdoan.example'] });
    try {
      const allowed = await preflight(server.url, 'https://tinhdoan.example');
      expect(allowed.status).toBeLessThan(300);
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://tinhdoan.example');
      expect(allowed.headers.get('access-control-allow-methods')).toContain('PUT');
      expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(
        'authorization',
      );
      const other = await preflight(server.url, 'https://evil.example');
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
      const health = await fetch(`${server.url}/api/health`, {
        headers: { origin: 'https://tinhdoan.example' },
      });
      expect(health.headers.get('access-control-allow-origin')).toBe('https://tinhdoan.example');
    } finally {
      await server.stop();
    }
  });

  it('sends no CORS headers when no origin is configured', async () => {
    const server = await startTestServer({ corsOrigins: [] });
    try {
      const responses = [
        await preflight(server.url, 'https://tinhdoan.example'),
        await fetch(`${server.url}/api/health`, {
          headers: { origin: 'https://tinhdoan.example' },
        }),
      ];
      for (const response of responses) {
        const names = [...response.headers.keys()].filter((n) => n.startsWith('access-control-'));
        expect(names).toEqual([]);
      }
    } finally {
      await server.stop();
    }
  });
});

// A small seeded PRNG (mulberry32), so every run sends the same 1,000 bodies.
function prng(seed: number) {
  const next = mulberry32(seed);
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick };
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type FuzzRequest = { path: string; body: string | Uint8Array<ArrayBuffer>; contentType?: string };

// Every path to a value inside `value`, objects and arrays included.
function pathsOf(value: Json, at: (string | number)[] = []): (string | number)[][] {
  const paths = at.length > 0 ? [at] : [];
  if (Array.isArray(value)) value.forEach((v, i) => paths.push(...pathsOf(v, [...at, i])));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) paths.push(...pathsOf(v, [...at, k]));
  return paths;
}

function setAt(root: Json, path: (string | number)[], change: (old: Json) => Json | undefined) {
  const parent = path
    .slice(0, -1)
    .reduce<Json>((v, key) => (v as Record<string, Json>)[key]!, root);
  const key = path[path.length - 1]!;
  const container = parent as Record<string | number, Json>;
  const next = change(container[key]!);
  if (next === undefined) {
    if (Array.isArray(container)) container.splice(key as number, 1);
    else delete container[key];
  } else container[key] = next;
}

function fuzzRequests(count: number, reportId: string): FuzzRequest[] {
  const random = prng(20240301);
  const baseText = JSON.stringify(makeReportFile(reportId));
  const base = () => JSON.parse(baseText) as Json;
  const revisionPath = (revision: string | number = 1, id = reportId) =>
    `/api/reports/${id}/revisions/${revision}`;
  const wrongType = (old: Json): Json => {
    const choices: Json[] = [null, true, 0, -1.5, '', 'x', [], {}, [1, 'a'], { a: 1 }];
    if (typeof old === 'number') choices.push(String(old));
    if (typeof old === 'string') choices.push(Number(old.length), [old]);
    if (old !== null && typeof old === 'object' && !Array.isArray(old)) choices.push([old]);
    return random.pick(choices);
  };
  const mutations: (() => FuzzRequest)[] = [
    () => ({ path: revisionPath(), body: baseText.slice(0, random.int(baseText.length)) }),
    () => {
      const bytes = new TextEncoder().encode(baseText);
      for (let flips = 1 + random.int(5); flips > 0; flips -= 1) {
        const at = random.int(bytes.length);
        bytes[at] = bytes[at]! ^ (1 << random.int(8));
      }
      return { path: revisionPath(), body: bytes };
    },
    () => {
      const value = base();
      for (let n = 1 + random.int(3); n > 0; n -= 1) {
        setAt(value, random.pick(pathsOf(value)), () => undefined);
      }
      return { path: revisionPath(), body: JSON.stringify(value) };
    },
    () => {
      const value = base();
      setAt(value, random.pick(pathsOf(value)), wrongType);
      return { path: revisionPath(), body: JSON.stringify(value) };
    },
    () => {
      const value = base() as { report: Record<string, Json>; answers: Record<string, Json> };
      const huge = 'Đ'.repeat(100_000 + random.int(10_000));
      const target = random.pick(['name', 'unit', 'id', 'templateId', 'answer-key'] as const);
      if (target === 'unit') value.report.unit = { id: 'u', name: huge };
      else if (target === 'answer-key') value.answers[huge] = 'x';
      else value.report[target] = huge;
      return { path: revisionPath(), body: JSON.stringify(value) };
    },
    () => {
      const value = base() as { version: Json; report: Record<string, Json> };
      const field = random.pick(['version', 'revision', 'templateVersion'] as const);
      if (field === 'version') value.version = '1';
      else value.report[field] = String(value.report[field]);
      return { path: revisionPath(), body: JSON.stringify(value) };
    },
    () => {
      const value = base() as Record<string, Json>;
      const report = value.report as Record<string, Json>;
      const where = random.pick(['report', 'answers', 'unit', 'root'] as const);
      if (where === 'report') value.report = [report];
      else if (where === 'answers') value.answers = [];
      else if (where === 'unit') report.unit = [report.unit!];
      return {
        path: revisionPath(),
        body: where === 'root' ? JSON.stringify([value]) : JSON.stringify(value),
      };
    },
    () => {
      const key = random.pick(['__proto__', 'constructor', 'prototype']);
      const inject = random.pick([
        `"${key}":{"isMarkedComplete":true,"polluted":1},`,
        `"${key}":null,`,
        `"${key}":{"report":{"id":"x"}},`,
      ]);
      const where = random.pick(['{', '"report":{', '"answers":{', '"unit":{']);
      // Combined with a wrong revision type, so the body is never a valid copy of the base.
      const text = baseText
        .replace(where, `${where}${inject}`)
        .replace('"revision":120', '"revision":"120"');
      return { path: revisionPath(), body: text };
    },
    () => {
      const value = base() as { report: Record<string, Json> };
      value.report.id = random.pick(['', 'other-id', 'x'.repeat(101), `${reportId} `, 42 as Json]);
      const pathId = random.pick([reportId, 'a%20b', 'a.b', '-', 'x'.repeat(101)]);
      return { path: revisionPath(1, pathId), body: JSON.stringify(value) };
    },
    () => {
      const revision = random.pick([
        '0',
        '-1',
        'abc',
        '1e9',
        '1.5',
        '',
        '%00',
        '3',
        '99',
        '1000001',
      ]);
      return { path: revisionPath(revision), body: baseText };
    },
    () => ({ path: revisionPath(), body: '' }),
    () => ({
      path: revisionPath(),
      body: baseText,
      contentType: random.pick(['text/plain', 'application/x-www-form-urlencoded', 'json']),
    }),
    () => {
      const bytes = new Uint8Array(1 + random.int(4000)).map(() => random.int(256));
      const hash = Array.from({ length: 64 }, () => '0123456789abcdef'[random.int(16)]).join('');
      const badHash = random.pick([
        hash,
        hash.toUpperCase(),
        hash.slice(1),
        `${hash}0`,
        'x'.repeat(64),
      ]);
      return {
        path: `/api/reports/${reportId}/files/${badHash}`,
        body: bytes,
        contentType: 'application/octet-stream',
      };
    },
  ];
  return Array.from({ length: count }, () => random.pick(mutations)());
}

describe('malformed input', () => {
  it('answers 1,000 malformed bodies with 4xx and keeps serving', async () => {
    const server = await startTestServer({ rateLimitPerMinute: 0 });
    try {
      const code = server.store.addUnit('Huyện Đoàn Hồng Dân', false).code;
      const reportId = 'fuzz-target';
      const base = makeReportFile(reportId);
      expect((await putRevision(server.url, code, reportId, 1, base)).status).toBe(201);
      const baseHash = sha256Hex(canonicalReportJson(base));
      const requests = fuzzRequests(1000, reportId);

      // A mutated body that the schema reads as the stored revision is a repeat, not
      // malformed; the oracle tells them apart (it happens rarely, if ever).
      const isRepeat = (request: FuzzRequest) => {
        if (request.path !== `/api/reports/${reportId}/revisions/1`) return false;
        if ((request.contentType ?? 'application/json') !== 'application/json') return false;
        try {
          const text =
            typeof request.body === 'string'
              ? request.body
              : new TextDecoder().decode(request.body);
          const parsed = reportFileSchema.safeParse(JSON.parse(text));
          return parsed.success && sha256Hex(canonicalReportJson(parsed.data)) === baseHash;
        } catch {
          return false;
        }
      };

      const results: { index: number; status: number; error: unknown }[] = [];
      let next = 0;
      const worker = async () => {
        while (next < requests.length) {
          const index = next;
          next += 1;
          const request = requests[index]!;
          const response = await call(`${server.url}${request.path}`, {
            method: 'PUT',
            code,
            contentType: request.contentType ?? 'application/json',
            body: request.body,
          });
          results.push({ index, status: response.status, error: response.body.error });
        }
      };
      await Promise.all(Array.from({ length: 10 }, worker));

      expect(results).toHaveLength(1000);
      const unexpected = results.filter(({ index, status }) =>
        isRepeat(requests[index]!) ? status !== 200 : status < 400 || status > 499,
      );
      expect(unexpected).toEqual([]);
      for (const { error } of results.filter((r) => r.status >= 400)) {
        expect(Object.keys(serverMessages)).toContain(error);
      }
      expect(server.store.countRevisions()).toBe(1);

      const health = await call(`${server.url}/api/health`);
      expect(health.status).toBe(200);
      const second = makeReportFile(reportId, (f) => (f.report.revision = 121));
      expect((await putRevision(server.url, code, reportId, 2, second)).status).toBe(201);
    } finally {
      await server.stop();
    }
  }, 30_000);
});
