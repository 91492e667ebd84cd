// Names the document's subject line never breaks inside (FORMAT.md, issue 12): a line
// break between "Bạc" and "Liêu" or "Hồ Chí" and "Minh" is what a typesetter sends back.
export const unbreakableNames: readonly string[] = [
  'Ban Chấp hành',
  'Ban Thường vụ',
  'Tỉnh Đoàn',
  'Thành Đoàn',
  'Huyện Đoàn',
  'Trung ương Đoàn',
  'Đoàn TNCS',
  'Bạc Liêu',
  'Hồ Chí Minh',
  'Nghị quyết 01-NQ/ĐTN',
];
