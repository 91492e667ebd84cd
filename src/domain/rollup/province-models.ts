// The province's good-models report (PROVINCE.md, DOMAIN.md): the office picks models out
// of the units' accepted models reports into the models group of its own report. A
// picked model is a copy (the unit's name added as "Đơn vị thực hiện", its photos where
// the office has their bytes) that the office then reorders and edits like any entry; a
// record of each pick (which unit's entry, from which version, into which entry) lets a
// second pick of the same model say so instead of adding it twice, and a unit's later
// version never touches the copy. Pure.
import { z } from 'zod';
import {
  groupFieldValue,
  type GroupItem,
  type PhotoRef,
  groupItemSchema,
} from '@/domain/report/answer-kinds';
import { isoTimeSchema, sha256Schema } from '@/domain/report/report-schema';
import type { GroupField, Template } from '@/domain/template/template-schema';
import { searchKey } from './units-write';

// The template's models group (the models document's repeatable group) and the fields a
// pick fills: the unit's name goes into `runBy`, ahead of what the unit wrote there.
export const MODELS_FIELD = 'models';
const FIELDS = {
  name: 'name',
  whereSince: 'where-since',
  runBy: 'run-by',
  content: 'content',
  results: 'results',
  photos: 'photos',
} as const;

// Long enough to recognise a model in the list, short enough for a phone.
export const SUMMARY_CHARS = 220;

export type ModelPhoto = PhotoRef & {
  // The office holds the photo's bytes (a report file or a backup carries them; a PDF or
  // a submission from the endpoint lists the photo without them).
  received: boolean;
};

export type UnitModel = {
  // `<unitKey>/<entry id>`: an entry keeps its id from version to version.
  key: string;
  unitKey: string;
  unitName: string;
  versionId: string;
  fingerprint: string;
  item: GroupItem;
  name: string;
  whereSince: string;
  runBy: string;
  summary: string;
  photos: ModelPhoto[];
};

// What an accepted version gives: its unit, id, fingerprint, answers, and which photos
// the office holds with their bytes.
export type ModelSource = {
  unitKey: string;
  unitName: string;
  versionId: string;
  fingerprint: string;
  answers: Record<string, unknown>;
  photosWithBytes: ReadonlySet<string>;
};

export function modelsGroup(
  template: Template,
): { fields: readonly GroupField[]; maxItems: number } | null {
  for (const step of template.steps)
    for (const criterion of step.criteria)
      if (criterion.id === MODELS_FIELD && criterion.kind === 'group')
        return { fields: criterion.fields, maxItems: criterion.maxItems };
  return null;
}

function text(fields: readonly GroupField[], item: GroupItem, id: string): string {
  const field = fields.find((f) => f.id === id);
  if (!field) return '';
  const value = groupFieldValue(field, item);
  return typeof value === 'string' ? value.normalize('NFC').trim() : '';
}

function photos(fields: readonly GroupField[], item: GroupItem): PhotoRef[] {
  const field = fields.find((f) => f.id === FIELDS.photos);
  if (!field) return [];
  const value = groupFieldValue(field, item);
  return Array.isArray(value) ? (value as PhotoRef[]) : [];
}

