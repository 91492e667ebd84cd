// Placeholder of the contract h16a lands (the .xlsx writer). Replaced on merge.
export interface WorkbookCell {
  value: string | number | null;
  bold?: boolean;
  format?: string;
  span?: number;
  rowSpan?: number;
  align?: 'left' | 'center' | 'right';
  wrap?: boolean;
}
export interface WorkbookSheet {
  name: string;
  columnWidths: number[];
  rows: WorkbookCell[][];
}
export async function writeWorkbook(_sheets: WorkbookSheet[]): Promise<Blob> {
  throw new Error('the .xlsx writer has not landed yet');
}
