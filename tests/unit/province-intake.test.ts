// Bad input in the office's Tiếp nhận: each file gets its own Vietnamese line and
// nothing already received changes (readReceivedFile reads, planIntake files).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { ReportFile } from '@/domain/report/report-schema';
import { planIntake, type IncomingVersion } from '@/domain/rollup/intake';
import type { ReceivedVersion } from '@/domain/rollup/received';
import { templateUnits } from '@/domain/rollup/units';
import { readReceivedFile, readSubmission } from '@/features/province/read-received';
import { viProvince } from '@/i18n/vi-province';
import { defaultTemplate } from '@/templates/template-registry';
import { modelsReportFile } from '../fixtures/models-report';
import { unitReportFile } from '../fixtures/province-reports';
import { reportFilePdf } from '../fixtures/report-pdf';
import { simpleCell } from '../fixtures/rollup-units';

const units = templateUnits(defaultTemplate);
const NOW = new Date('2013-09-10T03:00:00.000Z');

const fileOf = (name: string, content: string | Uint8Array, type = '') =>
  new File([content as BlobPart], name, { type });

async function lineOf(file: File): Promise<string> {
  const reading = await readReceivedFile(file, '2013-09-10', NOW);
  expect(reading.ok).toBe(false);
  return reading.ok ? '' : reading.message;
}

describe('Tiếp nhận refuses bad files with a line of their own', () => {
  it('a truncated PDF: no data the app can read', async () => {
    const truncated =
      '%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog /Names << /Embedded';
    expect(await lineOf(fileOf('cat-ngang.pdf', truncated, 'application/pdf'))).toBe(
      viProvince.intake.pdfNoData,
    );
    expect(await lineOf(fileOf('anh.pdf', 'GIF89a…'))).toBe(viProvince.intake.notPdf);
  });

  it('a report of another template, or of a newer format, names the reason', async () => {
    const other = unitReportFile(units[0]!, 0);
    other.report.templateId = 'mau-khac';
    const unknown = await lineOf(fileOf('mau-khac.json', JSON.stringify(other)));
    expect(unknown).toContain('mau-khac');
    const newer = { ...unitReportFile(units[0]!, 0), version: 3 };
    expect(await lineOf(fileOf('moi-hon.json', JSON.stringify(newer)))).toMatch(/phiên bản 3/);
    expect(await lineOf(fileOf('ghi-chu.txt', 'xin chào'))).toBe(viProvince.intake.unknownKind);
  });

  it('two files claiming the same report and revision with different content: the second is refused', async () => {
    const first = unitReportFile(units[2]!, 2, { revision: 4 });
    const second: ReportFile = unitReportFile(units[2]!, 2, {
      revision: 4,
      cell: (u, id, y) => (id === 'youth-total' ? 999 : simpleCell(u, id, y)),
    });
    const readings = await Promise.all(
      [first, second].map((file, i) =>
        readReceivedFile(fileOf(`${i}.json`, JSON.stringify(file)), '2013-09-10', NOW),
      ),
    );
    const incoming: IncomingVersion[] = readings.flatMap((r) => (r.ok ? r.versions : []));
    expect(incoming).toHaveLength(2);
    // Already received: another unit's version, which stays as it is.
    const kept: ReceivedVersion = planIntake(
      [],
      [
        (await readReceivedFile(
          fileOf('x.json', JSON.stringify(unitReportFile(units[0]!, 0))),
          '2013-09-01',
          NOW,
        ).then((r) => (r.ok ? r.versions[0]! : null)))!,
      ],
    ).writes[0]!;
    const plan = planIntake([kept], incoming);
    expect(plan.outcomes.map((o) => o.kind)).toEqual(['new', 'conflict']);
    expect(plan.writes.map((v) => v.id)).toEqual([incoming[0]!.id]);
    expect(plan.writes.some((v) => v.id === kept.id)).toBe(false);
  });
});

// A guard, not a measure: the PDF of thirteen photos takes 0.5 s alone and went past the
// 5 s default in a full run on two loaded cores.
describe('Tiếp nhận takes the PDF of a report with photos', { timeout: 30_000 }, () => {
  it('files the embedded report, its photos listed by SHA-256 without their bytes', async () => {
    const source = modelsReportFile();
    expect(source.photos.length).toBeGreaterThan(0);
    const pdf = await reportFilePdf(source);
    const reading = await readReceivedFile(
      fileOf('mo-hinh.pdf', new Uint8Array(pdf), 'application/pdf'),
      '2013-09-10',
      NOW,
    );
    if (!reading.ok) throw new Error(reading.message);
    const [version] = reading.versions;
    expect(version!.source.kind).toBe('pdf');
    expect(version!.file.photos.map((photo) => photo.sha256).sort()).toEqual(
      source.photos.map((photo) => photo.sha256).sort(),
    );
    expect(version!.file.photos.every((photo) => photo.data === undefined)).toBe(true);
  });

  it('still refuses a report file (.json) whose photos have lost their bytes', async () => {
    const source = modelsReportFile();
    const stripped = { ...source, photos: source.photos.map(({ data: _, ...photo }) => photo) };
    expect(await lineOf(fileOf('mo-hinh.json', JSON.stringify(stripped)))).toMatch(/thiếu ảnh/);
  });
});

// The endpoint holds a submission's photos apart from its body (uploaded by SHA-256, not
// read back by the office): the body lists them without bytes, as a PDF's file does.
describe('Tiếp nhận takes a submission with photos from the endpoint', () => {
  const source = modelsReportFile();
  const body = {
    ...source,
    photos: source.photos.map(({ data: _, thumb: _t, ...photo }) => photo),
  };

  it('files it, its good models kept and its photos listed without their bytes', async () => {
    const reading = await readSubmission(body, 'Máy chủ, lần sửa 3', '2013-09-07', NOW);
    if (!reading.ok) throw new Error(reading.message);
    const [version] = reading.versions;
    expect(version!.source.kind).toBe('server');
    expect(version!.file.answers.models).toEqual(source.answers.models);
    expect(version!.file.photos.every((photo) => photo.data === undefined)).toBe(true);
  });

  it('still refuses one whose answers show a photo it does not list', async () => {
    const reading = await readSubmission(
      { ...body, photos: body.photos.slice(1) },
      'Máy chủ, lần sửa 4',
      '2013-09-07',
      NOW,
    );
    expect(reading.ok).toBe(false);
  });

  it('takes the photos’ bytes when the same version comes later as a report file', async () => {
    const reading = await readSubmission(body, 'Máy chủ, lần sửa 3', '2013-09-07', NOW);
    if (!reading.ok) throw new Error(reading.message);
    const first = planIntake([], reading.versions).writes;
    const json = await readReceivedFile(
      fileOf('mo-hinh.json', JSON.stringify(source)),
      '2013-09-10',
      NOW,
    );
    if (!json.ok) throw new Error(json.message);
    expect(json.versions[0]!.id).toBe(first[0]!.id);
    const plan = planIntake(first, json.versions);
    expect(plan.outcomes.map((o) => o.kind)).toEqual(['duplicate']);
    const [updated] = plan.writes;
    expect(updated!.sources.map((s) => s.kind)).toEqual(['server', 'json']);
    expect(updated!.file.photos.every((photo) => photo.data !== undefined)).toBe(true);
    // Nothing new the second time.
    const again = planIntake(plan.writes, json.versions);
    expect(again.writes).toEqual([]);
  });
});
