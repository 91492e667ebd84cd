// "Yêu cầu lưu trữ lâu dài" says what the browser answered (issue 13). The browser's
// answers are scripted: a headless Chromium decides by its own rules (engagement,
// installation) and cannot be made to refuse, then grant, on demand.
import { expectAxeClean } from './support/axe';
import { expect, test } from './support/fixtures';

test.use({ viewport: { width: 360, height: 740 } });

test('says whether the browser granted persistent storage, in Vietnamese', async ({ page }) => {
  await page.addInitScript(() => {
    // Refused first, granted the second time; persisted() follows.
    const answers = [false, true];
    let isPersisted = false;
    Object.defineProperty(navigator.storage, 'persisted', { value: async () => isPersisted });
    Object.defineProperty(navigator.storage, 'persist', {
      value: async () => {
        isPersisted = answers.shift() ?? isPersisted;
        return isPersisted;
      },
    });
  });
  await page.goto('/#/cai-dat');
  const ask = page.getByRole('button', { name: 'Yêu cầu lưu trữ lâu dài', exact: true });
  const answer = page.getByRole('status').filter({ hasText: /lưu trữ lâu dài/ });

  await ask.click();
  await expect(answer).toHaveText(/^Trình duyệt chưa đồng ý lưu trữ lâu dài\./);
  // Still asked for: the button stays.
  await expect(ask).toBeVisible();
  await expectAxeClean(page, 'Cài đặt, storage asked for');

  await ask.click();
  await expect(answer).toHaveText(/^Trình duyệt đã đồng ý lưu trữ lâu dài:/);
  await expect(ask).toHaveCount(0);
});
