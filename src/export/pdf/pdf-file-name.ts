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
    : localDay(now);
  return `${prefix}-${asciiSlug(unitName) || 'don-vi'}-${day}.pdf`;
}

// The day on the user's clock: before 07:00 in Việt Nam (UTC+7) the UTC date is still
// the day before.
function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
