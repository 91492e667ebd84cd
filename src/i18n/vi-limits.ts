// Strings of issue 14: text limits at input, storage full, export in the background.
import { formatNumber } from './vi';

// After a write with no cause the browser has closed the database: only a reload opens it.
const freeSpace = (then: string) =>
  `Hãy giải phóng dung lượng (xóa ảnh, video hoặc ứng dụng không dùng đến trên máy, hoặc xóa hẳn báo cáo trong Thùng rác) rồi ${then}. Để giữ an toàn những gì đã có, hãy Sao lưu tất cả (trong Cài đặt) và chép tệp sang máy khác.`;

const NOT_DONE = {
  create: 'chưa tạo được báo cáo; không có gì thay đổi.',
  submit: 'chưa đưa được báo cáo vào hàng chờ gửi; báo cáo vẫn như trước.',
  restore: 'chưa khôi phục được; không có gì thay đổi.',
  action: 'chưa làm được việc này; không có gì thay đổi.',
};

export const viLimits = {
  // features/wizard: a change that would make a text longer than it may ever be stored.
  refused: (length: number, accepted: number) =>
    `Không nhận: văn bản sẽ dài ${formatNumber(length)} ký tự, mục này nhận tối đa ${formatNumber(accepted)} ký tự. Nội dung trước đó vẫn được giữ nguyên; hãy rút gọn rồi dán lại.`,
  // A write refused because the disk (or the browser's share of it) is full: what did not
  // happen, that nothing changed, and what to do; never a bare "thử lại", which cannot
  // work until there is room. 'write': the browser gave no cause (see storageTrouble).
  storage: (trouble: 'full' | 'write', action: keyof typeof NOT_DONE) =>
    trouble === 'full'
      ? `Bộ nhớ của máy đã đầy nên ${NOT_DONE[action]} ${freeSpace('làm lại')}`
      : `Không ghi được vào bộ nhớ của máy (thường là do bộ nhớ đã đầy) nên ${NOT_DONE[action]} ${freeSpace('tải lại trang và làm lại')}`,
  // features/export: an export renders in the background, shows how far it is and can
  // be stopped.
  render: {
    cancel: 'Hủy',
    layout: 'Đang dàn trang…',
    page: (page: number, pages: number) =>
      `Đang vẽ trang ${formatNumber(page)}/${formatNumber(pages)}…`,
    file: 'Đang ghi tệp…',
    cancelled: 'Đã hủy. Không có tệp nào được tạo; báo cáo không thay đổi.',
  },
};
