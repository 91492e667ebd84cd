// Vietnamese messages the server sends in JSON errors, for the app to show as they are.
export const serverMessages = {
  notFound: 'Không tìm thấy địa chỉ này trên máy chủ.',
  unauthorized:
    'Mã truy cập không đúng hoặc chưa nhập. Hãy kiểm tra mã truy cập của đơn vị trong Cài đặt.',
  otherUnit: 'Mã truy cập này thuộc đơn vị khác, không được gửi báo cáo này.',
  adminOnly: 'Chỉ Ban Tổ chức Tỉnh Đoàn xem được danh sách báo cáo.',
  rateLimited: 'Gửi quá nhiều lần trong thời gian ngắn. Ứng dụng sẽ tự gửi lại sau ít phút.',
  tooManyFailures:
    'Nhập sai mã truy cập quá nhiều lần từ máy này. Hãy kiểm tra lại mã truy cập rồi thử lại sau ít phút.',
  tooLarge: 'Dữ liệu gửi lên quá lớn.',
  notJson: 'Dữ liệu gửi lên không phải JSON hợp lệ.',
  badPath: 'Địa chỉ gửi không hợp lệ.',
  invalidReport: 'Tệp báo cáo không đúng định dạng.',
  tooDeep: 'Dữ liệu gửi lên lồng nhau quá sâu, không phải một báo cáo.',
  tooManyKeys: 'Dữ liệu gửi lên có quá nhiều mục, không phải một báo cáo.',
  stringTooLong: 'Dữ liệu gửi lên có một đoạn chữ quá dài, không phải một báo cáo.',
  unknownTemplate: 'Báo cáo dùng một mẫu mà máy chủ không có. Hãy cập nhật ứng dụng.',
  idMismatch: 'Mã báo cáo trong dữ liệu không khớp với địa chỉ gửi.',
  quotaExceeded:
    'Đơn vị đã dùng hết dung lượng lưu ảnh trên máy chủ. Hãy bớt ảnh trong báo cáo hoặc liên hệ Ban Tổ chức Tỉnh Đoàn.',
  pendingQuotaExceeded:
    'Máy chủ đang giữ quá nhiều ảnh của những báo cáo chưa gửi xong (giữ một ngày). Hãy gửi báo cáo sau một ngày, hoặc bớt ảnh trong báo cáo.',
  fileNotExpected:
    'Máy chủ chỉ nhận ảnh của một báo cáo vừa gửi (thiếu ảnh). Ứng dụng sẽ tự gửi lại báo cáo rồi gửi ảnh.',
  hashMismatch: 'Tệp đính kèm bị lỗi khi truyền (mã kiểm tra không khớp).',
  revisionConflict: 'Lần nộp này đã có trên máy chủ với nội dung khác.',
  outOfOrder: 'Số lần nộp không liền sau lần nộp trước trên máy chủ.',
  missingFiles: 'Máy chủ chưa nhận đủ ảnh của báo cáo. Ứng dụng sẽ tự gửi lại ảnh rồi gửi báo cáo.',
  photoNotListed: 'Báo cáo có ảnh không nằm trong danh sách ảnh gửi kèm.',
  internal: 'Máy chủ gặp lỗi. Ứng dụng sẽ tự gửi lại sau.',
} as const;

export type ServerErrorCode = keyof typeof serverMessages;

// The first problem of an invalid report, named by its place in the file.
export const invalidReportAt = (field: string) => `Tệp báo cáo không hợp lệ ở mục ${field}.`;
