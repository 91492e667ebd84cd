// The province's good-models report: the office's picks of units' models, kept with its
// settings under `models:<reportId>` (read through the domain's schema), and picking one
// model into the province report, which writes the copied photos, the models answer and
// the picks in one transaction (a second tab picking the same model finds it there).
import { groupItemSchema, type GroupItem } from '@/domain/report/answer-kinds';
import { base64ToBytes } from '@/domain/report/base64';
import type { ReportFile } from '@/domain/report/report-schema';
import {
  MODELS_FIELD,
  modelPicksSchema,
  pickModel,
  type ModelPick,
  type PickOutcome,
  type UnitModel,
} from '@/domain/rollup/province-models';
import { z } from 'zod';
import type { PhotoRow, SoKetDatabase } from './db';
import { bytesSha256 } from './photo-file-repository';
import { saveAnswers } from './report-repository';

const picksKey = (reportId: string) => `models:${reportId}`;

export async function getModelPicks(db: SoKetDatabase, reportId: string): Promise<ModelPick[]> {
  const row = await db.provinceSettings.get(picksKey(reportId));
  const parsed = modelPicksSchema.safeParse(row?.value);
  return parsed.success && parsed.data.reportId === reportId ? parsed.data.picks : [];
}

// The province report's models entries; a stored value of the wrong shape throws (a pick
// must never replace entries it cannot read).
async function modelItems(db: SoKetDatabase, reportId: string): Promise<GroupItem[]> {
  const row = await db.answers.get([reportId, MODELS_FIELD]);
  if (row === undefined) return [];
  return z.array(groupItemSchema).parse(row.value);
}

export type PhotoCopy = Omit<PhotoRow, 'id' | 'reportId' | 'createdAt'>;

// The bytes of the model's photos the file carries, each checked against its size and
// SHA-256 (one that fails is left out, as not received). Decoded before the transaction.
export async function modelPhotoCopies(
  file: ReportFile,
  model: UnitModel,
): Promise<Map<string, PhotoCopy>> {
  const copies = new Map<string, PhotoCopy>();
  for (const ref of model.photos) {
    const photo = file.photos.find((p) => p.id === ref.photoId);
    if (!photo?.data || copies.has(photo.id)) continue;
    try {
      const bytes = base64ToBytes(photo.data) as Uint8Array<ArrayBuffer>;
      if (bytes.length !== photo.size || (await bytesSha256(bytes)) !== photo.sha256) continue;
      const thumb = photo.thumb ? (base64ToBytes(photo.thumb) as Uint8Array<ArrayBuffer>) : bytes;
      copies.set(photo.id, {
        blob: new Blob([bytes], { type: 'image/jpeg' }),
        thumb: new Blob([thumb], { type: 'image/jpeg' }),
        width: photo.width,
        height: photo.height,
        size: bytes.length,
        sha256: photo.sha256,
      });
    } catch {
      // Left out: not received.
    }
  }
  return copies;
}

// Copies `model` at the end of the province report's models, with the photos in
// `copies`, unless it is there already or the group is full (then nothing is written).
export async function pickModelIntoReport(
  db: SoKetDatabase,
  reportId: string,
  model: UnitModel,
  copies: ReadonlyMap<string, PhotoCopy>,
  options: { maxItems: number; now: string; newId: () => string },
): Promise<PickOutcome> {
  return db.transaction(
    'rw',
    [db.reports, db.answers, db.photos, db.provinceSettings],
    async () => {
      const items = await modelItems(db, reportId);
      const picks = await getModelPicks(db, reportId);
      const photoIds = new Map([...copies.keys()].map((id) => [id, options.newId()]));
      const outcome = pickModel(model, items, picks, options.maxItems, {
        itemId: options.newId(),
        photoIds,
        now: options.now,
      });
      if (outcome.kind !== 'added') return outcome;
      await db.photos.bulkAdd(
        [...copies].map(([id, copy]) => ({
          ...copy,
          id: photoIds.get(id)!,
          reportId,
          createdAt: options.now,
        })),
      );
      await saveAnswers(db, reportId, new Map([[MODELS_FIELD, outcome.items]]), options.now);
      await db.provinceSettings.put({
        key: picksKey(reportId),
        value: modelPicksSchema.parse({ reportId, picks: outcome.picks }),
      });
      return outcome;
    },
  );
}
