import type { DateValue } from '@/domain/report/answer-kinds';
import { asciiSlug } from '@/domain/report/report-schema';

// "BC-so-ket-NQ01-huyen-doan-hong-dan-2013-09-05.pdf": the document's date when it is
// complete, else the day of the export.
export function pdfFileName(
  prefix: string,
  unitName: string,
  date: DateValue | undefined,
  now: Date,
): string {
  const isComplete =
    date && /^\d{1,2}$/.test(date.day) && /^\d{1,2}$/.test(date.month) && /^\d{4}$/.test(date.year);
  const day = isComplete
    ? `${date.year}-${date.month.padStart(2, '0')}-${date.day.padStart(2, '0')}`
    : now.toISOString().slice(0, 10);
  return `${prefix}-${asciiSlug(unitName) || 'don-vi'}-${day}.pdf`;
}
