// The .xlsx adapter: a workbook with Vietnamese text, merged headers and formatted
// numbers, written through the lazy writer chunk, opened by LibreOffice headless
// (converted to CSV, every sheet) with its values and diacritics intact; the sheet XML
// keeps numbers as numbers and the merges; sheet names Excel would refuse are made valid.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeWorkbook, XLSX_MIME_TYPE, type WorkbookSheet } from '@/export/xlsx/workbook';
import { sheetNames } from '@/export/xlsx/xlsx-writer.chunk';
import { SOFFICE_TIMEOUT, xlsxSheetsAsCsv } from '../support/xlsx-csv';
import { readZip } from './zip';

const LONG_NAME = 'Theo đơn vị: [Huyện Đoàn Hồng Dân] / 2009*2013? và các đơn vị trực thuộc';

const SHEETS: WorkbookSheet[] = [
  {
    name: 'Tổng hợp',
    columnWidths: [40, 12, 12],
    rows: [
      [
        { value: 'Tổng hợp 6/7 đơn vị — thiếu: Huyện Đoàn Đông Hải', bold: true, span: 3 },
        { value: null },
        { value: null },
      ],
      [
        { value: 'Chỉ tiêu', bold: true, rowSpan: 2, align: 'center', border: true },
        { value: 'Năm', bold: true, span: 2, align: 'center', border: true },
        { value: null },
      ],
      [
        { value: null },
        { value: '2012', bold: true, border: true },
        { value: '2013', bold: true, border: true },
      ],
      [
        { value: 'Số đoàn viên mới kết nạp', border: true },
        { value: 12345, format: '#,##0', border: true },
        { value: 6789, format: '#,##0', border: true },
      ],
      [
        { value: 'Tỷ lệ chi đoàn vững mạnh', wrap: true, border: true },
        { value: 0.456, format: '0.0%', border: true },
        { value: null, border: true },
      ],
      [{ value: 'Ghi chú: ô trống là chưa có số liệu, không phải 0; Ễ ữ ặ ỹ Đ đ' }],
    ],
  },
  {
    name: LONG_NAME,
    columnWidths: [30, 10],
    rows: [
      [
        { value: 'Đơn vị', bold: true },
        { value: 'Giá trị', bold: true },
      ],
      [{ value: 'Huyện Đoàn Hồng Dân' }, { value: 1.5 }],
    ],
  },
  { name: LONG_NAME, columnWidths: [10], rows: [[{ value: 'bản sao' }]] },
];

let dir = '';
let csv: Map<string, string[][]>;
let parts: Map<string, Buffer>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'so-ket-xlsx-'));
  const blob = await writeWorkbook(SHEETS);
  expect(blob.type).toBe(XLSX_MIME_TYPE);
  const bytes = new Uint8Array(await blob.arrayBuffer());
  parts = readZip(bytes);
  csv = await xlsxSheetsAsCsv(dir, 'tong-hop', bytes);
}, SOFFICE_TIMEOUT + 30_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeWorkbook', () => {
  it('makes sheet names Excel accepts: ≤ 31 characters, no []:*?/\\, unique', () => {
    const names = sheetNames(SHEETS.map((sheet) => sheet.name));
    expect(names[0]).toBe('Tổng hợp');
    expect(names[1]).toBe('Theo đơn vị- -Huyện Đoàn Hồng D');
    expect(names[2]).toBe('Theo đơn vị- -Huyện Đoàn Hồ (2)');
    for (const name of names) {
      expect([...name].length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[[\]:*?/\\]/);
    }
    expect(sheetNames(['', "'Bảng'", 'a', 'A'])).toEqual(['Sheet1', 'Bảng', 'a', 'A (2)']);
    expect([...csv.keys()].sort()).toEqual([...names].sort());
  });

  it('keeps Vietnamese text, merged headers and formatted numbers through LibreOffice', () => {
    const sheet = csv.get('Tổng hợp')!;
    expect(sheet[0]![0]).toBe('Tổng hợp 6/7 đơn vị — thiếu: Huyện Đoàn Đông Hải');
    expect(sheet[1]!.slice(0, 2)).toEqual(['Chỉ tiêu', 'Năm']);
    expect(sheet[2]!.slice(1, 3)).toEqual(['2012', '2013']);
    expect(sheet[3]).toEqual(['Số đoàn viên mới kết nạp', '12,345', '6,789']);
    expect(sheet[4]).toEqual(['Tỷ lệ chi đoàn vững mạnh', '45.6%', '']);
    expect(sheet[5]![0]).toBe('Ghi chú: ô trống là chưa có số liệu, không phải 0; Ễ ữ ặ ỹ Đ đ');
    expect(csv.get('Theo đơn vị- -Huyện Đoàn Hồng D')).toEqual([
      ['Đơn vị', 'Giá trị'],
      ['Huyện Đoàn Hồng Dân', '1.5'],
    ]);
  });

  it('stores numbers as numbers with their format, and the merges', () => {
    const sheet = parts.get('xl/worksheets/sheet1.xml')!.toString('utf8');
    expect(sheet).toMatch(/<c r="B4"[^>]*><v>12345<\/v><\/c>/);
    expect(sheet).toMatch(/<c r="B5"[^>]*><v>0.456<\/v><\/c>/);
    for (const range of ['A1:C1', 'A2:A3', 'B2:C2'])
      expect(sheet).toContain(`<mergeCell ref="${range}"/>`);
    const styles = parts.get('xl/styles.xml')!.toString('utf8');
    expect(styles).toContain('formatCode="#,##0"');
    expect(styles).toContain('formatCode="0.0%"');
  });
});
