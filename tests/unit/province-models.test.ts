// The province's good-models report: the units' models listed from their accepted
// versions (photos received or not), searched without tone marks, picked into the
// province report with the unit's name and the photos the office holds, never twice,
// and never overwritten by a unit's later version; the pick stored in one transaction.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { GroupItem, PhotoRef } from '@/domain/report/answer-kinds';
import { buildReportFile } from '@/domain/report/report-schema';
import {
  attributedRunBy,
  modelsGroup,
  modelSummary,
  pickModel,
  pickState,
  searchModels,
  unitModels,
  SUMMARY_CHARS,
  type ModelPick,
  type ModelSource,
  type UnitModel,
} from '@/domain/rollup/province-models';
import { SoKetDatabase } from '@/storage/db';
import {
  getModelPicks,
  modelPhotoCopies,
  pickModelIntoReport,
} from '@/storage/province-models-repository';
import { getAnswers, createReport, saveAnswers } from '@/storage/report-repository';
import { defaultTemplate, findProvinceTemplate } from '@/templates/template-registry';
import { MODELS, modelItems, photoFile } from '../fixtures/models-report';
import { makeReportMeta, NOW } from './factories';

const template = findProvinceTemplate(defaultTemplate)!;
const MAX = modelsGroup(template)!.maxItems;
const V1 = 'a'.repeat(64);
const V2 = 'b'.repeat(64);
const V3 = 'c'.repeat(64);

// Hồng Dân's six models (two photos each, the first model's received), Giá Rai's one.
function sources(versionId = V1): ModelSource[] {
  const items = modelItems();
  return [
    {
      unitKey: 'hong-dan',
      unitName: 'Huyện Đoàn Hồng Dân',
      versionId,
      fingerprint: '1a2b3c4d',
      answers: { models: items },
      photosWithBytes: new Set(['photo-model-1-a', 'photo-model-1-b']),
    },
    {
      unitKey: 'gia-rai',
      unitName: 'Huyện Đoàn Giá Rai',
      versionId: V3,
      fingerprint: '5e6f7a8b',
      answers: {
        models: [
          { id: 'm-empty', values: { name: '  ' } },
          {
            id: 'm-1',
            values: {
              name: 'Tuyến đường thanh niên tự quản',
              'where-since': 'Xã Phong Thạnh Đông, từ tháng 7/2011',
              'run-by': '',
              content: 'Mỗi chi đoàn ấp nhận quản lý một tuyến đường.',
            },
          },
        ],
      },
      photosWithBytes: new Set(),
    },
    // A version whose models answer is damaged lists nothing.
    {
      unitKey: 'dong-hai',
      unitName: 'Huyện Đoàn Đông Hải',
      versionId: V2,
      fingerprint: '00000000',
      answers: { models: 'hỏng' },
      photosWithBytes: new Set(),
    },
  ];
}

const made = (n: number, photoIds = new Map<string, string>()) => ({
  itemId: `tinh-${n}`,
  photoIds,
  now: NOW,
});

