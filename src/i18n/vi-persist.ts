// What the browser answered to "Yêu cầu lưu trữ lâu dài" (issue 13).
export const viPersist = {
  granted:
    'Trình duyệt đã đồng ý lưu trữ lâu dài: dữ liệu trên máy này không bị tự xóa khi thiếu dung lượng.',
  denied:
    'Trình duyệt chưa đồng ý lưu trữ lâu dài. Trình duyệt thường chỉ đồng ý khi ứng dụng đã được thêm vào màn hình chính hoặc được dùng thường xuyên; trong lúc chờ, hãy sao lưu thường xuyên.',
  unavailable: 'Trình duyệt này không cho phép yêu cầu lưu trữ lâu dài; hãy sao lưu thường xuyên.',
} as const;

export type PersistAnswer = keyof typeof viPersist;
