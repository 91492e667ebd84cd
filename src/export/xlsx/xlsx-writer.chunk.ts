// The one module that knows write-excel-file (MIT, small, maintained; its universal
// build makes a Blob in browsers and in Node with fflate, no worker needed for small
// files). Turns WorkbookSheets into its sheet data: numbers as numbers with their
// format, merged cells, bold, alignment, wrapping, borders, column widths.
import writeExcelFile, { type Cell, type CellObject } from 'write-excel-file/universal';
import { XLSX_MIME_TYPE, type WorkbookCell, type WorkbookSheet } from './workbook';

export const SHEET_NAME_MAX = 31;
const FORBIDDEN = /[[\]:*?/\\]/g;

// A name Excel accepts: forbidden characters become "-", no apostrophe at either end,
// at most 31 characters (cut at a character boundary), not empty, and unique among the
// workbook's sheets ignoring case ("Tên (2)").
export function sheetNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((raw, index) => {
    const cleaned =
      raw
        .normalize('NFC')
        .replace(FORBIDDEN, '-')
        .replace(/\p{Cc}/gu, ' ')
        .trim()
        .replace(/^'+|'+$/g, '')
        .trim() || `Sheet${index + 1}`;
    const cut = (text: string, max: number) => [...text].slice(0, max).join('').trimEnd();
    let name = cut(cleaned, SHEET_NAME_MAX);
    for (let n = 2; used.has(name.toLocaleLowerCase('vi')); n += 1) {
      const suffix = ` (${n})`;
      name = cut(cleaned, SHEET_NAME_MAX - suffix.length) + suffix;
    }
    used.add(name.toLocaleLowerCase('vi'));
    return name;
  });
}

function cellObject(cell: WorkbookCell): Cell {
  const object: CellObject = {};
  if (cell.value !== null) {
    object.value = cell.value;
    object.type = typeof cell.value === 'number' ? Number : String;
  }
  if (cell.bold) object.fontWeight = 'bold';
  if (cell.format && typeof cell.value === 'number') object.format = cell.format;
  if (cell.span && cell.span > 1) object.columnSpan = cell.span;
  if (cell.rowSpan && cell.rowSpan > 1) object.rowSpan = cell.rowSpan;
  if (cell.align) object.align = cell.align;
  if (cell.wrap) {
    object.wrap = true;
    object.alignVertical = 'top';
  }
  if (cell.border) object.borderStyle = 'thin';
  return Object.keys(object).length === 0 ? null : object;
}

export async function writeXlsx(sheets: readonly WorkbookSheet[]): Promise<Blob> {
  if (sheets.length === 0) throw new Error('a workbook needs at least one sheet');
  const names = sheetNames(sheets.map((sheet) => sheet.name));
  const blob = await writeExcelFile(
    sheets.map((sheet, index) => ({
      sheet: names[index]!,
      columns: sheet.columnWidths.map((width) => ({ width })),
      // A row with no cell at all would still need one entry.
      data: sheet.rows.map((row) => (row.length > 0 ? row.map(cellObject) : [null])),
    })),
    { fontFamily: 'Times New Roman', fontSize: 12 },
  ).toBlob();
  return blob.type === XLSX_MIME_TYPE ? blob : new Blob([blob], { type: XLSX_MIME_TYPE });
}
