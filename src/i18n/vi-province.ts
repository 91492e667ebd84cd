// Strings of the province office's screens (#/tinh) and of its Excel file.
import { formatVietnameseNumber } from '@/domain/appendix/numbers';
import type { ReceiptKind } from '@/domain/rollup/received';
import type { Coverage } from '@/domain/rollup/rollup';
import type { TrackerRow } from '@/domain/rollup/tracker';

// "2013-09-08" → "08/09/2013".
export function formatLocalDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

export function coverageLine(coverage: Coverage): string {
  const head = `Tổng hợp ${coverage.included.length}/${coverage.expected} đơn vị`;
  return coverage.missing.length === 0
    ? head
    : `${head} — thiếu: ${coverage.missing.map((u) => u.name).join(', ')}`;
}

export function figure(value: number, unit: 'count' | 'percent'): string {
  return formatVietnameseNumber(value, unit);
}

const kinds: Record<ReceiptKind, string> = {
  pdf: 'PDF qua email',
  json: 'Tệp báo cáo',
  backup: 'Tệp sao lưu',
  server: 'Máy chủ',
};

export function statusText(row: TrackerRow): string {
  switch (row.status) {
    case 'notReceived':
      return 'Chưa nộp';
    case 'onTime':
      return 'Đúng hạn';
    case 'late':
      return `Nộp muộn ${row.daysLate} ngày`;
    case 'corrected':
      return row.daysLate > 0
        ? `Đã nộp bản sửa (bản đầu muộn ${row.daysLate} ngày)`
        : 'Đã nộp bản sửa';
  }
}