// The first paragraph of the content (else of the results), cut at a word near
// SUMMARY_CHARS with an ellipsis.
export function modelSummary(content: string, results: string): string {
  const first = (content || results).split('\n').find((line) => line.trim() !== '') ?? '';
  const flat = first.replace(/\s+/g, ' ').trim();
  if (flat.length <= SUMMARY_CHARS) return flat;
  const cut = flat.slice(0, SUMMARY_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${(space > SUMMARY_CHARS / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

// Every model of the sources (in their order), entries with no name left out.
export function unitModels(template: Template, sources: readonly ModelSource[]): UnitModel[] {
  const fields = modelsGroup(template)?.fields;
  if (!fields) return [];
  return sources.flatMap((source) => {
    const parsed = z.array(groupItemSchema).safeParse(source.answers[MODELS_FIELD]);
    if (!parsed.success) return [];
    return parsed.data.flatMap((item): UnitModel[] => {
      const name = text(fields, item, FIELDS.name);
      if (name === '') return [];
      return [
        {
          key: `${source.unitKey}/${item.id}`,
          unitKey: source.unitKey,
          unitName: source.unitName,
          versionId: source.versionId,
          fingerprint: source.fingerprint,
          item,
          name,
          whereSince: text(fields, item, FIELDS.whereSince),
          runBy: text(fields, item, FIELDS.runBy),
          summary: modelSummary(
            text(fields, item, FIELDS.content),
            text(fields, item, FIELDS.results),
          ),
          photos: photos(fields, item).map((photo) => ({
            ...photo,
            received: source.photosWithBytes.has(photo.photoId),
          })),
        },
      ];
    });
  });
}

// The models holding every word of the query in their name, unit, place, who runs them,
// content or results (case and tone marks ignored); all of them for an empty query.
export function searchModels(models: readonly UnitModel[], query: string): UnitModel[] {
  const words = searchKey(query).split(' ').filter(Boolean);
  if (words.length === 0) return [...models];
  const fields = [FIELDS.content, FIELDS.results];
  return models.filter((model) => {
    const key = searchKey(
      [
        model.name,
        model.unitName,
        model.whereSince,
        model.runBy,
        ...fields.map((id) => {
          const value = model.item.values[id];
          return typeof value === 'string' ? value : '';
        }),
      ].join(' '),
    );
    return words.every((word) => key.includes(word));
  });
}

export const modelPickSchema = z.object({
  unitKey: z.string().min(1).max(120),
  unitName: z.string().min(1).max(200),
  // The unit's entry and the version it was copied from.
  sourceItemId: z.string().min(1).max(100),
  versionId: sha256Schema,
  // The entry of the province report it became.
  itemId: z.string().min(1).max(100),
  pickedAt: isoTimeSchema,
});
export type ModelPick = z.infer<typeof modelPickSchema>;

export const MODEL_PICKS_MAX = 1000;
export const modelPicksSchema = z.object({
  reportId: z.string().min(1).max(100),
  picks: z.array(modelPickSchema).max(MODEL_PICKS_MAX),
});
export type ModelPicks = z.infer<typeof modelPicksSchema>;

export type PickState =
  | { picked: false }
  // `number`: its place in the province report (1-based); `newerVersion`: the unit's
  // accepted version is not the one it was copied from (the copy stays as it is).
  | { picked: true; number: number; newerVersion: boolean };

// A model counts as picked while the entry it became is still in the province report
// (an entry the office removed can be picked again).
export function pickState(
  model: Pick<UnitModel, 'unitKey' | 'item' | 'versionId'>,
  picks: readonly ModelPick[],
  items: readonly GroupItem[],
): PickState {
  for (const pick of picks) {
    if (pick.unitKey !== model.unitKey || pick.sourceItemId !== model.item.id) continue;
    const index = items.findIndex((item) => item.id === pick.itemId);
    if (index >= 0)
      return { picked: true, number: index + 1, newerVersion: pick.versionId !== model.versionId };
  }
  return { picked: false };
}

// The unit's name ahead of who runs the model: "Huyện Đoàn Hồng Dân – Đoàn xã Vĩnh Lộc".
export function attributedRunBy(unitName: string, runBy: string): string {
  if (runBy === '' || searchKey(runBy) === searchKey(unitName)) return unitName;
  return `${unitName} – ${runBy}`;
}

// The entry the province report gets: the unit's values with the unit's name in "Đơn vị
// thực hiện", each photo whose bytes were copied (`photoIds`: the unit's id → the new
// one) kept with its caption, the others left out.
export function pickedItem(
  model: UnitModel,
  itemId: string,
  photoIds: ReadonlyMap<string, string>,
): GroupItem {
  const kept = model.photos.flatMap((photo) => {
    const id = photoIds.get(photo.photoId);
    return id ? [{ photoId: id, caption: photo.caption }] : [];
  });
  return {
    id: itemId,
    values: {
      ...structuredClone(model.item.values),
      [FIELDS.runBy]: attributedRunBy(model.unitName, model.runBy),
      [FIELDS.photos]: kept,
    },
  };
}

export type PickOutcome =
  | { kind: 'added'; items: GroupItem[]; picks: ModelPick[]; number: number; photosLeft: number }
  | { kind: 'already'; number: number }
  | { kind: 'full'; max: number };

// Adds `model` at the end of the province's entries, unless it is already there or the
// group is full. `photosLeft`: the model's photos the office does not have.
export function pickModel(
  model: UnitModel,
  items: readonly GroupItem[],
  picks: readonly ModelPick[],
  maxItems: number,
  made: { itemId: string; photoIds: ReadonlyMap<string, string>; now: string },
): PickOutcome {
  const state = pickState(model, picks, items);
  if (state.picked) return { kind: 'already', number: state.number };
  if (items.length >= maxItems) return { kind: 'full', max: maxItems };
  const item = pickedItem(model, made.itemId, made.photoIds);
  const pick: ModelPick = {
    unitKey: model.unitKey,
    unitName: model.unitName,
    sourceItemId: model.item.id,
    versionId: model.versionId,
    itemId: made.itemId,
    pickedAt: made.now,
  };
  // A pick whose entry is gone is replaced; the others stay.
  const live = picks.filter(
    (p) =>
      !(p.unitKey === model.unitKey && p.sourceItemId === model.item.id) &&
      items.some((i) => i.id === p.itemId),
  );
  return {
    kind: 'added',
    items: [...items, item],
    picks: [...live, pick],
    number: items.length + 1,
    photosLeft: model.photos.length - (item.values[FIELDS.photos] as PhotoRef[]).length,
  };
}
