// The line printed on the last page of every exported PDF: the fingerprint of the report
// data the PDF carries inside it (the office matches a paper copy with its data by it).
export const documentDataWords = {
  fingerprint: (code: string) => `Mã dữ liệu: ${code}`,
} as const;