describe('the units’ models, as the office lists them', () => {
  it('lists every named model with its unit, place, summary and photos', () => {
    const models = unitModels(template, sources());
    expect(models.map((m) => m.key)).toEqual([
      ...MODELS.map((_, i) => `hong-dan/model-${i + 1}`),
      'gia-rai/m-1',
    ]);
    const first = models[0]!;
    expect(first).toMatchObject({
      unitName: 'Huyện Đoàn Hồng Dân',
      name: MODELS[0]!.name,
      whereSince: 'Xã Vĩnh Lộc, từ tháng 3/2009',
      runBy: 'Đoàn xã Vĩnh Lộc',
      fingerprint: '1a2b3c4d',
    });
    expect(first.summary.endsWith('…')).toBe(true);
    expect(first.summary.length).toBeLessThanOrEqual(SUMMARY_CHARS + 1);
    expect(first.photos.map((p) => p.received)).toEqual([true, true]);
    expect(models[1]!.photos.map((p) => p.received)).toEqual([false, false]);
    expect(models.at(-1)!.summary).toBe('Mỗi chi đoàn ấp nhận quản lý một tuyến đường.');
  });

  it('summarises the first paragraph, else the results', () => {
    expect(modelSummary('', 'Kết quả: 21 hộ thoát nghèo.\nThêm.')).toBe(
      'Kết quả: 21 hộ thoát nghèo.',
    );
    expect(modelSummary('\n  Ngắn  gọn \n', '')).toBe('Ngắn gọn');
  });

  it('searches names, units, places and texts without regard to tone marks', () => {
    const models = unitModels(template, sources());
    expect(searchModels(models, 'thu linh chi doan').map((m) => m.name)).toEqual([MODELS[1]!.name]);
    expect(searchModels(models, 'GIA RAI').map((m) => m.key)).toEqual(['gia-rai/m-1']);
    expect(searchModels(models, 'phong thanh dong tuyen').map((m) => m.key)).toEqual([
      'gia-rai/m-1',
    ]);
    // A word of the results only.
    expect(searchModels(models, '2.150 ngày').map((m) => m.key)).toEqual(['hong-dan/model-1']);
    expect(searchModels(models, '  ')).toHaveLength(models.length);
    expect(searchModels(models, 'không có từ này')).toEqual([]);
  });
});

describe('picking a model into the province report', () => {
  const models = unitModels(template, sources());
  const hongDan = models[0]!;
  const giaRai = models.at(-1)!;

  it('copies it with the unit’s name and the photos whose bytes were copied', () => {
    const outcome = pickModel(
      hongDan,
      [],
      [],
      MAX,
      made(1, new Map([['photo-model-1-a', 'p-new']])),
    );
    expect(outcome.kind).toBe('added');
    if (outcome.kind !== 'added') return;
    const item = outcome.items[0]!;
    expect(item.id).toBe('tinh-1');
    expect(item.values['run-by']).toBe('Huyện Đoàn Hồng Dân – Đoàn xã Vĩnh Lộc');
    expect(item.values.name).toBe(MODELS[0]!.name);
    expect(item.values.results).toBe(MODELS[0]!.results);
    expect(item.values.photos).toEqual([{ photoId: 'p-new', caption: MODELS[0]!.captions[0] }]);
    expect(outcome.photosLeft).toBe(1);
    expect(outcome.number).toBe(1);
    // The unit's entry itself is untouched.
    expect((hongDan.item.values.photos as PhotoRef[])[0]!.photoId).toBe('photo-model-1-a');
    expect(attributedRunBy('Huyện Đoàn Giá Rai', '')).toBe('Huyện Đoàn Giá Rai');
    expect(attributedRunBy('Huyện Đoàn Giá Rai', 'huyen doan gia rai')).toBe('Huyện Đoàn Giá Rai');
  });

  it('says a model is already picked instead of adding it twice, until its entry is removed', () => {
    const first = pickModel(hongDan, [], [], MAX, made(1));
    if (first.kind !== 'added') throw new Error('not added');
    const second = pickModel(giaRai, first.items, first.picks, MAX, made(2));
    if (second.kind !== 'added') throw new Error('not added');
    // The office moved Giá Rai's model first.
    const reordered = [second.items[1]!, second.items[0]!];
    expect(pickModel(hongDan, reordered, second.picks, MAX, made(3))).toEqual({
      kind: 'already',
      number: 2,
    });
    expect(pickState(giaRai, second.picks, reordered)).toEqual({
      picked: true,
      number: 1,
      newerVersion: false,
    });
    // Removed from the report: picked again, one pick record for it.
    const again = pickModel(hongDan, [second.items[1]!], second.picks, MAX, made(4));
    if (again.kind !== 'added') throw new Error('not added');
    expect(again.picks.filter((p) => p.sourceItemId === 'model-1')).toHaveLength(1);
    expect(again.picks.map((p) => p.itemId)).toEqual(['tinh-2', 'tinh-4']);
  });

  it('keeps the office’s edits when the unit sends a later version', () => {
    const first = pickModel(hongDan, [], [], MAX, made(1));
    if (first.kind !== 'added') throw new Error('not added');
    const edited: GroupItem[] = [
      { ...first.items[0]!, values: { ...first.items[0]!.values, name: 'Tên Tỉnh đã sửa' } },
    ];
    const later = unitModels(template, sources(V2))[0]!;
    expect(pickState(later, first.picks, edited)).toEqual({
      picked: true,
      number: 1,
      newerVersion: true,
    });
    const outcome = pickModel(later, edited, first.picks, MAX, made(2));
    expect(outcome).toEqual({ kind: 'already', number: 1 });
  });

  it('refuses a pick once the models group is full', () => {
    const items = Array.from({ length: MAX }, (_, i) => ({ id: `x-${i}`, values: {} }));
    expect(pickModel(giaRai, items, [], MAX, made(1))).toEqual({ kind: 'full', max: MAX });
  });
});

