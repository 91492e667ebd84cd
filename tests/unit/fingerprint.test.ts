// The canonical report file a PDF embeds, its fingerprint, and the MD5 its /CheckSum uses.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  canonicalReportFileJson,
  fingerprintOfSha256,
  reportFingerprint,
} from '@/domain/report/fingerprint';
import { buildReportFile, reportFileSchema, type ReportMeta } from '@/domain/report/report-schema';
import { md5Hex } from '@/lib/md5';
import { sha256Hex } from '@/lib/sha256';
import { mulberry32 } from '../fixtures/random';

const meta: ReportMeta = {
  id: 'r1',
  name: 'Báo cáo sơ kết – Huyện Đoàn Hồng Dân',
  unit: { id: 'huyen-doan-hong-dan', name: 'Huyện Đoàn Hồng Dân' },
  templateId: 'so-ket-5-nam-nq01-bac-lieu',
  templateVersion: 1,
  createdAt: '2013-09-01T01:00:00.000Z',
  updatedAt: '2013-09-05T01:00:00.000Z',
  revision: 3,
};
const photo = {
  id: 'p1',
  sha256: 'a'.repeat(64),
  type: 'image/jpeg' as const,
  width: 1600,
  height: 1200,
  size: 3,
  data: 'AAAA',
  thumb: 'AAAA',
};

describe('canonicalReportFileJson', () => {
  it('leaves out the photo bytes, keeps their SHA-256, and sorts keys', () => {
    const file = buildReportFile(
      meta,
      { 'signer-name': 'Nguyễn Văn A', 'a-field': 'x' },
      '2013-09-05T03:00:00.000Z',
      [photo],
    );
    const json = canonicalReportFileJson(file);
    expect(json).not.toContain('"data"');
    expect(json).not.toContain('"thumb"');
    expect(json).toContain(`"sha256":"${'a'.repeat(64)}"`);
    expect(json.startsWith('{"answers":{"a-field":"x","signer-name":"Nguyễn Văn A"}')).toBe(true);
    expect(JSON.parse(json)).toMatchObject({ format: 'so-ket/report', version: 2 });
    expect(reportFileSchema.safeParse(JSON.parse(json)).success).toBe(true);
  });

  it('is the same text whatever order the keys came in, and for a version 1 file', () => {
    const file = buildReportFile(meta, { b: '1', a: '2' }, '2013-09-05T03:00:00.000Z');
    const reordered = reportFileSchema.parse({
      photos: [],
      answers: { a: '2', b: '1' },
      report: { ...meta },
      exportedAt: file.exportedAt,
      version: 1,
      format: 'so-ket/report',
    });
    expect(canonicalReportFileJson(reordered)).toBe(canonicalReportFileJson(file));
    expect(canonicalReportFileJson(file)).not.toContain('"photos"');
  });

  it('fingerprints as the first 8 hex digits of the SHA-256 of the UTF-8 text', async () => {
    const json = canonicalReportFileJson(buildReportFile(meta, {}, '2013-09-05T03:00:00.000Z'));
    const expected = createHash('sha256').update(json, 'utf8').digest('hex').slice(0, 8);
    expect(await reportFingerprint(json, sha256Hex)).toBe(expected);
    expect(fingerprintOfSha256('ABCDEF0123456789')).toBe('abcdef01');
  });
});

describe('md5Hex', () => {
  it('matches Node for every padding case and random bytes', () => {
    const random = mulberry32(16);
    for (const length of [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 1000, 65_537]) {
      const bytes = Uint8Array.from({ length }, () => Math.floor(random() * 256));
      expect(md5Hex(bytes), `length ${length}`).toBe(createHash('md5').update(bytes).digest('hex'));
    }
  });
});
