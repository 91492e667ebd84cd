// Strings of the province report's comparison charts (on screen, in the PDF and the Word
// copy) and of choosing them on Báo cáo của Tỉnh.
export const viChart = {
  title: (number: number, label: string, unit: 'count' | 'percent', period: string) =>
    `Biểu đồ ${number}. ${label} (${unit === 'percent' ? '%' : 'số lượng'}) của các đơn vị, ${period}`,
  words: {
    target: 'Chỉ tiêu chung: {value}',
    unitTargets: 'Chỉ tiêu của từng đơn vị',
    blankNote: 'Dấu – ở chân cột: đơn vị chưa có số liệu năm đó (không tính là 0).',
    noData: 'Chưa đơn vị nào có số liệu của chỉ tiêu này',
  },
  heading: 'Biểu đồ so sánh trong báo cáo',
  intro:
    'Chọn các chỉ tiêu vẽ thành biểu đồ so sánh các đơn vị qua các năm. Biểu đồ in ở cuối phụ lục của bản PDF và bản Word, vẽ từ số liệu đã lưu của phụ lục.',
  choiceLabel: (n: number) => `Biểu đồ ${n}`,
  none: '(không vẽ)',
  add: 'Thêm biểu đồ',
  remove: (n: number) => `Bỏ biểu đồ ${n}`,
  saved: 'Đã lưu lựa chọn biểu đồ.',
  saveFailed: 'Không lưu được lựa chọn biểu đồ. Chưa có gì thay đổi; hãy thử lại.',
  noSeries:
    'Số liệu đã lưu của phụ lục chưa có số liệu từng đơn vị để vẽ biểu đồ. Hãy cập nhật số liệu phụ lục.',
  preview: 'Xem trước',
  chartLabel: (title: string) => `${title} (biểu đồ cột)`,
};
