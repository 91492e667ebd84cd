// One entry per criterion kind: the shape of its answer, its empty and initial value,
// NFC normalisation and the rules a person must satisfy. Typed as a Record over every
// kind, so a new kind does not compile until it is registered here.
import { z } from 'zod';
import type {
  CriterionKind,
  CriterionOf,
  GroupField,
  Unit,
} from '@/domain/template/template-schema';
import { parseVietnameseNumber } from '@/domain/appendix/numbers';
import {
  emptyIndicatorTable,
  indicatorTableValueSchema,
  isIndicatorTableEmpty,
  type IndicatorTableValue,
} from '@/domain/appendix/evaluate';
import { safeKeySchema } from './safe-key';
import { acceptedLength, isBlank, normalizeText, textLength, toVietnameseUpper } from './text';

// Typed in 2- and 4-character boxes; the bound only refuses absurd values from files.
const datePartSchema = z.string().max(100);
export const dateValueSchema = z.object({
  day: datePartSchema,
  month: datePartSchema,
  year: datePartSchema,
});
export type DateValue = z.infer<typeof dateValueSchema>;

// The shape of a file's answers, with bounds far above any template limit (a long answer
// is 20.000 characters) so a hostile file is refused before its fields are read; each
// field's own limit is checked against the template (acceptAnswer, text.ts). Answers read
// back from IndexedDB are not bound by it (storedAnswerValueSchema): what the app stored
// is shown, with its error, never dropped.
export const ANSWER_TEXT_BOUND = 200_000;

// A photo of an image list: its id in the photo store and the caption typed for it.
export const photoIdSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9-]+$/);
export const photoRefSchema = z.object({
  photoId: photoIdSchema,
  caption: z.string().max(ANSWER_TEXT_BOUND),
});
export type PhotoRef = z.infer<typeof photoRefSchema>;
const photoListSchema = z.array(photoRefSchema).max(1000);

// One entry of a repeatable group: a stable id (for React keys and undo) and the value
// of each of its fields, by field id.
export const groupFieldValueSchema = z.union([
  z.string().max(ANSWER_TEXT_BOUND),
  dateValueSchema,
  photoListSchema,
]);
export type GroupFieldValue = z.infer<typeof groupFieldValueSchema>;
// Field values are read one by one against the template (groupFieldValue): one damaged
// field must not make the whole list of entries unreadable.
export const groupItemSchema = z.object({
  id: z.string().min(1).max(100),
  values: z.record(safeKeySchema, z.unknown()),
});
export type GroupItem = z.infer<typeof groupItemSchema>;
const groupListSchema = z.array(groupItemSchema).max(1000);

export const answerValueSchema = z.union([
  z.string().max(ANSWER_TEXT_BOUND),
  z.array(z.string().max(ANSWER_TEXT_BOUND)).max(1000),
  dateValueSchema,
  indicatorTableValueSchema,
  groupListSchema,
  photoListSchema,
]);
export type AnswerValue = z.infer<typeof answerValueSchema>;

export const storedAnswerValueSchema = z.union([
  z.string(),
  z.array(z.string()),
  z.object({ day: z.string(), month: z.string(), year: z.string() }),
  indicatorTableValueSchema,
  z.array(groupItemSchema),
  z.array(z.object({ photoId: photoIdSchema, caption: z.string() })),
]);

