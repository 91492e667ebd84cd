// Strings of the good-models report, the materials list and photos (issue 8), merged
// into vi-report.ts. Each top-level key belongs to one part of the app.
export const viModels = {
  // features/wizard: repeatable groups (entries) and image lists.
  // `entry` is how an entry is named inside a sentence, e.g. "mô hình 2 “Nuôi bò”".
  group: {
    entryName: (itemLabel: string, number: number, title: string) =>
      `${lowerFirst(itemLabel)} ${number}${title ? ` “${title}”` : ''}`,
    untitled: (itemLabel: string, number: number) => `${itemLabel} ${number}`,
    moveUp: (entry: string) => `Đưa ${entry} lên`,
    moveDown: (entry: string) => `Đưa ${entry} xuống`,
    remove: 'Xóa',
    removeLabel: (entry: string) => `Xóa ${entry}`,
    removed: (itemLabel: string, title: string, number: number) =>
      title
        ? `Đã xóa ${lowerFirst(itemLabel)} “${title}”.`
        : `Đã xóa ${lowerFirst(itemLabel)} ${number}.`,
    undo: 'Hoàn tác',
    hasErrors: 'Còn lỗi',
    empty: (itemLabel: string) => `Chưa có ${lowerFirst(itemLabel)} nào.`,
    full: (max: number) => `Đã đủ tối đa ${max} mục.`,
  },
  // features/wizard: photo picking, processing, captions, storage.
  photos: {
    camera: 'Chụp ảnh',
    gallery: 'Chọn ảnh',
    count: (count: number, max: number) => `${count}/${max} ảnh`,
    processing: (index: number, total: number) => `Đang xử lý ảnh ${index}/${total}…`,
    photoAlt: (number: number, caption: string) => caption || `Ảnh ${number}`,
    caption: (number: number) => `Chú thích ảnh ${number}`,
    moveLeft: (number: number) => `Đưa ảnh ${number} sang trái`,
    moveRight: (number: number) => `Đưa ảnh ${number} sang phải`,
    remove: (number: number) => `Xóa ảnh ${number}`,
    removed: (number: number) => `Đã xóa ảnh ${number}.`,
    missing: 'Ảnh không còn trên máy',
    loading: 'Đang tải ảnh…',
    undecodable: (name: string) =>
      `Không đọc được tệp “${name}”: trình duyệt không mở được định dạng ảnh này. Hãy chọn ảnh JPEG hoặc PNG.`,
    tooLarge: (name: string, megabytes: number, megapixels: number) =>
      `Ảnh “${name}” quá lớn (trên ${megabytes} MB hoặc ${megapixels} triệu điểm ảnh), máy không xử lý được. Hãy chọn ảnh nhỏ hơn.`,
    encodeFailed: (name: string) =>
      `Không nén được ảnh “${name}” (máy có thể đang thiếu bộ nhớ). Hãy đóng bớt ứng dụng khác rồi thử lại, hoặc chọn ảnh khác.`,
    failed: (name: string) => `Không xử lý được ảnh “${name}”. Hãy thử lại hoặc chọn ảnh khác.`,
    pipelineFailed:
      'Chưa tải được phần xử lý ảnh của ứng dụng (có thể do mất mạng). Hãy kiểm tra kết nối rồi thử lại.',
    storageFull: (name: string) =>
      `Bộ nhớ của máy đã đầy: chưa lưu được ảnh “${name}” và các ảnh sau nó. Những gì đã lưu không bị mất; hãy giải phóng dung lượng rồi thử lại.`,
    storageFailed: (name: string) =>
      `Không lưu được ảnh “${name}” vào máy. Những gì đã lưu không bị mất; hãy thử lại.`,
    lowSpace: (megabytes: number) =>
      `Bộ nhớ của máy chỉ còn dưới ${megabytes} MB nên chưa thêm ảnh. Những gì đã lưu không bị mất; hãy giải phóng dung lượng (hoặc xóa bớt ảnh) rồi thử lại.`,
    tooMany: (max: number, skipped: number) =>
      `Mục này có tối đa ${max} ảnh: đã bỏ qua ${skipped} ảnh.`,
    added: (count: number) => `Đã thêm ${count} ảnh.`,
  },
  // The models document: review page, exports, email.
  modelsDocument: {
    // features/review: the review page of a further document and the links to it.
    review: {
      heading: (name: string) => `Xem lại ${lowerFirst(name)}`,
      open: (name: string) => `Xem ${lowerFirst(name)}`,
      openWithIssues: (count: number) => `(còn ${count} mục thiếu hoặc có lỗi)`,
      backToMain: 'Về báo cáo sơ kết',
      otherDocuments: 'Văn bản gửi kèm',
      noIssues: 'Văn bản đã đủ các mục bắt buộc và không có lỗi.',
      photos: 'Hình ảnh',
      photoMissing: 'Ảnh không còn trên máy',
    },
    export: {
      heading: 'Xuất báo cáo mô hình hay, cách làm hiệu quả',
      pdf: 'Xuất PDF báo cáo mô hình',
      docx: 'Xuất Word báo cáo mô hình',
      exporting: 'Đang tạo báo cáo mô hình…',
      exported: (name: string) => `Đã tải về ${name}.`,
      draftNote: 'Báo cáo mô hình còn thiếu hoặc có lỗi nên được xuất dưới dạng DỰ THẢO.',
      missingPhotos: (count: number) =>
        `${count} ảnh không còn trên máy, được in thành khung “[Không có ảnh]”.`,
      failed: 'Không tạo được báo cáo mô hình. Vui lòng thử lại.',
    },
    email: {
      // A file of the models report in the e-mail body's list of attachments.
      file: (name: string) =>
        `${name} (Báo cáo tổng hợp các mô hình hay, cách làm hiệu quả, kèm danh mục ấn phẩm, tài liệu tuyên truyền)`,
    },
    cli: {
      usage:
        'Cách dùng: npm run pdf -- <tệp-báo-cáo.json> <tệp-ra.pdf> [--document <mã-văn-bản>] (ví dụ --document models: báo cáo mô hình hay, cách làm hiệu quả)',
      unknownDocument: (id: string, known: string[]) =>
        `Mẫu báo cáo không có văn bản “${id}”. Có: ${known.join(', ')}.`,
    },
  },
  // Sync of photos and backups carrying photos.
  photoSync: {
    // Khôi phục: a file whose photos are not all there or not intact.
    missingPhoto: (name: string) =>
      `Báo cáo “${name}” thiếu ảnh: câu trả lời có ảnh nhưng tệp không chứa ảnh đó (tệp có thể đã bị sửa hoặc bị cắt). Không có gì thay đổi.`,
    damagedPhoto: (name: string) =>
      `Ảnh của báo cáo “${name}” bị hỏng: dữ liệu ảnh trong tệp không đọc được hoặc không khớp mã kiểm tra. Không có gì thay đổi.`,
    checkingPhotos: 'Đang kiểm tra ảnh trong tệp…',
    // A submission whose photo was lost on the device before it was uploaded.
    photoGone:
      'Một ảnh của lần nộp này không còn trên máy nên không gửi được. Hãy mở báo cáo, kiểm tra phần ảnh rồi nộp lại.',
  },
} as const;

// "Mô hình" inside a sentence: "mô hình".
function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
}
