// Strings of the keystroke journal, the submission checks and the phone screens.
export const viSafety = {
  saveTrouble: (name: string) =>
    `Chưa lưu được thay đổi của báo cáo “${name}” vào máy. Nội dung vẫn được giữ; mở báo cáo để thử lại hoặc xuất tệp báo cáo.`,
  openReport: 'Mở báo cáo',
};
