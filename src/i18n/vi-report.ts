// The strings of the lazily loaded screens, merged with the first screen's (vi.ts).
import type { AppendixIssue, AppendixIssueCode, TargetStatus } from '@/domain/appendix/evaluate';
import { formatVietnameseNumber } from '@/domain/appendix/numbers';
import type { IssueCode } from '@/domain/report/answer-kinds';
import type { ImportProblem } from '@/domain/report/import-plan';
import type { StepState } from '@/domain/report/progress';
import { formatNumber, vi as firstScreen } from './vi';
import { viModels } from './vi-models';
import { viProvinceModels } from './vi-province-models';

export { formatDateTime, formatNumber, formatTime } from './vi';

export const vi = {
  ...firstScreen,
  ...viModels,
  email: {
    button: 'Gửi email',
    heading: 'Gửi báo cáo qua email',
    attachJson: 'Kèm tệp dữ liệu báo cáo',
    attachDocx: 'Kèm bản Word (.docx)',
    preparing: 'Đang chuẩn bị tệp đính kèm…',
    subject: (unit: string) => `Báo cáo sơ kết 5 năm NQ01 – ${unit}`,
    body: (unit: string, recipient: string, files: string[]) =>
      [
        'Kính gửi Ban Thường vụ Tỉnh Đoàn Bạc Liêu (qua Ban Tổ chức),',
        '',
        `${unit} gửi Báo cáo sơ kết 5 năm thực hiện Nghị quyết 01-NQ/ĐTN, tệp đính kèm:`,
        ...files.map((file) => `- ${file}`),
        '',
        `Gửi tới: ${recipient}`,
        '',
        'Trân trọng.',
      ].join('\n'),
    tooLarge: (mb: string) =>
      `Các tệp đính kèm nặng ${mb} MB, vượt mức 20 MB mà nhiều hộp thư nhận được. Bạn vẫn có thể gửi, hoặc bỏ bớt tệp đính kèm.`,
    sendAnyway: 'Vẫn gửi',
    openShare: 'Tệp đã sẵn sàng – mở bảng chia sẻ',
    shared: 'Đã mở bảng chia sẻ. Hãy chọn Gmail (hoặc ứng dụng thư) rồi bấm gửi.',
    shareCancelled: 'Đã hủy chia sẻ.',
    mailtoNote: (recipient: string) =>
      `Đã tải các tệp về máy và mở ứng dụng thư gửi tới ${recipient}. Hãy tự đính kèm các tệp vừa tải về trước khi gửi.`,
    copyAddress: 'Sao chép địa chỉ email',
    copied: 'Đã sao chép địa chỉ email.',
    failed: 'Không chuẩn bị được thư. Vui lòng thử lại.',
  },

  emailSettings: {
    heading: 'Email nhận báo cáo',
    label: 'Địa chỉ email nhận báo cáo',
    hint: (fallback: string) => `Để trống để dùng địa chỉ của Ban Tổ chức Tỉnh Đoàn: ${fallback}.`,
    save: 'Lưu email nhận',
    saved: 'Đã lưu địa chỉ email nhận báo cáo.',
    invalid: 'Địa chỉ email không hợp lệ.',
  },
  restore: {
    heading: 'Khôi phục',
    note: 'Chọn một tệp dữ liệu báo cáo hoặc một tệp sao lưu. Ứng dụng kiểm tra toàn bộ tệp trước, cho bạn chọn với từng báo cáo, rồi mới ghi.',
    fileLabel: 'Tệp báo cáo hoặc tệp sao lưu',
    reading: 'Đang đọc và kiểm tra tệp…',
    problems: {
      tooLarge: 'Tệp lớn hơn 150 MB, không khôi phục được. Không có gì thay đổi.',
      notJson:
        'Tệp không phải JSON hợp lệ (có thể bị hỏng hoặc bị cắt ngắn). Không có gì thay đổi.',
      notOurs:
        'Tệp này không phải tệp báo cáo hay tệp sao lưu của ứng dụng Sơ kết NQ01. Không có gì thay đổi.',
      newerVersion: (version: number) =>
        `Tệp được tạo bởi phiên bản ứng dụng mới hơn (định dạng phiên bản ${version}). Hãy cập nhật ứng dụng rồi thử lại. Không có gì thay đổi.`,
      unknownTemplate: (name: string, id: string, version: number) =>
        `Báo cáo “${name}” dùng mẫu ${id} phiên bản ${version} mà ứng dụng này chưa có. Không có gì thay đổi.`,
      invalidReport: (name: string | null, field: string) =>
        `Báo cáo “${name ?? 'không rõ tên'}” có dữ liệu không hợp lệ ở mục ${field}. Không có gì thay đổi.`,
      duplicateReport: (name: string) =>
        `Tệp chứa báo cáo “${name}” hai lần. Không có gì thay đổi.`,
      damagedHistory: (name: string | null) =>
        `Lịch sử các lần nộp${name === null ? '' : ` của báo cáo “${name}”`} trong tệp sao lưu bị hỏng, nên không khôi phục được. Không có gì thay đổi.`,
    },
    summary: (parts: { new: number; fileNewer: number; fileOlder: number; same: number }) =>
      [
        parts.new ? `${parts.new} báo cáo mới` : '',
        parts.fileNewer ? `${parts.fileNewer} báo cáo đã có — bản trong tệp mới hơn` : '',
        parts.fileOlder ? `${parts.fileOlder} báo cáo đã có — bản trong tệp cũ hơn` : '',
        parts.same ? `${parts.same} báo cáo đã có — giống bản trên máy` : '',
      ]
        .filter(Boolean)
        .join(', '),
    choiceLabel: (name: string) => `Với báo cáo “${name}”`,
    choices: {
      import: 'Thêm vào',
      replace: 'Thay bản trên máy',
      keepBoth: 'Giữ cả hai',
      skip: 'Bỏ qua',
    },
    fileUpdated: (when: string) => `Bản trong tệp sửa lúc ${when}`,
    deviceUpdated: (when: string) => `bản trên máy sửa lúc ${when}`,
    apply: 'Khôi phục',
    cancel: 'Hủy',
    done: (r: { imported: number; replaced: number; copied: number; skipped: number }) =>
      `Đã khôi phục: ${r.imported} báo cáo mới, ${r.replaced} thay thế, ${r.copied} bản sao; bỏ qua ${r.skipped}.`,
    failed: 'Không khôi phục được; không có gì thay đổi. Vui lòng thử lại.',
    copyName: (name: string) => `${name} (bản khôi phục)`,
  },
  wizard: {
    toc: 'Mục lục',
    tocToggle: 'Mục lục và tiến độ',
    progress: (done: number, total: number) => `Tiến độ: ${done}/${total} mục cần hoàn thành`,
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
    exportNow: 'Xuất tệp dữ liệu báo cáo',
  },

  issues: {
    required: 'Mục này bắt buộc, vui lòng nhập.',
    tooLong: (length: number, max: number) =>
      `Quá dài: ${formatNumber(length)}/${formatNumber(max)} ký tự. Nội dung vẫn được giữ, hãy rút gọn.`,
    tooManyItems: (max: number) => `Tối đa ${formatNumber(max)} mục.`,
    itemTooLong: (max: number) =>
      `Mỗi mục (dòng, chú thích ảnh) dài tối đa ${formatNumber(max)} ký tự.`,
    invalidOption: 'Lựa chọn không hợp lệ.',
    invalidDate: 'Ngày tháng không hợp lệ.',
    notANumber: 'Hãy nhập một số nguyên, ví dụ 1.250.',
    entryInvalid: 'Có mục còn lỗi cần sửa (xem các mục được đánh dấu).',
    entryIncomplete: 'Có mục còn thiếu thông tin bắt buộc.',
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
    unnamedRow: 'Dòng chưa đặt tên',
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
      'Trình duyệt chưa cho phép lưu trữ lâu dài; hãy thêm ứng dụng vào màn hình chính hoặc thường xuyên xuất tệp báo cáo.',
  },

  settings: {
    heading: 'Cài đặt và dữ liệu',
    storageHeading: 'Lưu trữ trên máy',
    persisted:
      'Trình duyệt đã cho phép lưu trữ lâu dài: dữ liệu không bị tự xóa khi máy thiếu dung lượng.',
    notPersisted:
      'Trình duyệt chưa cho phép lưu trữ lâu dài: khi máy thiếu dung lượng, dữ liệu có thể bị xóa. Hãy thêm ứng dụng vào màn hình chính và sao lưu thường xuyên.',
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

  syncSettings: {
    heading: 'Máy chủ nhận báo cáo',
    endpoint: 'Địa chỉ nộp báo cáo (để trống: dùng địa chỉ mặc định của ứng dụng)',
    accessCode: 'Mã truy cập của đơn vị',
    save: 'Lưu cài đặt gửi báo cáo',
    saved: 'Đã lưu cài đặt gửi báo cáo.',
    reachable: 'Kết nối được địa chỉ nộp báo cáo.',
    unreachable: 'Không kết nối được máy chủ nhận báo cáo (có thể đang ngoại tuyến).',
    invalidEndpoint: 'Địa chỉ nộp báo cáo phải bắt đầu bằng http:// hoặc https://.',
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

const where = (issue: AppendixIssue) =>
  issue.year !== null
    ? `năm ${issue.year}`
    : issue.code === 'customLabelMissing' || issue.code === 'customRateRows'
      ? 'chỉ tiêu khác'
      : 'chỉ tiêu';

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
    customLabelMissing: () => 'chưa nhập tên chỉ tiêu.',
    customRateRows: () => 'hãy chọn hai dòng để tính tỷ lệ (tử số và mẫu số).',
  };
  return `${label || vi.appendix.unnamedRow}, ${where(issue)}: ${messages[issue.code]()}`;
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

// Why a report file or backup was refused (Khôi phục, and the office's Tiếp nhận).
export function importProblemMessage(problem: ImportProblem): string {
  const p = vi.restore.problems;
  switch (problem.code) {
    case 'newerVersion':
      return p.newerVersion(problem.version);
    case 'unknownTemplate':
      return p.unknownTemplate(problem.reportName, problem.templateId, problem.templateVersion);
    case 'invalidReport':
      return p.invalidReport(problem.reportName, problem.field);
    case 'duplicateReport':
      return p.duplicateReport(problem.reportName);
    case 'damagedHistory':
      return p.damagedHistory(problem.reportName);
    case 'damagedProvinceReport':
      return viProvinceModels.damagedBackup;
    case 'missingPhoto':
      return vi.photoSync.missingPhoto(problem.reportName);
    case 'damagedPhoto':
      return vi.photoSync.damagedPhoto(problem.reportName);
    default:
      return p[problem.code];
  }
}
