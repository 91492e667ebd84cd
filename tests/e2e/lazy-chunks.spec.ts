// A lazy chunk (Settings here) that fails to load: tried once more after a pause, so a
// blip costs nothing; when it never loads, the error screen says what happened and offers
// Tải lại, and the list (in the first chunk) keeps working. The service worker is blocked
// so that every chunk request reaches the network, where the test makes it fail.
import { expect, test } from '@playwright/test';
import { vi as viApp } from '@/i18n/vi';
import { vi as viReport } from '@/i18n/vi-report';

test.use({ serviceWorkers: 'block', viewport: { width: 360, height: 740 } });

const SETTINGS_CHUNK = /\/assets\/settings-page-[\w-]+\.js$/;

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('a chunk that fails once loads on the retry', async ({ page }) => {
  let requests = 0;
  await page.route(SETTINGS_CHUNK, (route) =>
    requests++ === 0 ? route.abort('internetdisconnected') : route.fallback(),
  );
  await page.evaluate(() => (window.location.hash = '#/cai-dat'));
  await expect(page.getByRole('heading', { name: viReport.settings.heading })).toBeVisible();
  expect(requests).toBe(2);
  await expect(page.getByText(viApp.pwa.chunkFailed)).toHaveCount(0);
});

test('a chunk that never loads shows the error screen; the list still works', async ({ page }) => {
  let requests = 0;
  await page.route(SETTINGS_CHUNK, (route) => {
    requests++;
    return route.abort('internetdisconnected');
  });
  await page.evaluate(() => (window.location.hash = '#/cai-dat'));
  const alert = page.getByRole('alert').filter({ hasText: viApp.pwa.chunkFailed });
  await expect(alert).toBeVisible();
  await expect(alert.getByRole('button', { name: viApp.errors.reload })).toBeVisible();
  expect(requests).toBe(2); // the first try and one retry, no loop

  // Back to the list: it lives in the first chunk and still opens.
  await page.evaluate(() => (window.location.hash = '#/'));
  await expect(page.getByRole('button', { name: viApp.list.create })).toBeVisible();

  // The network is back: Tải lại loads the screen.
  await page.unroute(SETTINGS_CHUNK);
  await page.evaluate(() => (window.location.hash = '#/cai-dat'));
  await alert.getByRole('button', { name: viApp.errors.reload }).click();
  await expect(page.getByRole('heading', { name: viReport.settings.heading })).toBeVisible();
});
