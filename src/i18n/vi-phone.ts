// Words of the phone layout: the folded guidance checklist and installing the app.
export const viPhone = {
  // The folded checklist of a step, beside its writing box.
  checklistSummary: (done: number, total: number) => `Đã đề cập ${done}/${total} nội dung`,
  install: 'Thêm vào màn hình chính',
  // The restore picker's button (the browser's own says "Choose File").
  chooseFile: 'Chọn tệp…',
};
