// Strings of the province's own report: making it from the office's screens, its appendix
// snapshot and the notice when the consolidated figures change.
import { formatVietnameseNumber } from '@/domain/appendix/numbers';
import type { CellValue } from '@/domain/appendix/evaluate';
import type { UnitChange } from '@/domain/rollup/province-report';
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
