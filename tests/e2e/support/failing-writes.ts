// A disk that refuses IndexedDB writes on demand: every object-store put throws
// QuotaExceededError while the page's switch is on.
import type { Page } from '@playwright/test';
import { SAVE_RETRY_DELAYS_MS } from '../../../src/storage/autosave-queue';

declare global {
  interface Window {
    __failWrites?: boolean;
  }
}

// The save queue's own retries (after 1, 2, 5 … s) never fire: only "Thử lại ngay" can
// save again, so a test of that button does not race the timer.
export async function holdSaveRetries(page: Page): Promise<void> {
  await page.evaluate((delays: readonly number[]) => {
    const realSetTimeout = window.setTimeout;
    window.setTimeout = ((handler: TimerHandler, timeout?: number, ...rest: unknown[]) =>
      timeout !== undefined && delays.includes(timeout)
        ? 0
        : realSetTimeout(handler, timeout, ...rest)) as typeof window.setTimeout;
  }, SAVE_RETRY_DELAYS_MS);
}

export async function installFailingWrites(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args) {
      if (window.__failWrites) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return put.apply(this, args);
    } as typeof put;
  });
}

export async function setFailingWrites(page: Page, isFailing: boolean): Promise<void> {
  await page.evaluate((value) => {
    window.__failWrites = value;
  }, isFailing);
}
