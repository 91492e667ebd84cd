// Strings of the province's own report: making it from the office's screens, its appendix
// snapshot and the notice when the consolidated figures change.
import { formatVietnameseNumber } from '@/domain/appendix/numbers';
import type { CellValue } from '@/domain/appendix/evaluate';
import type { UnitChange } from '@/domain/rollup/province-report';
import type { SuggestionFigures } from '@/domain/rollup/units-write';
import { formatDateTime } from './vi';

const cell = (value: CellValue | null) =>
  value === null || value === ''
    ? '(trống)'
    : typeof value === 'number'
      ? formatVietnameseNumber(value, 'count')
      : value;

export const viProvinceReport = {
  nav: 'Báo cáo của Tỉnh',
  heading: 'Báo cáo sơ kết của Tỉnh Đoàn',
  intro:
    'Báo cáo của Tỉnh Đoàn dùng cùng mẫu với các đơn vị, do BCH Tỉnh Đoàn ban hành, gửi Trung ương Đoàn. Phụ lục số liệu là số liệu tổng hợp từ các bản đã tiếp nhận, được lưu lại cố định (kèm mã bản của từng đơn vị) cho đến khi cập nhật.',
  coverageNow: (line: string) => `Số liệu tổng hợp hiện tại: ${line}.`,
  create: 'Tạo báo cáo của Tỉnh Đoàn',
  creating: 'Đang tạo…',
  createFailed: 'Không tạo được báo cáo. Chưa có gì thay đổi; hãy thử lại.',
  noneAccepted:
    'Chưa tiếp nhận bản nào: phụ lục sẽ để trống. Có thể tạo báo cáo ngay và cập nhật số liệu sau.',
  open: 'Mở báo cáo để viết',
  review: 'Xem lại và xuất PDF, Word',
  snapshotHeading: 'Số liệu trong phụ lục',
  snapshotTaken: (at: string, line: string) => `Lấy lúc ${formatDateTime(at)}: ${line}.`,
  snapshotUnits: 'Các bản đã dùng',
  snapshotUnit: (name: string, fingerprint: string) => `${name}: bản mã ${fingerprint}`,
  snapshotMissing: 'Không tìm thấy số liệu đã lưu của phụ lục. Hãy cập nhật số liệu.',
  upToDate: 'Phụ lục đúng với số liệu tổng hợp hiện tại.',
  changed: 'Số liệu tổng hợp đã thay đổi',
  changedHint:
    'Phụ lục của báo cáo vẫn giữ số liệu cũ cho đến khi cập nhật. Cập nhật sẽ thay toàn bộ phụ lục (kể cả số liệu đã sửa tay trong phụ lục).',
  unitChange: (change: UnitChange) =>
    change.kind === 'added'
      ? `${change.name}: thêm bản mã ${change.after}`
      : change.kind === 'removed'
        ? `${change.name}: bỏ bản mã ${change.before}`
        : `${change.name}: bản mã ${change.before} → ${change.after}`,
  sourceChange: (before: string, after: string) => `${before} → ${after}`,
  cellsHeading: (count: number) => `Xem ${count} ô số liệu thay đổi (cũ → mới)`,
  cellLabel: (table: string, indicator: string, year: string | null) =>
    `${table} — ${indicator}, ${year === null ? 'chỉ tiêu' : `năm ${year}`}`,
  cell,
  moreCells: (count: number) => `… và ${count} ô khác.`,
  update: 'Cập nhật số liệu phụ lục',
  updated: 'Đã cập nhật phụ lục theo số liệu tổng hợp hiện tại.',
  updateFailed: 'Không cập nhật được. Phụ lục vẫn giữ số liệu cũ; hãy thử lại.',
  seeChanges: 'Xem thay đổi và cập nhật',
  reportMissing: 'Báo cáo này không còn (đã xóa hẳn). Có thể tạo báo cáo mới.',
};

// "Các đơn vị viết" beside a narrative field of the province's report.
const percentChange = (value: number) =>
  formatVietnameseNumber(Math.abs(value), 'percent').replace('%', ' %');

// A suggestion's sentence with its figures, or null when it needs a change it lacks.
export function suggestionSentence(figures: SuggestionFigures): string | null {
  const { changePercent } = figures;
  if (figures.sentence.includes('{change}') && changePercent === null) return null;
  const change =
    changePercent === null
      ? ''
      : changePercent > 0
        ? `tăng ${percentChange(changePercent)}`
        : changePercent < 0
          ? `giảm ${percentChange(changePercent)}`
          : 'không thay đổi';
  return figures.sentence
    .replaceAll('{value}', formatVietnameseNumber(figures.value, 'count'))
    .replaceAll('{change}', change)
    .replaceAll('{firstYear}', figures.firstYear)
    .replaceAll('{lastYear}', figures.lastYear)
    .replaceAll('{period}', `${figures.firstYear}–${figures.lastYear}`);
}

export const viUnitsWrite = {
  heading: 'Các đơn vị viết',
  hint: 'Nội dung cùng mục trong bản đã tiếp nhận của từng đơn vị. Bấm để chèn vào cuối ô đang viết.',
  loading: 'Đang tải bài của các đơn vị…',
  noneAccepted: 'Chưa tiếp nhận báo cáo nào của các đơn vị.',
  search: 'Tìm trong bài của các đơn vị',
  unit: (name: string, count: number, isFiltered: boolean) =>
    `${name} (${count} ${isFiltered ? 'đoạn khớp' : 'đoạn'})`,
  quote: 'Trích dẫn',
  quoteLabel: (index: number, unit: string) => `Trích dẫn đoạn ${index} của ${unit}`,
  attribute: 'Kèm tên đơn vị',
  attributeLabel: (index: number, unit: string) => `Kèm tên đơn vị, đoạn ${index} của ${unit}`,
  nothing: (names: string) => `Không viết mục này: ${names}.`,
  noMatch: 'Không đoạn nào khớp với từ tìm.',
  nobody: 'Chưa đơn vị nào viết mục này trong bản đã tiếp nhận.',
  suggestionHeading: 'Gợi ý từ số liệu tổng hợp',
  insertSuggestion: 'Chèn câu gợi ý',
  insertSuggestionLabel: (sentence: string) => `Chèn câu gợi ý: ${sentence}`,
  inserted: (label: string) => `Đã chèn vào cuối ô “${label}”.`,
};
