// What the exports read from storage for a document of a report (fake-indexeddb): the
// photos that document shows, its file name, and which other documents the e-mail sends.
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GroupItem } from '@/domain/report/answer-kinds';
import { base64ToBytes } from '@/domain/report/base64';
import { readExportInput } from '@/export/export-input';
import { documentsWithEntries } from '@/export/share/share-report';
import { getDatabase } from '@/storage/db';
import { addPhoto } from '@/storage/photo-repository';
import { createReport } from '@/storage/report-repository';
import { defaultTemplate } from '@/templates/template-registry';
import { FIXTURE_PHOTOS, modelsReport, photoFile } from '../fixtures/models-report';

const NOW = new Date('2013-09-06T02:00:00.000Z');

async function seed(id: string, photoIds: readonly string[]) {
  const db = getDatabase();
  const { report, answers } = modelsReport();
  await createReport(db, {
    id,
    name: report.name,
    unit: report.unit,
    templateId: report.templateId,
    templateVersion: report.templateVersion,
    answers,
    now: NOW.toISOString(),
  });
  for (const photo of FIXTURE_PHOTOS.filter((p) => photoIds.includes(p.id))) {
    const bytes = base64ToBytes(photoFile(photo).data!);
    const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' });
    await addPhoto(db, {
      id: photo.id,
      reportId: id,
      blob,
      thumb: blob,
      width: photo.width,
      height: photo.height,
      now: NOW.toISOString(),
    });
  }
}

describe('readExportInput for the models document', () => {
  // One report with every fixture photo; the tests run in order.
  beforeAll(() =>
    seed(
      'report-with-photos',
      FIXTURE_PHOTOS.map((p) => p.id),
    ),
  );

  it('reads the photos the document shows and names the file after the document', async () => {
    const models = await readExportInput('report-with-photos', NOW, 'models');
    expect(models.fileName('pdf')).toBe('BC-mo-hinh-NQ01-huyen-doan-hong-dan-2013-09-05.pdf');
    expect(models.fileName('docx')).toBe('BC-mo-hinh-NQ01-huyen-doan-hong-dan-2013-09-05.docx');
    expect(models.input.documentId).toBe('models');
    expect([...models.input.photos.keys()].sort()).toEqual(FIXTURE_PHOTOS.map((p) => p.id).sort());
    const first = FIXTURE_PHOTOS[0]!;
    const photo = models.input.photos.get(first.id)!;
    expect([photo.width, photo.height]).toEqual([first.width, first.height]);
    expect(photo.bytes).toEqual(base64ToBytes(photoFile(first).data!));
    expect(models.missingPhotos).toBe(0);

    const main = await readExportInput('report-with-photos', NOW);
    expect(main.fileName('pdf')).toBe('BC-so-ket-NQ01-huyen-doan-hong-dan-2013-09-05.pdf');
    expect(main.input.photos.size).toBe(0);
  });

  it('refuses a document the template does not have', async () => {
    await expect(readExportInput('report-with-photos', NOW, 'khong-co')).rejects.toThrow(
      /unknown document/,
    );
  });

  it('counts the photos no longer on the device', async () => {
    await getDatabase().photos.bulkDelete(FIXTURE_PHOTOS.slice(0, 2).map((p) => p.id));
    const models = await readExportInput('report-with-photos', NOW, 'models');
    expect(models.input.photos.size).toBe(FIXTURE_PHOTOS.length - 2);
    expect(models.missingPhotos).toBe(2);
  });
});

describe('the documents an e-mail sends besides the review report', () => {
  const { answers } = modelsReport();

  it('sends the models report when there is at least one model', () => {
    expect(documentsWithEntries(defaultTemplate, answers)).toEqual(['models']);
    expect(
      documentsWithEntries(defaultTemplate, {
        ...answers,
        models: (answers.models as GroupItem[]).slice(0, 1),
      }),
    ).toEqual(['models']);
  });

  it('sends nothing more without a model, even with materials listed', () => {
    expect(documentsWithEntries(defaultTemplate, { ...answers, models: [] })).toEqual([]);
    const blank = [{ id: 'x', values: { name: '  ' } }];
    expect(
      documentsWithEntries(defaultTemplate, { ...answers, models: blank, materials: [] }),
    ).toEqual([]);
  });
});
