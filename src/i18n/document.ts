// The fixed wording of the official document (FORMAT.md). Shared by the review page and
// every export, in the browser and in Node.
export const documentWords = {
  union: 'ĐOÀN TNCS HỒ CHÍ MINH',
  separator: '***',
  numberPrefix: 'Số:',
  day: 'ngày',
  month: 'tháng',
  year: 'năm',
  recipients: 'Nơi nhận:',
  keepLastRecipient: 'Lưu VP',
  missingAnswer: '[Chưa nhập]',
  // Printed in a frame where a photo is missing from the device.
  missingPhoto: '[Không có ảnh]',
  draftMark: 'DỰ THẢO',
  appendixHeading: 'Phụ lục',
  rowNumber: 'STT',
  appendixNote: (numberAndSymbol: string, date: string, unitName: string) =>
    `(Kèm theo Báo cáo số ${numberAndSymbol} ${date} của Ban Thường vụ ${unitName})`,
} as const;