export const viProvince = {
  linkFromSettings: 'Dành cho Ban Tổ chức Tỉnh Đoàn: tiếp nhận, theo dõi và tổng hợp báo cáo',
  officeLink: 'Mở trang Tỉnh Đoàn',
  heading: 'Tỉnh Đoàn — tiếp nhận và tổng hợp',
  nav: {
    label: 'Các mục của trang Tỉnh Đoàn',
    tracker: 'Theo dõi',
    office: 'Tỉnh Đoàn',
    intake: 'Tiếp nhận',
    rollup: 'Tổng hợp',
    back: '← Về danh sách báo cáo',
  },
  kinds,
  loading: 'Đang tải…',
  damaged: (count: number) =>
    `${count} bản đã nhận bị hỏng trong bộ nhớ của trình duyệt và không được hiển thị.`,
  // Cài đặt: the endpoint's admin code, which Tiếp nhận's Tải từ máy chủ uses.
  adminCode: {
    label: 'Mã quản trị máy chủ',
    help: 'Chỉ dành cho Ban Tổ chức Tỉnh Đoàn: mã này đọc được báo cáo mọi đơn vị đã nộp (Tiếp nhận → Tải từ máy chủ). Để trống rồi bấm Lưu để xoá mã.',
    save: 'Lưu mã quản trị',
    checking: 'Đang kiểm tra mã với máy chủ…',
    ok: 'Mã quản trị đúng: dùng được để tải từ máy chủ.',
    saved: 'Đã lưu mã quản trị. Mã đúng: dùng được để tải từ máy chủ.',
    savedUnchecked:
      'Đã lưu mã quản trị, nhưng chưa kiểm tra được với máy chủ (có thể đang ngoại tuyến).',
    unchecked: 'Chưa kiểm tra được mã quản trị (có thể đang ngoại tuyến).',
    wrong: 'Máy chủ không nhận mã này: mã sai. Mã chưa được lưu.',
    unitCode: 'Đây là mã của một đơn vị, không phải mã quản trị. Mã chưa được lưu.',
    storedWrong: 'Máy chủ không còn nhận mã quản trị đã lưu: hãy nhập lại mã.',
    cleared: 'Đã xoá mã quản trị.',
    saveFailed: 'Không lưu được mã. Không có gì thay đổi.',
  },
  intake: {
    heading: 'Tiếp nhận báo cáo',
    note: 'Kéo thả hoặc chọn nhiều tệp cùng lúc: PDF đính kèm email, tệp báo cáo (.json), tệp sao lưu. Mỗi tệp được kiểm tra như khi khôi phục; tệp lỗi được liệt kê và không làm thay đổi gì.',
    receivedOn: 'Ngày nhận email (cho tệp nhận qua email)',
    receivedOnHelp: 'Ngày nhận tính theo ngày email đến, không theo đồng hồ máy người gửi.',
    pick: 'Chọn tệp',
    pickButton: 'Chọn các tệp…',
    drop: 'Thả tệp vào đây',
    reading: (done: number, total: number) => `Đang đọc tệp ${done}/${total}…`,
    summary: (added: number, duplicates: number, refused: number) =>
      `Đã nhận ${added} bản mới, ${duplicates} bản trùng, ${refused} tệp không nhận.`,
    resultsHeading: 'Kết quả lần tiếp nhận gần nhất',
    newVersion: (unit: string, fingerprint: string) => `Bản mới của ${unit} (mã ${fingerprint}).`,
    correction: (unit: string, fingerprint: string) =>
      `Bản sửa của ${unit} (mã ${fingerprint}): chờ xem và tiếp nhận.`,
    duplicate: (unit: string) => `Trùng với bản đã nhận của ${unit}: không thêm lần nữa.`,
    conflict: (unit: string, revision: number) =>
      `Tệp của ${unit} mang cùng lần sửa ${revision} với bản đã nhận nhưng nội dung khác: không nhận. Hãy hỏi lại đơn vị bản nào đúng.`,
    pdfNoData:
      'Tệp PDF này không còn dữ liệu máy đọc được (có thể đã được lưu lại hoặc in ra PDF bằng chương trình khác). Hãy dùng tệp báo cáo (.json) đơn vị gửi kèm, tải từ máy chủ, hoặc đề nghị đơn vị gửi lại tệp PDF xuất từ ứng dụng.',
    pdfReaderMissing:
      'Chưa tải được phần đọc tệp PDF (máy đang ngoại tuyến và ứng dụng chưa lưu phần này). Hãy mở ứng dụng khi có mạng một lần rồi thử lại. Không có gì thay đổi.',
    notPdf: 'Tệp có đuôi .pdf nhưng không phải PDF. Không có gì thay đổi.',
    unknownKind: 'Không nhận loại tệp này: chỉ nhận .pdf và .json.',
    readFailed: 'Không đọc được tệp. Không có gì thay đổi.',
    tooMany: (max: number) =>
      `Mỗi lần chỉ nhận tối đa ${formatVietnameseNumber(max, 'count')} tệp. Hãy chia nhỏ rồi thả lại. Không có gì thay đổi.`,
    saveFailed: 'Không lưu được các bản đã đọc. Không có gì thay đổi.',
    fromServer: 'Tải từ máy chủ',
    fromServerNote: 'Đọc mọi bản đơn vị đã nộp lên máy chủ, bằng mã quản trị lưu trong Cài đặt.',
    noAdminCode: 'Chưa có mã quản trị máy chủ: hãy nhập mã trong Cài đặt để tải từ máy chủ.',
    toSettings: 'Nhập mã quản trị trong Cài đặt',
    serverFailed:
      'Không tải được từ máy chủ (mất mạng hoặc máy chủ không trả lời). Không có gì thay đổi; hãy thử lại khi có mạng.',
    serverDenied:
      'Máy chủ không nhận mã quản trị đã lưu (mã sai, hoặc là mã của một đơn vị). Không có gì thay đổi; hãy sửa mã trong Cài đặt.',
    serverListing: 'Đang hỏi máy chủ danh sách các bản đã nộp…',
    serverReading: (done: number, total: number) => `Đang tải bản ${done}/${total} từ máy chủ…`,
    serverLabel: (revision: number) => `Máy chủ, lần nộp ${revision}`,
  },
  tracker: {
    heading: 'Theo dõi nộp báo cáo',
    deadline: 'Hạn đơn vị nộp',
    provinceDeadline: 'Hạn Tỉnh Đoàn báo cáo Trung ương',
    daysLeft: (days: number) =>
      days > 0 ? `còn ${days} ngày` : days === 0 ? 'hạn là hôm nay' : `đã quá hạn ${-days} ngày`,
    received: (n: number, total: number) => `Đã nhận ${n}/${total} đơn vị`,
    columns: {
      unit: 'Đơn vị',
      status: 'Tình trạng',
      when: 'Nhận ngày, cách nhận',
      required: 'Mục bắt buộc',
      appendix: 'Phụ lục',
      accepted: 'Bản được tiếp nhận',
    },
    required: (done: number, total: number) => `${done}/${total}`,
    appendix: (errors: number, warnings: number) => `${errors} lỗi, ${warnings} cảnh báo`,
    none: '—',
    acceptedFingerprint: (fingerprint: string) => `mã ${fingerprint}`,
    newer: 'có bản mới hơn',
    open: (unit: string) => `Xem các bản của ${unit}`,
    addUnit: 'Thêm đơn vị',
    addUnitLabel: 'Tên đơn vị trực thuộc',
    unitAdded: (name: string) => `Đã thêm “${name}” vào danh sách.`,
    outside: 'Bản nhận được của đơn vị ngoài danh sách',
    addToList: (name: string) => `Thêm ${name} vào danh sách`,
    saveDeadlines: 'Lưu hạn',
    deadlinesSaved: 'Đã lưu hạn.',
  },
  unit: {
    back: '← Về bảng theo dõi',
    heading: (unit: string) => `Các bản của ${unit}`,
    none: 'Chưa nhận bản nào.',
    version: (fingerprint: string, revision: number) =>
      `Bản mã ${fingerprint} (lần sửa ${revision})`,
    receivedBy: (date: string, how: string) => `nhận ngày ${date}, ${how}`,
    accepted: 'Đang được tiếp nhận',
    accept: 'Tiếp nhận bản này',
    acceptedNow: 'Đã tiếp nhận. Số liệu tổng hợp dùng bản này.',
    view: 'Xem báo cáo',
    diffHeading: 'Khác với bản đang được tiếp nhận',
    noDiff: 'Nội dung giống bản đang được tiếp nhận.',
    removed: 'Cũ',
    added: 'Mới',
    cellsHeading: 'Số liệu thay đổi',
    cell: (indicator: string, year: string | null) =>
      `${indicator}, ${year === null ? 'chỉ tiêu' : `năm ${year}`}`,
    blank: '(trống)',
    others: (labels: string) => `Các mục khác thay đổi: ${labels}.`,
  },
  view: {
    back: '← Về các bản của đơn vị',
    notFound: 'Không tìm thấy bản này.',
    unknownTemplate: 'Ứng dụng không có mẫu báo cáo của bản này.',
  },
  rollup: {
    heading: 'Tổng hợp phụ lục số liệu',
    noneAccepted: 'Chưa tiếp nhận bản nào: số liệu tổng hợp chỉ dùng các bản đã tiếp nhận.',
    indicator: 'Chỉ tiêu',
    years: 'Năm',
    period: (label: string) => `Cả giai đoạn ${label}`,
    target: 'Chỉ tiêu NQ',
    incomplete: 'chưa đủ',
    missingUnits: (names: string) => `Thiếu số liệu: ${names}`,
    range: (min: string, max: string) => `${min} – ${max}`,
    perUnit: 'theo từng đơn vị',
    distribution: (year: string, sum: string, whole: string) =>
      `Năm ${year}: tổng các loại là ${sum}, khác tổng số được xếp loại ${whole}.`,
    custom: 'Chỉ tiêu khác (theo từng đơn vị)',
    mapping: {
      hint: 'Đơn vị tự thêm chỉ tiêu và đặt tên khác nhau. Chọn các hàng cùng một chỉ tiêu rồi gộp thành một hàng: hàng gộp được cộng cho toàn tỉnh. Hàng chưa gộp vẫn liệt kê theo từng đơn vị. Hàng tỷ lệ (%) không cộng được nên không gộp.',
      pick: (label: string, unit: string) => `Chọn hàng “${label}” của ${unit}`,
      notMappable: 'tỷ lệ, không gộp',
      into: 'Gộp vào',
      newRow: 'Hàng gộp mới',
      name: 'Tên hàng gộp (dùng cho toàn tỉnh)',
      map: 'Gộp các hàng đã chọn',
      mapped: (label: string, count: number) =>
        `Đã gộp ${count} hàng vào “${label}”. Hàng này được cộng trong bảng tổng hợp.`,
      mappedHeading: 'Hàng đã gộp',
      member: (unit: string, label: string) => `${unit}: “${label}”`,
      unmap: (label: string) => `Bỏ gộp “${label}”`,
      unmapped: (label: string) => `Đã bỏ gộp “${label}”: các hàng lại được liệt kê theo đơn vị.`,
      rowNote: (count: number) => `gộp chỉ tiêu khác của ${count} đơn vị`,
      noRows: 'Hãy chọn ít nhất một hàng để gộp. Không có gì thay đổi.',
      noLabel: 'Hãy đặt tên cho hàng gộp. Không có gì thay đổi.',
      labelTooLong: 'Tên hàng gộp dài quá 200 ký tự. Không có gì thay đổi.',
      twoRowsOfOneUnit:
        'Mỗi đơn vị chỉ có một hàng trong một hàng gộp: đã chọn hai hàng của cùng một đơn vị. Không có gì thay đổi.',
      tooMany: 'Đã có quá nhiều hàng gộp. Hãy bỏ bớt rồi thử lại. Không có gì thay đổi.',
      saveFailed: 'Không lưu được việc gộp. Không có gì thay đổi.',
      sheetMember: (label: string, own: string) => `${label} (đơn vị ghi: ${own})`,
    },
    traceHeading: (indicator: string, column: string) => `${indicator} — ${column}`,
    close: 'Đóng',
    blank: 'trống',
    compare: 'So sánh theo đơn vị',
    compareLabel: 'Chỉ tiêu để so sánh',
    province: 'Toàn tỉnh',
    chart: (indicator: string) => `Biểu đồ ${indicator} của toàn tỉnh qua các năm`,
    exportXlsx: 'Xuất Excel',
    exporting: 'Đang tạo tệp Excel…',
    exported: (name: string) => `Đã tải ${name}.`,
    exportFailed: 'Không tạo được tệp Excel.',
  },
  sheets: {
    rollup: 'Tổng hợp',
    byUnit: 'Theo đơn vị',
    intake: 'Tiếp nhận',
    title: 'TỔNG HỢP PHỤ LỤC SỐ LIỆU SƠ KẾT 5 NĂM NGHỊ QUYẾT 01-NQ/ĐTN',
    unit: 'Đơn vị',
    table: 'Phụ lục',
    year: 'Năm',
    value: 'Giá trị',
    fingerprint: 'Mã bản',
    fileName: 'tong-hop-so-ket-nq01.xlsx',
  },
} as const;
