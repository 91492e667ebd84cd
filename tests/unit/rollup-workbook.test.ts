// Xuất Excel of the consolidation: six of seven units accepted, one cell blank, opened
// by LibreOffice: totals as numbers, "chưa đủ" naming the unit, the coverage line on
// the sheet, one row per unit, indicator and year with the fingerprint, the tracker.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rollUp } from '@/domain/rollup/rollup';
import { templateUnits } from '@/domain/rollup/units';
import { rollupWorkbook } from '@/export/xlsx/rollup-workbook';
import { writeWorkbook } from '@/export/xlsx/workbook';
import { defaultTemplate } from '@/templates/template-registry';
import { acceptedUnits, simpleCell, type CellMaker } from '../fixtures/rollup-units';
import { SOFFICE_TIMEOUT, xlsxSheetsAsCsv } from '../support/xlsx-csv';

const units = templateUnits(defaultTemplate);
let dir = '';
let csv: Map<string, string[][]>;

beforeAll(async () => {
  const cell: CellMaker = (unitIndex, id, yearIndex) =>
    unitIndex === 1 && id === 'youth-clubs' && yearIndex === 0
      ? null
      : simpleCell(unitIndex, id, yearIndex);
  const accepted = acceptedUnits(defaultTemplate, units, cell).slice(0, 6);
  const rollup = rollUp(defaultTemplate, units, accepted);
  const sheets = rollupWorkbook(rollup, []);
  for (const sheet of sheets)
    for (const row of sheet.rows)
      expect(row.length === 0 || row.length === sheet.rows[0]!.length).toBe(true);
  dir = mkdtempSync(join(tmpdir(), 'so-ket-rollup-xlsx-'));
  const blob = await writeWorkbook(sheets);
  csv = await xlsxSheetsAsCsv(dir, 'tong-hop', new Uint8Array(await blob.arrayBuffer()));
}, SOFFICE_TIMEOUT + 30_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the consolidation as .xlsx', () => {
  it('has the three sheets', () => {
    expect([...csv.keys()].sort()).toEqual(['Theo đơn vị', 'Tiếp nhận', 'Tổng hợp']);
  });

  it('prints the tables as on paper with totals, "chưa đủ" and the missing unit', () => {
    const sheet = csv.get('Tổng hợp')!;
    expect(sheet[1]![0]).toBe('Tổng hợp 6/7 đơn vị — thiếu: Huyện Đoàn Đông Hải');
    const row = (label: string) => sheet.find((r) => r[0] === label)!;
    // 100 × (1 + … + 6) = 2.100 in 2009, its last year 2.100 + 6 × 4.
    expect(row('Thanh niên từ 16 đến 30 tuổi trên địa bàn')).toEqual([
      'Thanh niên từ 16 đến 30 tuổi trên địa bàn',
      '2,100',
      '2,106',
      '2,112',
      '2,118',
      '2,124',
      '2,124',
      '',
    ]);
    expect(row('Thanh niên trong câu lạc bộ, đội, nhóm do Đoàn hướng dẫn')[1]).toBe(
      'chưa đủ (Huyện Đoàn Vĩnh Lợi)',
    );
    expect(row('Tỷ lệ tập hợp thanh niên')[1]).toBe('60.0%');
    expect(sheet.some((r) => r[0] === 'Phụ lục 7. Giới thiệu đoàn viên ưu tú cho Đảng')).toBe(true);
  });

  it('lists every unit, indicator and year with the version fingerprint', () => {
    const sheet = csv.get('Theo đơn vị')!;
    expect(sheet[0]).toEqual(['Đơn vị', 'Phụ lục', 'Chỉ tiêu', 'Năm', 'Giá trị', 'Mã bản']);
    expect(sheet).toContainEqual([
      'Huyện Đoàn Vĩnh Lợi',
      '1. Tập hợp thanh niên',
      'Thanh niên từ 16 đến 30 tuổi trên địa bàn',
      '2013',
      '204',
      'f0000001',
    ]);
    expect(new Set(sheet.slice(1).map((r) => r[0])).size).toBe(6);
  });
});
