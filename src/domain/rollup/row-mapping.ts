// The office's mapping of units' own rows ("Chỉ tiêu khác") into one province row:
// units name the same figure differently ("Số TN tham gia tình nguyện hè", "Số thanh
// niên tình nguyện hè"), and only the office can say that they are one. A mapped row is
// summed in the consolidation (rollup.ts); a row no mapping names stays listed per unit.
// Pure: the records, and the edits the office makes to them.
import { z } from 'zod';

export const MAPPED_LABEL_MAX = 200;
export const MAPPINGS_MAX = 500;

// A custom row's label as units' rows are matched: NFC, spacing collapsed, lower case.
export function tidyLabel(label: string): string {
  return label.normalize('NFC').trim().replace(/\s+/g, ' ');
}
export function labelKey(label: string): string {
  return tidyLabel(label).toLocaleLowerCase('vi');
}

// One unit's row in a mapping: the unit, and its row's label (as tidyLabel gives it).
export const mappedMemberSchema = z.object({
  unitKey: z.string().min(1).max(120),
  label: z.string().min(1).max(MAPPED_LABEL_MAX),
});
export type MappedMember = z.infer<typeof mappedMemberSchema>;

export const rowMappingSchema = z
  .object({
    id: z.string().min(1).max(80),
    // The table (criterion) the rows are in.
    criterionId: z.string().min(1).max(120),
    // The province's name for the row.
    label: z.string().trim().min(1).max(MAPPED_LABEL_MAX),
    members: z.array(mappedMemberSchema).min(1).max(200),
  })
  .refine(
    (mapping) => new Set(mapping.members.map((m) => m.unitKey)).size === mapping.members.length,
    { message: 'one row per unit' },
  );
export type RowMapping = z.infer<typeof rowMappingSchema>;

export function memberKey(criterionId: string, member: MappedMember): string {
  return `${criterionId}\u0000${member.unitKey}\u0000${labelKey(member.label)}`;
}

export type MapRowsRequest = {
  criterionId: string;
  members: readonly MappedMember[];
  // The mapping the rows join; without it a new one is made under `label`.
  intoId?: string;
  label: string;
  // The new mapping's id (the caller makes it).
  newId: string;
};

export type MapRowsProblem = 'noRows' | 'noLabel' | 'labelTooLong' | 'twoRowsOfOneUnit' | 'tooMany';

export type MapRowsResult =
  | { ok: true; mappings: RowMapping[]; mapping: RowMapping }
  | { ok: false; problem: MapRowsProblem };

// Maps rows together. A row already in another mapping of the table moves (a row is in
// one mapping at most); a mapping left without rows goes. Nothing changes on a problem.
export function mapRows(current: readonly RowMapping[], request: MapRowsRequest): MapRowsResult {
  const { criterionId } = request;
  const members = request.members.map((m) => ({ unitKey: m.unitKey, label: tidyLabel(m.label) }));
  if (members.length === 0) return { ok: false, problem: 'noRows' };
  const target = request.intoId
    ? current.find((m) => m.id === request.intoId && m.criterionId === criterionId)
    : undefined;
  const label = target ? target.label : tidyLabel(request.label);
  if (label === '') return { ok: false, problem: 'noLabel' };
  if (label.length > MAPPED_LABEL_MAX) return { ok: false, problem: 'labelTooLong' };
  const moving = new Set(members.map((m) => memberKey(criterionId, m)));
  const all = [...(target?.members ?? []), ...members];
  const units = new Set(all.map((m) => m.unitKey));
  if (units.size !== all.length) return { ok: false, problem: 'twoRowsOfOneUnit' };
  const mapping: RowMapping = {
    id: target?.id ?? request.newId,
    criterionId,
    label,
    members: all,
  };
  const rest = current
    .filter((m) => m.id !== mapping.id)
    .map((m) =>
      m.criterionId === criterionId
        ? { ...m, members: m.members.filter((x) => !moving.has(memberKey(criterionId, x))) }
        : m,
    )
    .filter((m) => m.members.length > 0);
  if (!target && rest.length >= MAPPINGS_MAX) return { ok: false, problem: 'tooMany' };
  const mappings = target
    ? current.flatMap((m) => (m.id === mapping.id ? [mapping] : rest.filter((r) => r.id === m.id)))
    : [...rest, mapping];
  return { ok: true, mappings, mapping };
}

// Unmaps: the mapping goes, its rows are listed per unit again.
export function unmapRows(current: readonly RowMapping[], id: string): RowMapping[] {
  return current.filter((m) => m.id !== id);
}
