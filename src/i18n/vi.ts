// Every string the user sees is Vietnamese and lives in src/i18n. This module holds
// what the first screen needs (the shell, the report list, notices); vi-report.ts adds
// the strings of the lazily loaded screens (wizard, review, appendix, settings, CLI)
// and exports the whole set as `vi`. Template data (step titles, prompts, labels)
// lives in the template.

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
    empty: 'Chưa có báo cáo nào.',
    create: 'Tạo báo cáo mới',
    open: 'Mở',
    menu: (name: string) => `Thao tác với báo cáo “${name}”`,
    updated: (when: string) => `Sửa lần cuối lúc ${when}`,
    progress: (done: number, total: number) => `Đã xong ${done}/${total} mục cần hoàn thành`,
    rename: 'Đổi tên',
    duplicate: 'Nhân bản',
    exportJson: 'Xuất tệp dữ liệu báo cáo',
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

  errors: {
    generic: 'Đã có lỗi xảy ra. Nội dung đã nhập vẫn được lưu trên máy.',
    reload: 'Tải lại trang',
    actionFailed: 'Không thực hiện được thao tác. Vui lòng thử lại.',
  },
  dismiss: 'Đóng',
  settingsLink: 'Cài đặt',

  pwa: {
    updateReady: 'Đã có phiên bản mới.',
    update: 'Cập nhật',
    updating: 'Đang lưu và cập nhật…',
    later: 'Để sau',
    offlineReady: 'Sẵn sàng dùng khi không có mạng.',
    online: 'Đang trực tuyến',
    offline: 'Ngoại tuyến – mọi thứ vẫn được lưu trên máy',
    iosTitle: 'Thêm ứng dụng vào màn hình chính của iPhone để giữ dữ liệu an toàn',
    iosSteps: [
      'Bấm nút Chia sẻ ở thanh dưới của Safari.',
      'Chọn “Thêm vào MH chính”.',
      'Bấm “Thêm”.',
    ],
    iosWhy:
      'Nếu chưa thêm vào màn hình chính, Safari có thể xóa dữ liệu của trang sau 7 ngày không mở. Khi đã thêm, bản nháp được giữ trên máy.',
    databaseReplaced:
      'Ứng dụng vừa được cập nhật ở một thẻ khác. Nội dung bạn nhập đã được lưu. Hãy tải lại trang để tiếp tục.',
    chunkFailed:
      'Không tải được một phần của ứng dụng (có thể do mất mạng). Nội dung đã nhập vẫn được giữ trên máy. Hãy kiểm tra kết nối rồi tải lại trang.',
  },

  submit: {
    heading: 'Nộp báo cáo qua mạng',
    submit: 'Nộp báo cáo',
    submitting: 'Đang đóng gói báo cáo…',
    queued: 'Đã đưa báo cáo vào hàng chờ gửi. Ứng dụng sẽ tự gửi khi có mạng.',
    sendNow: 'Gửi ngay',
    notConfigured:
      'Chưa kết nối được máy chủ nhận báo cáo. Báo cáo nộp sẽ nằm trong hàng chờ; vào Cài đặt để nhập địa chỉ nộp báo cáo.',
    noAccessCode:
      'Chưa có mã truy cập của đơn vị. Vào Cài đặt để nhập mã do Ban Tổ chức Tỉnh Đoàn cấp.',
    editAfterSubmit: 'Sửa báo cáo sau khi nộp vẫn được; lần nộp sau sẽ là một lần nộp mới.',
    history: 'Các lần nộp',
    revision: (n: number) => `Lần nộp ${n}`,
    states: {
      queued: 'Chờ gửi',
      sending: 'Đang gửi',
      retrying: 'Chờ gửi lại',
      sent: 'Đã nộp',
      authRequired: 'Cần mã truy cập',
      conflict: 'Xung đột',
      quarantined: 'Lỗi',
    },
    sentAt: (time: string, receipt: string) => `Đã nộp lúc ${time}, mã biên nhận ${receipt}`,
    retryAt: (time: string) => `Sẽ gửi lại lúc ${time}.`,
    conflict: (head: number) =>
      `Máy chủ đã có lần nộp ${head} khác với bản này. Bạn có thể gửi bản này thành một lần nộp mới.`,
    sendAsNew: 'Gửi thành lần nộp mới',
    authHelp: 'Máy chủ không nhận mã truy cập. Hãy kiểm tra mã trong Cài đặt rồi bấm “Gửi ngay”.',
    failed: 'Không đưa được báo cáo vào hàng chờ. Vui lòng thử lại.',
    unsent: (count: number) => `${count} lần nộp chưa gửi được`,
    status: {
      draft: 'Nháp',
      waiting: 'Chờ gửi',
      sending: 'Đang gửi',
      submitted: 'Đã nộp',
      failed: 'Lỗi',
    },
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

  docx: {
    export: 'Xuất Word',
    exporting: 'Đang tạo tệp Word…',
    exported: (name: string) => `Đã tải về ${name}.`,
    draftNote: 'Báo cáo còn thiếu hoặc có lỗi nên được xuất dưới dạng DỰ THẢO.',
    failed: 'Không tạo được tệp Word. Vui lòng thử lại.',
    loadFailed:
      'Không tải được bộ tạo tệp Word (có thể do mất mạng khi ứng dụng vừa cập nhật). Hãy tải lại trang; nội dung đã nhập vẫn được giữ.',
  },
} as const;
