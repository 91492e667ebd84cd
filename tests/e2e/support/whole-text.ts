// Text boxes whose text is not all in view (scrolled out sideways or below), by id: a
// one-line box that scrolls hides the end of "Ban Thường vụ Tỉnh Đoàn (b/c)" on a phone.
import type { Locator } from '@playwright/test';

export async function clippedTextBoxes(boxes: Locator): Promise<string[]> {
  return boxes.evaluateAll((elements) =>
    elements
      .filter((box) => box.scrollWidth > box.clientWidth || box.scrollHeight > box.clientHeight + 1)
      .map((box) => `${box.id} (${box.clientWidth} px wide)`),
  );
}
