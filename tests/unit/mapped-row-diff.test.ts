// "Số liệu tổng hợp đã thay đổi" lists the office's mapped rows cell by cell too: matched
// by label (a mapping made earlier in the list shifts the `gop-N` ids of the others),
// a new mapping's cells blank → value, an undone one's value → blank, in table order.
import { describe, expect, it } from 'vitest';
import type { IndicatorTableValue } from '@/domain/appendix/evaluate';
import { mappedRowChanges } from '@/domain/rollup/mapped-row-diff';
import { snapshotChanges, type AppendixSnapshot } from '@/domain/rollup/province-report';
import { defaultTemplate, findProvinceTemplate } from '@/templates/template-registry';

const template = findProvinceTemplate(defaultTemplate)!;
const SUMMER = 'Thanh niên tình nguyện hè';
const CLUBS = 'Câu lạc bộ, đội, nhóm thanh niên';

function youth(rows: [string, Record<string, number>][], total = 2800): IndicatorTableValue {
  return {
    cells: {
      'youth-total': { '2009': total },
      ...Object.fromEntries(rows.map(([, cells], index) => [`gop-${index + 1}`, cells])),
    },
    targets: {},
    notes: {},
    custom: rows.map(([label], index) => ({ id: `gop-${index + 1}`, label, kind: 'count' })),
    source: 'Tổng hợp 7/7 đơn vị',
    isMarkedComplete: true,
  };
}

function snapshot(table: IndicatorTableValue): AppendixSnapshot {
  return {
    reportId: 'tinh-1',
    takenAt: '2013-09-20T03:00:00.000Z',
    expected: 7,
    included: [],
    missing: [],
    tables: { 'youth-table': table },
  };
}

describe('the change view of the province report’s appendix', () => {
  it('lists the mapped rows’ cells old → new, matched by label', () => {
    const held = { 'youth-table': youth([[SUMMER, { '2012': 200, '2013': 245 }]]) };
    const now = {
      'youth-table': youth([
        [CLUBS, { '2013': 38 }],
        [SUMMER, { '2012': 200, '2013': 290 }],
      ]),
    };
    expect(
      mappedRowChanges(template, held, now).map((c) => [c.indicator, c.year, c.before, c.after]),
    ).toEqual([
      [CLUBS, '2013', null, 38],
      [SUMMER, '2013', 245, 290],
    ]);
    // Undone: the row's values go blank.
    expect(
      mappedRowChanges(template, now, held).map((c) => [c.indicator, c.year, c.before, c.after]),
    ).toEqual([
      [SUMMER, '2013', 290, 245],
      [CLUBS, '2013', 38, null],
    ]);
    expect(mappedRowChanges(template, held, held)).toEqual([]);
  });

  it('shows them in the snapshot changes after the table’s own cells', () => {
    const held = snapshot(youth([[SUMMER, { '2013': 245 }]], 2100));
    const now = snapshot(youth([[SUMMER, { '2013': 290 }]], 2800));
    const cells = snapshotChanges(template, held, now).cells;
    expect(cells.map((c) => [c.table, c.indicator, c.year, c.before, c.after])).toEqual([
      ['Tập hợp thanh niên', 'Thanh niên từ 16 đến 30 tuổi trên địa bàn', '2009', 2100, 2800],
      ['Tập hợp thanh niên', SUMMER, '2013', 245, 290],
    ]);
  });
});