// Codes, not sentences: the UI turns them into Vietnamese (src/i18n).
export const ISSUE_CODES = [
  'required',
  'tooLong',
  'tooManyItems',
  'itemTooLong',
  'invalidOption',
  'invalidDate',
  'notANumber',
  'wrongType',
  // A repeatable group: an entry breaks a rule of one of its fields, or only lacks
  // required fields (not finished rather than wrong).
  'entryInvalid',
  'entryIncomplete',
  // Statistics appendix: evaluated over the whole report (domain/appendix), see progress.ts.
  'appendixError',
  'notMarkedComplete',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

export type ReportUnit = { id: string | null; name: string };

export type InitialContext = {
  unit: ReportUnit;
  units: readonly Unit[];
  otherIssuingBodyPrefix: string;
};

export type KindValue = {
  text: string;
  longText: string;
  choice: string;
  checklist: string[];
  date: DateValue;
  list: string[];
  indicatorTable: IndicatorTableValue;
  group: GroupItem[];
  imageList: PhotoRef[];
};

export type AnswerKind<K extends CriterionKind> = {
  valueSchema: z.ZodType<KindValue[K]>;
  empty: (criterion: CriterionOf<K>) => KindValue[K];
  initial: (criterion: CriterionOf<K>, context: InitialContext) => KindValue[K];
  isEmpty: (value: KindValue[K]) => boolean;
  normalize: (value: KindValue[K]) => KindValue[K];
  // The first rule a value breaks, or null. Missing answers report 'required' only when
  // the criterion is required.
  check: (criterion: CriterionOf<K>, value: KindValue[K]) => IssueCode | null;
  // Why a door (import, the server) refuses the value, or null: what the editor itself
  // can never store (text over acceptedLength, too many items, an unknown choice, a
  // damaged entry). Anything accepted is shown, printed and read back as it was.
  accept: (criterion: CriterionOf<K>, value: KindValue[K]) => RefusalCode | null;
};

export type RefusalCode =
  | 'wrongType'
  | 'tooLong'
  | 'tooManyItems'
  | 'itemTooLong'
  | 'invalidOption'
  | 'invalidDate'
  | 'duplicateEntry'
  | 'unknownField';

// A refusal with where it is, below the answer: an entry's field ("3.values.name") or an
// item ("2").
export type Refusal = { code: RefusalCode; path: string };

function acceptText(criterion: { maxLength: number }, value: string): RefusalCode | null {
  return textLength(value) > acceptedLength(criterion.maxLength) ? 'tooLong' : null;
}

function unitValue(context: InitialContext, from: 'unitIssuingBody' | 'unitPlace' | 'unitName') {
  const known = context.units.find((unit) => unit.id === context.unit.id);
  if (from === 'unitName') return known?.name ?? context.unit.name;
  if (from === 'unitPlace') return known?.place ?? '';
  return (
    known?.issuingBody ?? toVietnameseUpper(`${context.otherIssuingBodyPrefix}${context.unit.name}`)
  );
}

// Template defaults may name the unit: "{unit}" becomes its name.
function fillUnit(text: string, context: InitialContext): string {
  return normalizeText(text.replaceAll('{unit}', unitValue(context, 'unitName')));
}

function checkText(
  criterion: { required: boolean; maxLength: number; numeric?: boolean },
  value: string,
): IssueCode | null {
  if (criterion.required && isBlank(value)) return 'required';
  if (textLength(value) > criterion.maxLength) return 'tooLong';
  if (criterion.numeric && !isBlank(value)) {
    const number = parseVietnameseNumber(value);
    if (typeof number !== 'number' || number < 0 || !Number.isInteger(number)) return 'notANumber';
  }
  return null;
}

// The value of one field of a group entry, or the field's empty value when it is
// missing or of the wrong shape.
export function groupFieldValue(field: GroupField, item: GroupItem): KindValue[GroupField['kind']] {
  const kind = fieldKind(field);
  const parsed = kind.valueSchema.safeParse(item.values[field.id]);
  return parsed.success ? parsed.data : kind.empty(field as never);
}

function fieldKind(field: GroupField) {
  return answerKinds[field.kind] as unknown as AnswerKind<GroupField['kind']>;
}

export function checkGroupField(field: GroupField, item: GroupItem): IssueCode | null {
  return fieldKind(field).check(field as never, groupFieldValue(field, item) as never);
}

export function isGroupItemEmpty(fields: readonly GroupField[], item: GroupItem): boolean {
  return fields.every((field) => fieldKind(field).isEmpty(groupFieldValue(field, item) as never));
}

const stringList = z.array(z.string());

export function isValidDay(day: number, month: number | null, year: number | null): boolean {
  if (!Number.isInteger(day) || day < 1 || day > 31) return false;
  if (month === null) return true;
  const y = year ?? 2000; // a leap year, so 29/02 stays possible when the year is unknown
  return day <= new Date(Date.UTC(y, month, 0)).getUTCDate();
}

function parsePart(text: string): number | null | 'bad' {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^\d{1,4}$/.test(trimmed)) return 'bad';
  return Number(trimmed);
}

