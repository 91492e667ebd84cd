// Strings of the province's good-models report: picking models from the units' accepted
// models reports into the province's own (features/province/models-pick-panel.tsx).
export const viProvinceModels = {
  heading: 'Chọn mô hình hay của các đơn vị',
  link: 'Chọn mô hình hay của các đơn vị cho báo cáo mô hình',
  back: '← Về Báo cáo của Tỉnh',
  intro:
    'Các mô hình trong bản đã tiếp nhận của từng đơn vị. Mô hình được chọn được chép vào báo cáo mô hình của Tỉnh Đoàn, ghi tên đơn vị ở mục “Đơn vị thực hiện”, kèm ảnh nếu đã nhận ảnh. Sau đó sắp xếp, sửa trong báo cáo; bản mới của đơn vị không ghi đè nội dung Tỉnh đã sửa.',
  noReport: 'Chưa có báo cáo của Tỉnh Đoàn. Hãy tạo báo cáo trước, rồi chọn mô hình.',
  toReport: 'Về Báo cáo của Tỉnh để tạo báo cáo',
  picked: (count: number) =>
    count === 0
      ? 'Báo cáo mô hình của Tỉnh chưa có mô hình nào.'
      : `Báo cáo mô hình của Tỉnh có ${count} mô hình.`,
  edit: 'Sắp xếp, sửa các mô hình',
  review: 'Xem lại và xuất báo cáo mô hình',
  search: 'Tìm mô hình (tên, đơn vị, địa bàn, nội dung)',
  count: (shown: number, total: number) =>
    shown === total ? `${total} mô hình của các đơn vị.` : `Tìm thấy ${shown}/${total} mô hình.`,
  none: 'Các bản đã tiếp nhận chưa có mô hình nào.',
  noneFound: 'Không có mô hình nào khớp với từ tìm.',
  unitHeading: (unitName: string, count: number) => `${unitName} (${count} mô hình)`,
  version: (fingerprint: string) => `Bản mã ${fingerprint}`,
  place: (whereSince: string) => `Địa bàn, thời gian: ${whereSince}`,
  runBy: (runBy: string) => `Đơn vị thực hiện: ${runBy}`,
  photosMissing: (count: number) =>
    `${count} ảnh chưa nhận (bản nhận từ PDF hoặc máy chủ không kèm ảnh; nhận tệp báo cáo .json hoặc tệp sao lưu của đơn vị để có ảnh).`,
  pick: 'Chọn vào báo cáo của Tỉnh',
  // Starts with the button's visible words.
  pickLabel: (name: string, unitName: string) =>
    `Chọn vào báo cáo của Tỉnh: “${name}” của ${unitName}`,
  picking: 'Đang chép…',
  isPicked: (number: number) => `Đã chọn: mô hình ${number} trong báo cáo của Tỉnh.`,
  newerVersion:
    'Đơn vị đã có bản mới hơn bản đã chép; mô hình trong báo cáo của Tỉnh giữ nguyên như đã chép và sửa.',
  added: (name: string, number: number, photosLeft: number) =>
    `Đã chép mô hình “${name}” vào báo cáo của Tỉnh (mô hình ${number}).${
      photosLeft > 0 ? ` ${photosLeft} ảnh chưa nhận nên chưa kèm theo.` : ''
    }`,
  already: (name: string, number: number) =>
    `Mô hình “${name}” đã được chọn (mô hình ${number} trong báo cáo của Tỉnh). Không chép thêm lần nữa.`,
  full: (max: number) =>
    `Báo cáo mô hình của Tỉnh đã đủ tối đa ${max} mô hình. Hãy bỏ bớt mô hình trong báo cáo rồi chọn tiếp.`,
  failed: 'Không chép được mô hình. Báo cáo của Tỉnh chưa thay đổi; hãy thử lại.',
  // Khôi phục: the province report's snapshot or picks in a backup are damaged.
  damagedBackup:
    'Số liệu phụ lục đã lưu (hoặc danh sách mô hình đã chọn) của báo cáo của Tỉnh Đoàn trong tệp sao lưu bị hỏng, nên không khôi phục được. Không có gì thay đổi.',
};