describe('the pick as stored', () => {
  const open: Dexie[] = [];
  afterEach(async () => {
    for (const db of open.splice(0)) {
      db.close();
      await Dexie.delete(db.name);
    }
  });

  async function setUp() {
    const db = new SoKetDatabase(`province-models-${open.length}-${Date.now()}`);
    open.push(db);
    const meta = makeReportMeta({ id: 'tinh', templateId: template.id });
    await createReport(db, {
      id: 'tinh',
      name: 'Báo cáo của Tỉnh',
      unit: meta.unit,
      templateId: template.id,
      templateVersion: template.version,
      answers: {},
      now: NOW,
    });
    return db;
  }

  it('writes the photos, the entry and the pick together; a second pick changes nothing', async () => {
    const db = await setUp();
    const photo = photoFile({ id: 'photo-model-1-a', width: 160, height: 120, seed: 7 });
    const damaged = { ...photoFile({ id: 'photo-model-1-b', width: 160, height: 120, seed: 8 }) };
    damaged.sha256 = 'f'.repeat(64);
    const file = buildReportFile(
      makeReportMeta({ id: 'hong-dan' }),
      { models: modelItems() },
      NOW,
      [photo, damaged],
    );
    const model = unitModels(template, sources())[0]!;
    const copies = await modelPhotoCopies(file, model);
    // The photo whose bytes do not match its SHA-256 is not copied.
    expect([...copies.keys()]).toEqual(['photo-model-1-a']);
    let n = 0;
    const options = { maxItems: MAX, now: NOW, newId: () => `id-${++n}` };
    const outcome = await pickModelIntoReport(db, 'tinh', model, copies, options);
    expect(outcome).toMatchObject({ kind: 'added', number: 1, photosLeft: 1 });
    const { answers } = await getAnswers(db, 'tinh');
    const items = answers.models as GroupItem[];
    expect(items).toHaveLength(1);
    const [ref] = items[0]!.values.photos as PhotoRef[];
    const row = await db.photos.get(ref!.photoId);
    expect(row).toMatchObject({ reportId: 'tinh', sha256: photo.sha256, width: 160 });
    const picks: ModelPick[] = await getModelPicks(db, 'tinh');
    expect(picks).toMatchObject([{ unitKey: 'hong-dan', sourceItemId: 'model-1' }]);

    const photosBefore = await db.photos.count();
    expect(await pickModelIntoReport(db, 'tinh', model, copies, options)).toEqual({
      kind: 'already',
      number: 1,
    });
    expect(await db.photos.count()).toBe(photosBefore);
    expect(((await getAnswers(db, 'tinh')).answers.models as GroupItem[]).length).toBe(1);
  });

  it('refuses to pick into a models answer it cannot read, and writes nothing', async () => {
    const db = await setUp();
    await saveAnswers(db, 'tinh', new Map([['models', 'hỏng' as never]]), NOW);
    const model: UnitModel = unitModels(template, sources()).at(-1)!;
    await expect(
      pickModelIntoReport(db, 'tinh', model, new Map(), {
        maxItems: MAX,
        now: NOW,
        newId: () => 'x',
      }),
    ).rejects.toThrow();
    expect(await getModelPicks(db, 'tinh')).toEqual([]);
  });
});
