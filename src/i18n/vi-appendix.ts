// Words of the appendix tables added by issue 12: the unit's own rows ("Chỉ tiêu
// khác"), a target's year and the progress toward it, and the partial last year.
import type { IndicatorRow, PartialYear, TargetProgress } from '@/domain/appendix/evaluate';
import { formatVietnameseNumber } from '@/domain/appendix/numbers';
import { vi } from './vi-report';

export const viAppendix = {
  customHeading: 'Chỉ tiêu khác',
  customHelp:
    'Thêm chỉ tiêu riêng của đơn vị (nếu có). Chỉ tiêu thêm được in sau các chỉ tiêu của bảng; số liệu nhập ở bảng trên.',
  customEmpty: 'Chưa có chỉ tiêu khác.',
  addCustom: 'Thêm chỉ tiêu khác',
  customRow: (index: number) => `Chỉ tiêu khác ${index}`,
  customLabel: 'Tên chỉ tiêu',
  customKind: 'Loại',
  kinds: {
    count: 'Số lượng',
    percent: 'Tỷ lệ (%) nhập trực tiếp',
    rate: 'Tỷ lệ (%) tính từ hai dòng của bảng',
  },
  numerator: 'Tử số (dòng)',
  denominator: 'Mẫu số (dòng)',
  chooseRow: '— Chọn dòng —',
  targetKind: 'Chỉ tiêu Nghị quyết',
  targets: { none: 'Không có', atLeast: 'Từ … trở lên (≥)', atMost: 'Không quá … (≤)' },
  moveUp: (label: string) => `Chuyển lên: ${label}`,
  moveDown: (label: string) => `Chuyển xuống: ${label}`,
  remove: (label: string) => `Xóa: ${label}`,
  up: 'Lên',
  down: 'Xuống',
  delete: 'Xóa',
  tooMany: (max: number) => `Mỗi bảng có tối đa ${max} chỉ tiêu khác.`,
  customMarker: 'chỉ tiêu khác',
  targetYear: (label: string) => `${label} – năm của chỉ tiêu`,
  targetYearOption: (year: string) => `năm ${year}`,
} as const;

// "2013 (đến tháng 8)": the report's own year, covered only up to the month before it.
export function yearHeader(year: string, partial: PartialYear | null): string {
  if (partial?.year !== year) return year;
  return partial.untilMonth === null
    ? `${year} (chưa đủ năm)`
    : `${year} (đến tháng ${partial.untilMonth})`;
}

// "Năm 2012: đạt 89,0% chỉ tiêu" while the target's year has no figure yet.
export function progressText(progress: TargetProgress): string {
  if (progress.percent !== null)
    return `Năm ${progress.year}: đạt ${formatVietnameseNumber(progress.percent, 'percent')} chỉ tiêu`;
  return `Năm ${progress.year}: ${progress.isMet ? 'đạt' : 'chưa đạt'} chỉ tiêu`;
}

// What the "So với chỉ tiêu" column says of a row: its status in the target's year, or
// the progress of an earlier year; a target for another year than the last names it.
export function statusText(row: IndicatorRow, lastYear: string | undefined): string {
  const suffix =
    row.targetYear !== null && row.targetYear !== lastYear ? ` (năm ${row.targetYear})` : '';
  if (row.status) return `${vi.appendix.statuses[row.status]}${suffix}`;
  if (row.progress) return progressText(row.progress);
  return '';
}
