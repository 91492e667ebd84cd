// A browser whose storage is really full: Chromium's own quota for the app's origin is
// set small over CDP (Storage.overrideQuotaForOrigin) and then filled by a second
// database of random bytes until IndexedDB itself refuses a write of 256 bytes. What the
// app then meets is Chromium's QuotaExceededError, not a patched prototype.
// (Measured: quotaSize 1 does not make writes fail; a quota of a few hundred KB does.)
import type { Page } from '@playwright/test';
import { DB_NAME } from './idb';

const FILLER = 'full-storage-filler';

// Call before the app's first page load; the app, its precache and its database fit in
// `bytes`. The override lasts only as long as its CDP session, which stays open.
export async function limitStorage(page: Page, origin: string, bytes = 8_000_000): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: bytes });
}

// Fills what is left of the quota set by limitStorage (or of the disk), down to the last
// 256 bytes.
export async function fillStorage(page: Page): Promise<void> {
  const written = await page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => request.result.createObjectStore('bytes');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const put = (size: number, key: number) =>
      new Promise<boolean>((resolve) => {
        const bytes = new Uint8Array(size);
        for (let at = 0; at < size; at += 65_536) {
          crypto.getRandomValues(bytes.subarray(at, Math.min(size, at + 65_536)));
        }
        const transaction = db.transaction('bytes', 'readwrite');
        transaction.objectStore('bytes').put(bytes, key);
        transaction.oncomplete = () => resolve(true);
        transaction.onabort = () => resolve(false);
      });
    let key = 0;
    for (let size = 64_000; size >= 256; size = Math.floor(size / 4)) {
      while (key < 2_000 && (await put(size, key))) key += 1;
    }
    db.close();
    return key;
  }, FILLER);
  if (written >= 2_000) throw new Error('The storage quota was not applied');
}

// Frees the room again (the person deleted photos elsewhere).
export async function freeStorage(page: Page): Promise<void> {
  await page.evaluate(
    (name) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase(name);
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
      }),
    FILLER,
  );
}

// Every row of every store of the app's database, as JSON (Blobs as their size), to
// compare the database before and after something that must change nothing.
export async function databaseDump(page: Page): Promise<string> {
  return page.evaluate(async (dbName) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(dbName);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const stores = [...db.objectStoreNames].sort();
    const transaction = db.transaction(stores, 'readonly');
    const dump: Record<string, unknown[]> = {};
    await Promise.all(
      stores.map(
        (store) =>
          new Promise<void>((resolve, reject) => {
            const request = transaction.objectStore(store).getAll();
            request.onsuccess = () => {
              dump[store] = request.result;
              resolve();
            };
            request.onerror = () => reject(request.error);
          }),
      ),
    );
    db.close();
    return JSON.stringify(dump, (_, value: unknown) =>
      value instanceof Blob ? { blob: value.size, type: value.type } : value,
    );
  }, DB_NAME);
}