export function checkDate(
  value: DateValue,
  allowBlankDayMonth: boolean,
  required: boolean,
): IssueCode | null {
  const day = parsePart(value.day);
  const month = parsePart(value.month);
  const year = parsePart(value.year);
  if (day === 'bad' || month === 'bad' || year === 'bad') return 'invalidDate';
  if (year === null)
    return required ? 'required' : day === null && month === null ? null : 'invalidDate';
  if (year < 1900 || year > 2100) return 'invalidDate';
  if ((day === null || month === null) && !allowBlankDayMonth)
    return required ? 'required' : 'invalidDate';
  if (month !== null && (month < 1 || month > 12)) return 'invalidDate';
  if (day !== null && !isValidDay(day, month, year)) return 'invalidDate';
  return null;
}

export const answerKinds: { [K in CriterionKind]: AnswerKind<K> } = {
  text: {
    valueSchema: z.string(),
    empty: () => '',
    initial: (criterion, context) => {
      if (criterion.defaultFrom) return normalizeText(unitValue(context, criterion.defaultFrom));
      return fillUnit(criterion.default ?? '', context);
    },
    isEmpty: isBlank,
    normalize: normalizeText,
    check: checkText,
    accept: acceptText,
  },
  longText: {
    valueSchema: z.string(),
    empty: () => '',
    initial: (criterion, context) => fillUnit(criterion.default ?? '', context),
    isEmpty: isBlank,
    normalize: normalizeText,
    check: checkText,
    accept: acceptText,
  },
  choice: {
    valueSchema: z.string(),
    empty: () => '',
    initial: (criterion) => criterion.default ?? '',
    isEmpty: (value) => value === '',
    normalize: (value) => value,
    check: (criterion, value) => {
      if (value === '') return criterion.required ? 'required' : null;
      return criterion.options.some((option) => option.value === value) ? null : 'invalidOption';
    },
    accept: (criterion, value) =>
      value === '' || criterion.options.some((option) => option.value === value)
        ? null
        : 'invalidOption',
  },
  checklist: {
    valueSchema: stringList,
    empty: () => [],
    initial: () => [],
    isEmpty: (value) => value.length === 0,
    normalize: (value) => [...new Set(value)],
    check: (criterion, value) => {
      if (criterion.required && value.length === 0) return 'required';
      const known = new Set(criterion.prompts.map((prompt) => prompt.id));
      return value.every((id) => known.has(id)) ? null : 'invalidOption';
    },
    accept: (criterion, value) => {
      const known = new Set(criterion.prompts.map((prompt) => prompt.id));
      return value.every((id) => known.has(id)) ? null : 'invalidOption';
    },
  },
  date: {
    valueSchema: dateValueSchema,
    empty: () => ({ day: '', month: '', year: '' }),
    initial: (criterion) => ({ day: '', month: '', year: criterion.defaultYear ?? '' }),
    isEmpty: (value) => isBlank(value.day) && isBlank(value.month) && isBlank(value.year),
    normalize: (value) => ({
      day: value.day.trim(),
      month: value.month.trim(),
      year: value.year.trim(),
    }),
    check: (criterion, value) => checkDate(value, criterion.allowBlankDayMonth, criterion.required),
    // The editor takes up to 2, 2 and 4 digits.
    accept: (_, value) =>
      [value.day, value.month, value.year].every((part) => /^\s*\d{0,4}\s*$/.test(part))
        ? null
        : 'invalidDate',
  },
  list: {
    valueSchema: stringList,
    empty: () => [],
    initial: (criterion) => criterion.default.map(normalizeText),
    isEmpty: (value) => value.every(isBlank),
    normalize: (value) => value.map(normalizeText),
    check: (criterion, value) => {
      const filled = value.filter((item) => !isBlank(item));
      if (criterion.required && filled.length === 0) return 'required';
      if (filled.length > criterion.maxItems) return 'tooManyItems';
      if (value.some((item) => textLength(item) > criterion.itemMaxLength)) return 'itemTooLong';
      return null;
    },
    accept: (criterion, value) => {
      if (value.length > criterion.maxItems) return 'tooManyItems';
      const limit = acceptedLength(criterion.itemMaxLength);
      return value.some((item) => textLength(item) > limit) ? 'itemTooLong' : null;
    },
  },
  indicatorTable: {
    valueSchema: indicatorTableValueSchema,
    empty: emptyIndicatorTable,
    initial: emptyIndicatorTable,
    isEmpty: isIndicatorTableEmpty,
    normalize: (value) => ({
      ...value,
      cells: Object.fromEntries(
        Object.entries(value.cells).map(([id, row]) => [
          id,
          Object.fromEntries(
            Object.entries(row).map(([year, cell]) => [
              year,
              typeof cell === 'string' ? normalizeText(cell) : cell,
            ]),
          ),
        ]),
      ),
      notes: Object.fromEntries(
        Object.entries(value.notes).map(([key, note]) => [key, normalizeText(note)]),
      ),
      ...(value.custom
        ? { custom: value.custom.map((row) => ({ ...row, label: normalizeText(row.label) })) }
        : {}),
    }),
    // Its rules span the whole report: domain/appendix/evaluate.ts, applied in progress.ts.
    check: () => null,
    // Rows may be added by the unit; the bound only refuses absurd tables.
    accept: (_, value) =>
      Object.keys(value.cells).length > 1000 ||
      Object.values(value.cells).some((row) => Object.keys(row).length > 100) ||
      Object.keys(value.targets).length > 1000 ||
      Object.keys(value.notes).length > 5000
        ? 'tooManyItems'
        : null,
  },
  group: {
    valueSchema: groupListSchema,
    empty: () => [],
    initial: () => [],
    isEmpty: (value) => value.length === 0,
    // Values of fields the template does not have are kept (a newer template may).
    normalize: (value) =>
      value.map((item) => ({
        id: item.id,
        values: Object.fromEntries(
          Object.entries(item.values).map(([id, raw]) => [id, normalizeGroupValue(raw)]),
        ),
      })),
    check: (criterion, value) => {
      if (criterion.required && value.length === 0) return 'required';
      if (value.length > criterion.maxItems) return 'tooManyItems';
      let isIncomplete = false;
      for (const item of value) {
        for (const field of criterion.fields) {
          const code = checkGroupField(field, item);
          if (code === 'required') isIncomplete = true;
          else if (code !== null) return 'entryInvalid';
        }
      }
      return isIncomplete ? 'entryIncomplete' : null;
    },
    accept: (criterion, value) => refuseGroup(criterion, value)?.code ?? null,
  },
  imageList: {
    valueSchema: photoListSchema,
    empty: () => [],
    initial: () => [],
    isEmpty: (value) => value.length === 0,
    normalize: (value) => value.map((ref) => ({ ...ref, caption: normalizeText(ref.caption) })),
    check: (criterion, value) => {
      if (criterion.required && value.length === 0) return 'required';
      if (value.length > criterion.maxItems) return 'tooManyItems';
      if (value.some((ref) => textLength(ref.caption) > criterion.captionMaxLength))
        return 'itemTooLong';
      return null;
    },
    accept: (criterion, value) => {
      if (value.length > criterion.maxItems) return 'tooManyItems';
      const limit = acceptedLength(criterion.captionMaxLength);
      return value.some((ref) => textLength(ref.caption) > limit) ? 'itemTooLong' : null;
    },
  },
};

