// The office maps units' own rows ("Chỉ tiêu khác") written differently into one
// province row, which the consolidation then sums (blank is not zero; a member unit not
// accepted is named); unmapped rows stay listed per unit.
import { describe, expect, it } from 'vitest';
import type { IndicatorTableValue } from '@/domain/appendix/evaluate';
import { rollUp } from '@/domain/rollup/rollup';
import { mapRows, rowMappingSchema, unmapRows, type RowMapping } from '@/domain/rollup/row-mapping';
import { templateUnits } from '@/domain/rollup/units';
import { rollupWorkbook } from '@/export/xlsx/rollup-workbook';
import { defaultTemplate } from '@/templates/template-registry';
import { mulberry32 } from '../fixtures/random';
import { acceptedUnits } from '../fixtures/rollup-units';

const template = defaultTemplate;
const units = templateUnits(template);
const TABLE = 'youth-table';

// Three units write the same summer-volunteer figure three ways; a fourth adds a
// percentage, which is not mappable.
function accepted() {
  const all = acceptedUnits(template, units);
  const youth = (i: number) => all[i]!.answers[TABLE] as IndicatorTableValue;
  youth(0).custom = [{ id: 'a', label: 'Số thanh niên tham gia tình nguyện hè', kind: 'count' }];
  youth(0).cells.a = { '2012': 120, '2013': 150 };
  youth(2).custom = [{ id: 'b', label: 'Số TN tham gia tình nguyện hè', kind: 'count' }];
  youth(2).cells.b = { '2012': 80, '2013': 95 };
  youth(4).custom = [
    { id: 'c', label: '  số thanh niên  tình nguyện hè ', kind: 'count' },
    { id: 'd', label: 'Tỷ lệ tham gia', kind: 'percent' },
  ];
  youth(4).cells.c = { '2013': 40 };
  youth(4).cells.d = { '2013': 12.5 };
  return all;
}

const members = [
  { unitKey: units[0]!.key, label: 'Số thanh niên tham gia tình nguyện hè' },
  { unitKey: units[2]!.key, label: 'Số TN tham gia tình nguyện hè' },
  { unitKey: units[4]!.key, label: 'số thanh niên tình nguyện hè' },
];

function mapped(list: RowMapping[] = []): RowMapping[] {
  const result = mapRows(list, {
    criterionId: TABLE,
    members,
    label: ' Thanh niên tình nguyện hè ',
    newId: 'm1',
  });
  if (!result.ok) throw new Error(result.problem);
  return result.mappings;
}

const tableOf = (rollup: ReturnType<typeof rollUp>) =>
  rollup.tables.find((t) => t.criterionId === TABLE)!;

