// Progress and the review's list of issues (issue 13: progress that tells the truth).
export const viProgress = {
  errorsHeading: (count: number) => `Lỗi (${count})`,
  errorsNote: 'Phải sửa trước khi nộp báo cáo.',
  warningsHeading: (count: number) => `Cảnh báo (${count})`,
  warningsNote: 'Không chặn việc nộp; mục còn thiếu sẽ được hỏi lại khi nộp.',
} as const;