function normalizeGroupValue(raw: unknown): unknown {
  if (typeof raw === 'string') return normalizeText(raw);
  if (Array.isArray(raw) && raw.every(isPhotoRef)) {
    return raw.map((ref) => ({ ...ref, caption: normalizeText(ref.caption) }));
  }
  return raw;
}

// The first reason a door refuses a group's entries, with the entry and field it is in.
export function refuseGroup(criterion: CriterionOf<'group'>, value: GroupItem[]): Refusal | null {
  if (value.length > criterion.maxItems) return { code: 'tooManyItems', path: '' };
  const fields = new Map(criterion.fields.map((field) => [field.id, field]));
  const ids = new Set<string>();
  for (const [index, item] of value.entries()) {
    if (ids.has(item.id)) return { code: 'duplicateEntry', path: `${index}.id` };
    ids.add(item.id);
    for (const [fieldId, raw] of Object.entries(item.values)) {
      const path = `${index}.values.${fieldId}`;
      const field = fields.get(fieldId);
      if (!field) return { code: 'unknownField', path };
      const kind = fieldKind(field);
      const parsed = kind.valueSchema.safeParse(raw);
      if (!parsed.success) return { code: 'wrongType', path };
      const code = kind.accept(field as never, parsed.data as never);
      if (code) return { code, path };
    }
  }
  return null;
}