describe('custom rows mapped together', () => {
  it('sums the mapped rows per year, tracing each unit, and lists the rest per unit', () => {
    const mappings = mapped();
    expect(mappings).toHaveLength(1);
    expect(rowMappingSchema.parse(mappings[0])).toEqual(mappings[0]);
    const table = tableOf(rollUp(template, units, accepted(), mappings));
    expect(table.mappedRows).toHaveLength(1);
    const row = table.mappedRows[0]!;
    expect(row.label).toBe('Thanh niên tình nguyện hè');
    expect(row.years['2013']).toMatchObject({ value: 285, isComplete: true, missingUnits: [] });
    expect(row.years['2013']!.parts.map((p) => [p.unitName, p.value])).toEqual([
      [units[0]!.name, 150],
      [units[2]!.name, 95],
      [units[4]!.name, 40],
    ]);
    // Blank is not zero: the third unit left 2012 blank.
    expect(row.years['2012']).toMatchObject({
      value: null,
      isComplete: false,
      partial: 200,
      missingUnits: [units[4]!.name],
    });
    // The percentage is not mapped and stays listed, marked as not mappable.
    expect(table.customRows.map((g) => [g.label, g.entries[0]!.isMappable])).toEqual([
      ['Tỷ lệ tham gia', false],
    ]);
  });

  it('names a member unit whose version is not accepted, or no longer has the row', () => {
    const all = accepted();
    const withoutThird = all.filter((a) => a.unitKey !== units[2]!.key);
    const row = tableOf(rollUp(template, units, withoutThird, mapped())).mappedRows[0]!;
    expect(row.years['2013']).toMatchObject({ value: null, missingUnits: [units[2]!.name] });
    expect(row.years['2013']!.partial).toBe(190);

    // A later version of the first unit renames its row (evaluations are cached by
    // answers object, so it is a new set of answers).
    const later = accepted();
    (later[0]!.answers[TABLE] as IndicatorTableValue).custom![0]!.label = 'Nhãn khác';
    const renamed = tableOf(rollUp(template, units, later, mapped()));
    expect(renamed.mappedRows[0]!.years['2013']!.missingUnits).toEqual([units[0]!.name]);
    expect(renamed.customRows.map((g) => g.label)).toContain('Nhãn khác');
  });

  it('puts the mapped row in the workbook: summed, and per unit with its own label', () => {
    const [rollupSheet, byUnit] = rollupWorkbook(rollUp(template, units, accepted(), mapped()), []);
    const row = rollupSheet!.rows.find(
      (r) => r[0]!.value === 'Thanh niên tình nguyện hè (gộp chỉ tiêu khác của 3 đơn vị)',
    )!;
    expect(row.slice(4, 6).map((c) => c.value)).toEqual([`chưa đủ (${units[4]!.name})`, 285]);
    expect(
      byUnit!.rows
        .filter(
          (r) =>
            String(r[2]!.value).startsWith('Thanh niên tình nguyện hè') && r[3]!.value === 2013,
        )
        .map((r) => [r[0]!.value, r[2]!.value, r[4]!.value]),
    ).toEqual([
      [
        units[0]!.name,
        'Thanh niên tình nguyện hè (đơn vị ghi: Số thanh niên tham gia tình nguyện hè)',
        150,
      ],
      [units[2]!.name, 'Thanh niên tình nguyện hè (đơn vị ghi: Số TN tham gia tình nguyện hè)', 95],
      [units[4]!.name, 'Thanh niên tình nguyện hè (đơn vị ghi: số thanh niên tình nguyện hè)', 40],
    ]);
  });

  it('lists the rows per unit again once unmapped, and the template rows never change', () => {
    const plain = tableOf(rollUp(template, units, accepted()));
    expect(plain.mappedRows).toEqual([]);
    expect(plain.customRows).toHaveLength(4);
    const mappings = mapped();
    const withMapping = tableOf(rollUp(template, units, accepted(), mappings));
    expect(withMapping.rows).toEqual(plain.rows);
    const after = tableOf(rollUp(template, units, accepted(), unmapRows(mappings, 'm1')));
    expect(after).toEqual(plain);
  });

  it('moves a row into an existing mapping and drops a mapping left empty', () => {
    const first = mapRows([], {
      criterionId: TABLE,
      members: members.slice(0, 1),
      label: 'Một',
      newId: 'm1',
    });
    if (!first.ok) throw new Error();
    const second = mapRows(first.mappings, {
      criterionId: TABLE,
      members: members.slice(1),
      label: 'Hai',
      newId: 'm2',
    });
    if (!second.ok) throw new Error();
    const moved = mapRows(second.mappings, {
      criterionId: TABLE,
      members: members.slice(0, 1),
      intoId: 'm2',
      label: '',
      newId: 'unused',
    });
    if (!moved.ok) throw new Error(moved.problem);
    expect(moved.mappings.map((m) => [m.id, m.label, m.members.length])).toEqual([
      ['m2', 'Hai', 3],
    ]);
  });

  it('refuses bad requests with a reason and changes nothing', () => {
    const base = { criterionId: TABLE, newId: 'm9' };
    expect(mapRows([], { ...base, members: [], label: 'X' })).toEqual({
      ok: false,
      problem: 'noRows',
    });
    expect(mapRows([], { ...base, members, label: '   ' })).toEqual({
      ok: false,
      problem: 'noLabel',
    });
    expect(mapRows([], { ...base, members, label: 'x'.repeat(201) })).toEqual({
      ok: false,
      problem: 'labelTooLong',
    });
    expect(
      mapRows([], {
        ...base,
        members: [members[0]!, { ...members[0]!, label: 'Khác' }],
        label: 'X',
      }),
    ).toEqual({ ok: false, problem: 'twoRowsOfOneUnit' });
    expect(
      rowMappingSchema.safeParse({ id: 'x', criterionId: TABLE, label: 'X', members: [] }).success,
    ).toBe(false);
  });

  it('keeps a mapped total equal to the sum of its parts, blank only when a part is (random units)', () => {
    for (let seed = 1; seed <= 20; seed += 1) {
      const random = mulberry32(seed);
      const all = acceptedUnits(template, units);
      const picked = units.flatMap((unit, index) => {
        if (random() < 0.3) return [];
        const youth = all[index]!.answers[TABLE] as IndicatorTableValue;
        const label = `Tình nguyện ${' '.repeat(1 + Math.floor(random() * 3))}hè ${index}`;
        youth.custom = [{ id: 'r', label, kind: 'count' }];
        youth.cells.r = Object.fromEntries(
          template.reviewYears.flatMap((year) =>
            random() < 0.2 ? [] : [[year, Math.floor(random() * 1000)]],
          ),
        );
        return [{ unitKey: unit.key, label }];
      });
      // Some member units are not accepted at all.
      const accepted = all.filter(() => random() > 0.15);
      if (picked.length === 0) continue;
      const result = mapRows([], {
        criterionId: TABLE,
        members: picked,
        label: 'Tình nguyện hè',
        newId: 'r',
      });
      if (!result.ok) throw new Error(result.problem);
      const table = tableOf(rollUp(template, units, accepted, result.mappings));
      const row = table.mappedRows[0]!;
      for (const year of template.reviewYears) {
        const cell = row.years[year]!;
        expect(cell.parts.map((p) => p.unitKey).sort()).toEqual(
          picked.map((p) => p.unitKey).sort(),
        );
        const values = cell.parts.map((p) => p.value);
        const blank = cell.parts.filter((p) => p.value === null).map((p) => p.unitName);
        expect(cell.missingUnits).toEqual(blank);
        expect(cell.value).toBe(
          blank.length > 0 ? null : values.reduce<number>((a, b) => a + b!, 0),
        );
        for (const part of cell.parts) {
          const typed = accepted.find((a) => a.unitKey === part.unitKey)
            ? ((all.find((a) => a.unitKey === part.unitKey)!.answers[TABLE] as IndicatorTableValue)
                .cells.r?.[year] ?? null)
            : null;
          expect(part.value).toBe(typed);
        }
      }
      // Mapped rows are no longer listed per unit.
      expect(table.customRows).toEqual([]);
    }
  });
});
