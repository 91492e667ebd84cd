// Vietnamese messages the server sends in JSON errors, for the app to show as they are.
export const serverMessages = {
  notFound: 'Không tìm thấy địa chỉ này trên máy chủ.',
} as const;
