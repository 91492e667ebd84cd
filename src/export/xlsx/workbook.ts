// A spreadsheet (.xlsx) from plain sheets of cells, for the province office's "Xuất
// Excel" (Excel garbles Vietnamese in CSV). Small on purpose: the writer
// (xlsx-writer.chunk.ts, write-excel-file) is a lazy chunk, loaded on the first export
// and precached for offline use.
import { cachedImport } from '@/lib/retry-import';
import type * as WriterChunk from './xlsx-writer.chunk';

export interface WorkbookCell {
  // A number stays a number in the file (shown with `format`); null is an empty cell.
  value: string | number | null;
  bold?: boolean;
  // An Excel number format, e.g. '#,##0' or '0.0%'.
  format?: string;
  // The merged cell covers this many columns, itself included (like HTML colspan). Rows
  // are a full grid: the covered cells stay in their rows (as { value: null }) and are
  // ignored.
  span?: number;
  // The same, down: this many rows, itself included.
  rowSpan?: number;
  align?: 'left' | 'center' | 'right';
  wrap?: boolean;
  // A thin border on every side (tables "as on paper").
  border?: boolean;
}

export interface WorkbookSheet {
  // Made valid for Excel by the writer: at most 31 characters, none of []:*?/\, unique.
  name: string;
  columnWidths: number[]; // in characters
  rows: WorkbookCell[][];
}

export const XLSX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const loadWriter = cachedImport((): Promise<typeof WriterChunk> => import('./xlsx-writer.chunk'));

export async function writeWorkbook(sheets: WorkbookSheet[]): Promise<Blob> {
  const { writeXlsx } = await loadWriter();
  return writeXlsx(sheets);
}
