// Strings of the keystroke journal, the submission checks and the phone screens.
export const viSafety = {
  saveTrouble: (name: string) =>
    `Chưa lưu được thay đổi của báo cáo “${name}” vào máy. Nội dung vẫn được giữ; mở báo cáo để thử lại hoặc xuất tệp báo cáo.`,
  openReport: 'Mở báo cáo',
};

export const viSubmitCheck = {
  blocked: (errors: number) =>
    `Chưa nộp được: báo cáo còn ${errors} lỗi số liệu cần sửa trước khi nộp.`,
  showErrors: 'Xem các lỗi',
  askIncomplete: (missing: number) =>
    `Báo cáo còn thiếu ${missing} mục bắt buộc. Vẫn nộp bản chưa đầy đủ?`,
  submitAnyway: 'Vẫn nộp',
  notNow: 'Để bổ sung',
  unchanged: (revision: number) => `Nội dung không đổi so với lần nộp ${revision}.`,
  incompleteMark: 'Bản chưa đầy đủ',
  noAccessCode: 'Chưa có mã truy cập của đơn vị: báo cáo nằm trong hàng chờ, chưa gửi được.',
  toSettings: 'Nhập mã trong Cài đặt',
  codeOf: (unit: string) => `Mã của ${unit}`,
  codeWrong: 'Mã không đúng',
  codeUnchecked: 'Chưa kiểm tra được mã (có thể đang ngoại tuyến).',
};
