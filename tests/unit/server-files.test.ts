// Uploaded files: only those a revision of the unit listed as missing in the last day; a
// unit has a quota, files for a report it has not sent yet have a smaller allowance of
// their own, and those whose report never comes go after a day (the app's clock is
// injected). Refusals are 428 / 413 with a Vietnamese message.
import { describe, expect, it } from 'vitest';
import { serverMessages } from '@/server/server-messages';
import { sha256Hex } from '@/server/store';
import { makeInProcessApp } from './server-harness';

const HOUR = 60 * 60 * 1000;

function setup(quota: { fileQuotaBytes?: number; pendingFileBytes?: number }) {
  const { app, store, advance, now } = makeInProcessApp(quota);
  const unit = store.addUnit('Huyện Đoàn Hồng Dân', false);
  const other = store.addUnit('Huyện Đoàn Vĩnh Lợi', false);
  let seed = 0;
  const unitOf = new Map([
    [unit.code, unit.unit.id],
    [other.code, other.unit.id],
  ]);
  // Uploads a new file for the report; unless `isListed` is false, a revision of the
  // unit has just listed it as missing, as the server's 422 does.
  const upload = async (code: string, reportId: string, size: number, isListed = true) => {
    seed += 1;
    const bytes = Uint8Array.from({ length: size }, (_, i) => (i * 7 + seed) & 0xff);
    if (isListed)
      store.expectFiles(unitOf.get(code)!, reportId, [sha256Hex(bytes)], now().toISOString());
    const response = await app.request(`/api/reports/${reportId}/files/${sha256Hex(bytes)}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${code}`, 'content-type': 'application/octet-stream' },
      body: bytes,
    });
    return {
      status: response.status,
      body: (await response.json()) as Record<string, unknown>,
      again: () =>
        app.request(`/api/reports/${reportId}/files/${sha256Hex(bytes)}`, {
          method: 'PUT',
          headers: { authorization: `Bearer ${code}` },
          body: bytes,
        }),
    };
  };
  // A stored revision makes the report the unit's own.
  const own = (unitId: string, reportId: string) =>
    store.putRevision(unitId, reportId, 1, 'a'.repeat(64), '{}', new Date('2026-01-01'));
  return { app, store, unit, other, upload, own, advance, now };
}

describe('uploaded files', () => {
  it('refuses a file no revision of the unit listed, with 428, and stores nothing', async () => {
    const { app, store, unit, other, upload, own, advance, now } = setup({});
    own(unit.unit.id, 'r1');
    for (const reportId of ['r1', 'new-report']) {
      const refused = await upload(unit.code, reportId, 1000, false);
      expect(refused.status).toBe(428);
      expect(refused.body).toEqual({
        error: 'fileNotExpected',
        message: serverMessages.fileNotExpected,
      });
    }
    // Listed for another unit only: still refused to this one.
    const bytes = new Uint8Array(500).fill(3);
    store.expectFiles(other.unit.id, 'shared-id', [sha256Hex(bytes)], now().toISOString());
    const put = (code: string) =>
      app.request(`/api/reports/shared-id/files/${sha256Hex(bytes)}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${code}` },
        body: bytes,
      });
    expect((await put(unit.code)).status).toBe(428);
    // A listing lasts a day.
    advance(25 * HOUR);
    expect((await put(other.code)).status).toBe(428);
    expect(store.countFiles()).toBe(0);
  });

  it('refuses a file beyond the unit quota with 413, not a repeat nor another unit', async () => {
    const { unit, other, upload, own } = setup({ fileQuotaBytes: 3000 });
    own(unit.unit.id, 'r1');
    const first = await upload(unit.code, 'r1', 1000);
    expect(first.status).toBe(201);
    expect((await upload(unit.code, 'r1', 1000)).status).toBe(201);
    const over = await upload(unit.code, 'r1', 1500);
    expect(over.status).toBe(413);
    expect(over.body).toEqual({
      error: 'quotaExceeded',
      message: serverMessages.quotaExceeded,
    });
    expect((await first.again()).status).toBe(200);
    expect((await upload(other.code, 'r2', 1500)).status).toBe(201);
  });

  it('limits files for reports not sent yet, and counts them as the report arrives', async () => {
    const { store, unit, upload, own } = setup({ pendingFileBytes: 1500 });
    own(unit.unit.id, 'r1');
    expect((await upload(unit.code, 'new-1', 1000)).status).toBe(201);
    const over = await upload(unit.code, 'new-2', 1000);
    expect(over.status).toBe(413);
    expect(over.body).toEqual({
      error: 'pendingQuotaExceeded',
      message: serverMessages.pendingQuotaExceeded,
    });
    expect(store.countFiles('new-2')).toBe(0);
    // A report the unit owns is not held to the allowance.
    expect((await upload(unit.code, 'r1', 1000)).status).toBe(201);
    // Once new-1 has its revision its file is no longer pending.
    own(unit.unit.id, 'new-1');
    expect((await upload(unit.code, 'new-2', 1000)).status).toBe(201);
  });

  it('removes files of a report that never came after a day, and only those', async () => {
    const { store, unit, upload, own, advance } = setup({});
    own(unit.unit.id, 'r1');
    expect((await upload(unit.code, 'never', 1000)).status).toBe(201);
    expect((await upload(unit.code, 'r1', 1000)).status).toBe(201);
    advance(23 * HOUR);
    expect((await upload(unit.code, 'r1', 10)).status).toBe(201);
    expect(store.countFiles('never')).toBe(1);
    advance(2 * HOUR);
    expect((await upload(unit.code, 'r1', 10)).status).toBe(201);
    expect(store.countFiles('never')).toBe(0);
    expect(store.countFiles('r1')).toBe(3);
    expect(store.fileBytes(unit.unit.id)).toEqual({ all: 1020, pending: 0 });
  });
});
