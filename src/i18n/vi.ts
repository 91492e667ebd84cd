// Every string the user sees, in Vietnamese, in one place. Template data (step titles,
// prompts, labels) lives in the template; everything else lives here.
import type { AppendixIssue, AppendixIssueCode, TargetStatus } from '@/domain/appendix/evaluate';
import { formatVietnameseNumber } from '@/domain/appendix/numbers';
import type { IssueCode } from '@/domain/report/answer-kinds';
import type { StepState } from '@/domain/report/progress';

const numberFormat = new Intl.NumberFormat('vi-VN');

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

export function formatTime(date: Date): string {
  const hh = String(date.getHours()).padStart(2, '0');
  const mm = String(date.getMinutes()).padStart(2, '0');
  return `${hh}:${mm}`;
}

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  const dd = String(date.getDate()).padStart(2, '0');
  const mo = String(date.getMonth() + 1).padStart(2, '0');
  return `${formatTime(date)} ngày ${dd}/${mo}/${date.getFullYear()}`;
}

export const vi = {
  appName: 'Sơ kết NQ01',
  appTitle: 'Báo cáo sơ kết 5 năm Nghị quyết 01-NQ/ĐTN',
  skipToContent: 'Bỏ qua, đến nội dung chính',

  list: {
    heading: 'Báo cáo của đơn vị',
    empty: 'Chưa có báo cáo nào. Bấm “Tạo báo cáo mới” để bắt đầu.',
    create: 'Tạo báo cáo mới',
    open: 'Mở',
    menu: (name: string) => `Thao tác với báo cáo “${name}”`,
    updated: (when: string) => `Sửa lần cuối lúc ${when}`,
    progress: (done: number, total: number) => `Đã xong ${done}/${total} mục bắt buộc`,
    rename: 'Đổi tên',
    duplicate: 'Nhân bản',
    exportJson: 'Xuất tệp báo cáo (.json)',
    delete: 'Xóa',
    trashHeading: (count: number) => `Thùng rác (${count})`,
    trashNote: 'Báo cáo trong thùng rác được giữ 30 ngày rồi tự xóa.',
    trashedOn: (when: string) => `Đã xóa lúc ${when}`,
    restore: 'Khôi phục',
    deleteForever: 'Xóa vĩnh viễn',
    confirmDeleteForever: (name: string) =>
      `Xóa vĩnh viễn báo cáo “${name}”? Không thể hoàn tác thao tác này.`,
    movedToTrash: (name: string) => `Đã chuyển “${name}” vào thùng rác.`,
    undo: 'Hoàn tác',
    restored: (name: string) => `Đã khôi phục “${name}”.`,
    duplicated: (name: string) => `Đã tạo bản sao “${name}”.`,
    copySuffix: ' (bản sao)',
    exported: 'Đã tải tệp báo cáo về máy.',
    damagedHeading: 'Dữ liệu bị hỏng',
    damagedNote:
      'Không đọc được bản ghi này. Hãy xuất dữ liệu gốc và gửi cho người hỗ trợ; dữ liệu vẫn được giữ nguyên trên máy.',
    damagedExport: 'Xuất dữ liệu gốc',
    loading: 'Đang tải…',
  },

  create: {
    heading: 'Tạo báo cáo mới',
    unitLabel: 'Đơn vị',
    unitOther: 'Đơn vị khác (tự nhập tên)',
    otherNameLabel: 'Tên đơn vị',
    otherNameHint: 'Ví dụ: Đoàn Khối Doanh nghiệp tỉnh',
    submit: 'Tạo báo cáo',
    cancel: 'Hủy',
    defaultName: (unit: string) => `Báo cáo sơ kết NQ01 – ${unit}`,
    unitRequired: 'Vui lòng chọn hoặc nhập tên đơn vị.',
  },

  rename: {
    heading: 'Đổi tên báo cáo',
    label: 'Tên báo cáo',
    submit: 'Lưu tên',
    cancel: 'Hủy',
    required: 'Tên báo cáo không được để trống.',
    tooLong: (max: number) => `Tên báo cáo dài tối đa ${formatNumber(max)} ký tự.`,
  },

  wizard: {
    toc: 'Mục lục',
    tocToggle: 'Mục lục và tiến độ',
    progress: (done: number, total: number) => `Tiến độ: ${done}/${total} mục bắt buộc`,
    stepCount: (index: number, total: number) => `Bước ${index}/${total}`,
    previous: 'Bước trước',
    next: 'Bước tiếp',
    toReview: 'Xem lại',
    backToList: 'Danh sách báo cáo',
    required: 'bắt buộc',
    optional: 'không bắt buộc',
    characters: (length: number, max: number) =>
      `${formatNumber(length)}/${formatNumber(max)} ký tự`,
    addItem: 'Thêm dòng',
    removeItem: (index: number) => `Xóa dòng ${index}`,
    moveUp: (index: number) => `Đưa dòng ${index} lên`,
    itemLabel: (label: string, index: number) => `${label} – dòng ${index}`,
    day: 'Ngày',
    month: 'Tháng',
    year: 'Năm',
    damagedFields:
      'Một số câu trả lời lưu trên máy bị hỏng và không hiển thị được. Hãy xuất dữ liệu gốc từ danh sách báo cáo.',
    notFound: 'Không tìm thấy báo cáo này. Có thể nó đã bị xóa vĩnh viễn.',
    inTrash: 'Báo cáo này đang ở trong thùng rác.',
    listHint: 'Mỗi đoạn một dòng; dòng bắt đầu bằng “-” hoặc “+” là một ý liệt kê.',
  },

  stepState: {
    notStarted: 'Chưa bắt đầu',
    inProgress: 'Đang làm',
    complete: 'Hoàn thành',
    hasErrors: 'Có lỗi',
  } satisfies Record<StepState, string>,

  save: {
    idle: 'Chưa có thay đổi',
    pending: 'Đang chờ lưu…',
    saving: 'Đang lưu…',
    savedAt: (time: string) => `Đã lưu lúc ${time}`,
    errors: {
      quota: 'Bộ nhớ của máy đã đầy, chưa lưu được. Nội dung vẫn còn trên màn hình.',
      missing: 'Không lưu được: báo cáo này không còn trên máy.',
      other: 'Không lưu được vào máy. Nội dung vẫn còn trên màn hình.',
    },
    retryIn: (seconds: number) => `Sẽ thử lại sau ${seconds} giây.`,
    retry: 'Thử lại ngay',
    exportHint: 'Để an toàn, hãy xuất tệp báo cáo về máy.',
    exportNow: 'Xuất tệp báo cáo',
  },

  issues: {
    required: 'Mục này bắt buộc, vui lòng nhập.',
    tooLong: (length: number, max: number) =>
      `Quá dài: ${formatNumber(length)}/${formatNumber(max)} ký tự. Nội dung vẫn được giữ, hãy rút gọn.`,
    tooManyItems: (max: number) => `Tối đa ${formatNumber(max)} dòng.`,
    itemTooLong: (max: number) => `Mỗi dòng dài tối đa ${formatNumber(max)} ký tự.`,
    invalidOption: 'Lựa chọn không hợp lệ.',
    invalidDate: 'Ngày tháng không hợp lệ.',
    wrongType: 'Dữ liệu đã lưu không đúng dạng; hãy nhập lại.',
    appendixError: 'Bảng số liệu còn lỗi cần sửa.',
    notMarkedComplete: 'Bảng số liệu chưa được đánh dấu đã xong.',
  } satisfies Record<IssueCode, unknown>,

  appendix: {
    indicator: 'Nội dung',
    target: 'Chỉ tiêu NQ',
    status: 'So với chỉ tiêu',
    statuses: { met: 'Đạt', notMet: 'Chưa đạt', exceeded: 'Vượt' } satisfies Record<
      TargetStatus,
      string
    >,
    computedNote: 'Tự tính',
    percentUnit: '(%)',
    cellLabel: (label: string, year: string) => `${label} – năm ${year}`,
    targetLabel: (label: string) => `${label} – chỉ tiêu Nghị quyết`,
    tableRegion: (title: string) => `Bảng số liệu: ${title}`,
    errorsHeading: (count: number) => `Lỗi cần sửa (${count})`,
    warningsHeading: (count: number) => `Cần xem lại (${count})`,
    goToCell: 'Đến ô này',
    noteLabel: 'Giải trình (không bắt buộc)',
    markComplete: 'Đánh dấu đã xong',
    markedComplete: 'Bảng này đã được đánh dấu xong.',
    unmark: 'Bỏ đánh dấu',
    cannotComplete: (count: number) => `Chưa thể đánh dấu đã xong: còn ${count} lỗi cần sửa.`,
    pasteHint: 'Có thể dán một khối số liệu sao chép từ bảng tính (Excel) vào ô đang chọn.',
    pasted: (count: number) => `Đã dán ${count} ô.`,
    pasteBad: (cells: string) => `Không đọc được thành số, chưa thay đổi: ${cells}.`,
    pasteOutside: (count: number) => `${count} ô nằm ngoài bảng, đã bỏ qua.`,
    summaryHeading: 'Số liệu so với chỉ tiêu Nghị quyết',
    summaryEmpty: 'Chưa có chỉ tiêu nào được nhập ở Phụ lục số liệu.',
    summaryLine: (label: string, value: string, year: string, target: string, status: string) =>
      `${label}: ${value} (năm ${year}), chỉ tiêu ${target} – ${status}`,
    chartLabel: (label: string) => `Biểu đồ ${label} theo năm, so với chỉ tiêu`,
    targetLine: 'Chỉ tiêu',
    noData: '—',
    issuesInReview: 'Phụ lục số liệu',
  },

  review: {
    heading: 'Xem lại báo cáo',
    missingHeading: 'Những mục còn thiếu hoặc có lỗi',
    noIssues: 'Báo cáo đã đủ các mục bắt buộc và không có lỗi.',
    goToField: (step: string, field: string) => `${step}: ${field}`,
    missingAnswer: '[Chưa nhập]',
    documentPreview: 'Bản xem trước văn bản',
  },

  storage: {
    persistDenied:
      'Trình duyệt chưa cho phép lưu trữ lâu dài; hãy cài ứng dụng hoặc thường xuyên xuất tệp báo cáo.',
  },

  errors: {
    generic: 'Đã có lỗi xảy ra. Nội dung đã nhập vẫn được lưu trên máy.',
    reload: 'Tải lại trang',
    actionFailed: 'Không thực hiện được thao tác. Vui lòng thử lại.',
  },
  dismiss: 'Đóng',

  pwa: {
    updateReady: 'Đã có phiên bản mới.',
    update: 'Cập nhật',
    updating: 'Đang lưu và cập nhật…',
    later: 'Để sau',
    offlineReady: 'Sẵn sàng dùng ngoại tuyến: ứng dụng mở được cả khi không có mạng.',
    online: 'Đang trực tuyến',
    offline: 'Ngoại tuyến – mọi thứ vẫn được lưu trên máy',
    install: 'Cài đặt ứng dụng',
    iosTitle: 'Cài ứng dụng lên iPhone để giữ dữ liệu an toàn',
    iosSteps: [
      'Bấm nút Chia sẻ ở thanh dưới của Safari.',
      'Chọn “Thêm vào MH chính”.',
      'Bấm “Thêm”.',
    ],
    iosWhy:
      'Nếu không cài, Safari có thể xóa dữ liệu của trang sau 7 ngày không mở. Khi đã cài, bản nháp được giữ trên máy.',
    databaseReplaced:
      'Ứng dụng vừa được cập nhật ở một thẻ khác. Nội dung bạn nhập đã được lưu. Hãy tải lại trang để tiếp tục.',
    chunkFailed:
      'Không tải được một phần của ứng dụng (có thể do mất mạng). Nội dung đã nhập vẫn được giữ trên máy. Hãy kiểm tra kết nối rồi tải lại trang.',
  },

  settings: {
    link: 'Cài đặt',
    heading: 'Cài đặt và dữ liệu',
    storageHeading: 'Lưu trữ trên máy',
    persisted:
      'Trình duyệt đã cho phép lưu trữ lâu dài: dữ liệu không bị tự xóa khi máy thiếu dung lượng.',
    notPersisted:
      'Trình duyệt chưa cho phép lưu trữ lâu dài: khi máy thiếu dung lượng, dữ liệu có thể bị xóa. Hãy cài ứng dụng và sao lưu thường xuyên.',
    unknownPersistence: 'Trình duyệt này không cho biết chế độ lưu trữ.',
    askPersist: 'Yêu cầu lưu trữ lâu dài',
    usage: (used: string, quota: string) => `Đã dùng ${used} trên ${quota} có thể dùng.`,
    usageUnknown: 'Không đọc được dung lượng đã dùng.',
    version: (version: string) => `Phiên bản ứng dụng: ${version}`,
    backupHeading: 'Sao lưu',
    backupNote:
      'Tải về một tệp chứa tất cả báo cáo (trừ thùng rác). Hãy cất tệp ở nơi an toàn hoặc gửi qua email.',
    backupAll: 'Sao lưu tất cả',
    backedUp: (count: number, name: string) => `Đã sao lưu ${count} báo cáo vào tệp ${name}.`,
    backupEmpty: 'Chưa có báo cáo nào để sao lưu.',
  },

  reminder: {
    backup:
      'Có thay đổi chưa được xuất tệp hay sao lưu hơn 3 ngày. Hãy “Sao lưu tất cả” trong Cài đặt hoặc xuất tệp báo cáo.',
  },

  pdf: {
    export: 'Xuất PDF',
    exporting: 'Đang tạo tệp PDF…',
    exported: (name: string) => `Đã tải về ${name}.`,
    draftNote: 'Báo cáo còn thiếu hoặc có lỗi nên được xuất dưới dạng DỰ THẢO.',
    replaced: (chars: string) =>
      `Một số ký tự không in được trong PDF và đã được thay bằng [?]: ${chars}`,
    failed: 'Không tạo được tệp PDF. Vui lòng thử lại.',
    loadFailed:
      'Không tải được bộ tạo PDF (có thể do mất mạng khi ứng dụng vừa cập nhật). Hãy tải lại trang; nội dung đã nhập vẫn được giữ.',
  },

  cli: {
    usage: 'Cách dùng: npm run pdf -- <tệp-báo-cáo.json> <tệp-ra.pdf>',
    cannotRead: (path: string) => `Không đọc được tệp ${path}.`,
    notJson: (path: string) => `Tệp ${path} không phải JSON hợp lệ.`,
    invalidFile: (details: string) => `Tệp báo cáo không hợp lệ:\n${details}`,
    unknownTemplate: (id: string, version: number) =>
      `Ứng dụng không có mẫu báo cáo ${id} phiên bản ${version}.`,
    badAnswers: (fields: string) => `Câu trả lời không khớp với mẫu báo cáo: ${fields}`,
    written: (path: string, pages: number, kb: number) =>
      `Đã ghi ${path} (${pages} trang, ${kb} KB).`,
  },
} as const;