// The limit a message about `code` names for this criterion (0 when none applies):
// the length of a text, the number of items, or the length of one item or caption.
export function issueLimit(
  criterion: CriterionOf<CriterionKind> | GroupField,
  code: IssueCode,
): number {
  switch (criterion.kind) {
    case 'text':
    case 'longText':
      return criterion.maxLength;
    case 'list':
      return code === 'itemTooLong' ? criterion.itemMaxLength : criterion.maxItems;
    case 'imageList':
      return code === 'itemTooLong' ? criterion.captionMaxLength : criterion.maxItems;
    case 'group':
      return criterion.maxItems;
    default:
      return 0;
  }
}

// Every photo id answers refer to, found by shape (an object with a string photoId and
// caption: an image list, alone or inside group entries), so it works for any template.
export function photoIdsInValue(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) photoIdsInValue(item, into);
  } else if (isPhotoRef(value)) {
    into.add(value.photoId);
  } else if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) photoIdsInValue(inner, into);
  }
  return into;
}

export function isPhotoRef(value: unknown): value is PhotoRef {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as PhotoRef).photoId === 'string' &&
    typeof (value as PhotoRef).caption === 'string'
  );
}

// The same value with photo ids replaced (a duplicated report gets copies of its photos).
export function replacePhotoIds<T>(value: T, map: ReadonlyMap<string, string>): T {
  if (Array.isArray(value)) return value.map((item: unknown) => replacePhotoIds(item, map)) as T;
  if (isPhotoRef(value)) return { ...value, photoId: map.get(value.photoId) ?? value.photoId } as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, replacePhotoIds(inner, map)]),
    ) as T;
  }
  return value;
}

// The same value without the photo references outside `keep`, found as photoIdsInValue
// and replacePhotoIds find them: a reference inside a list is left out of it.
export function dropPhotoRefs<T>(value: T, keep: ReadonlySet<string>): T {
  if (Array.isArray(value)) {
    return value
      .filter((item: unknown) => !isPhotoRef(item) || keep.has(item.photoId))
      .map((item: unknown) => dropPhotoRefs(item, keep)) as T;
  }
  if (isPhotoRef(value)) return value;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, dropPhotoRefs(inner, keep)]),
    ) as T;
  }
  return value;
}
