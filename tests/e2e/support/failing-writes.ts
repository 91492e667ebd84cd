// A disk that refuses IndexedDB writes on demand: every object-store put throws
// QuotaExceededError while the page's switch is on.
import type { Page } from '@playwright/test';

declare global {
  interface Window {
    __failWrites?: boolean;
  }
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