const where = (year: string | null) => (year === null ? 'chỉ tiêu' : `năm ${year}`);

// One sentence naming the indicator and the year, e.g. "Xếp loại – số được xếp loại,
// năm 2011: tổng các loại là 52, lớn hơn 50."
export function appendixIssueMessage(
  issue: AppendixIssue,
  labelOf: (indicatorId: string) => string,
  unitOf: (indicatorId: string) => 'count' | 'percent',
): string {
  const label = labelOf(issue.indicatorId);
  const n = (value: number | null | undefined, id = issue.indicatorId) =>
    value === null || value === undefined ? '' : formatVietnameseNumber(value, unitOf(id));
  const others = issue.other ? issue.other.indicatorIds.map(labelOf).join(' + ') : '';
  const otherValue = n(issue.other?.value, issue.other?.indicatorIds[0] ?? issue.indicatorId);
  const messages: Record<AppendixIssueCode, () => string> = {
    notANumber: () => 'không đọc được thành số.',
    notWholeNumber: () => `phải là số nguyên (đang là ${n(issue.value)}).`,
    negative: () => 'không được là số âm.',
    rateAbove100: () => `tỷ lệ ${n(issue.value, issue.indicatorId)} vượt quá 100%.`,
    partAboveWhole: () => `${n(issue.value)} lớn hơn ${others} (${otherValue}).`,
    partsAboveWhole: () => `tổng ${others} là ${n(issue.value)}, lớn hơn ${n(issue.other?.value)}.`,
    partsBelowWhole: () => `tổng ${others} là ${n(issue.value)}, nhỏ hơn ${n(issue.other?.value)}.`,
    aboveLimit: () => `${n(issue.value)} lớn hơn ${others} (${otherValue}).`,
    bigChange: () => {
      const previous = issue.other?.value ?? 0;
      const change =
        previous === 0 ? 0 : Math.round((((issue.value ?? 0) - previous) / previous) * 100);
      return `${change > 0 ? 'tăng' : 'giảm'} ${Math.abs(change)}% so với năm ${issue.other?.year ?? ''} (${n(previous)} → ${n(issue.value)}).`;
    },
    missesTarget: () => `${n(issue.value)} chưa đạt chỉ tiêu ${n(issue.other?.value)}.`,
  };
  return `${label}, ${where(issue.year)}: ${messages[issue.code]()}`;
}

export function issueMessage(code: IssueCode, details: { length?: number; max?: number }): string {
  switch (code) {
    case 'tooLong':
      return vi.issues.tooLong(details.length ?? 0, details.max ?? 0);
    case 'tooManyItems':
      return vi.issues.tooManyItems(details.max ?? 0);
    case 'itemTooLong':
      return vi.issues.itemTooLong(details.max ?? 0);
    default:
      return vi.issues[code];
  }
}
