// Strings of issue 14: text limits at input, storage full, export in the background.
import { formatNumber } from './vi';

export const viLimits = {
  // features/wizard: a change that would make a text longer than it may ever be stored.
  refused: (length: number, accepted: number) =>
    `Không nhận: văn bản sẽ dài ${formatNumber(length)} ký tự, mục này nhận tối đa ${formatNumber(accepted)} ký tự. Nội dung trước đó vẫn được giữ nguyên; hãy rút gọn rồi dán lại.`,
};
