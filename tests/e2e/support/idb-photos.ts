// The photo rows of a report as they are on disk (the app's IndexedDB 'photos' store,
// read through a raw connection from inside the page).
import type { Page } from '@playwright/test';
import { DB_NAME } from './idb';

// Ids of the photos stored for a report, sorted.
export async function storedPhotoIds(page: Page, reportId: string): Promise<string[]> {
  const ids = await page.evaluate(
    async ({ dbName, reportId }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(dbName);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      try {
        if (!db.objectStoreNames.contains('photos')) return [];
        return await new Promise<string[]>((resolve, reject) => {
          const request = db
            .transaction('photos', 'readonly')
            .objectStore('photos')
            .index('reportId')
            .getAllKeys(reportId);
          request.onsuccess = () => resolve(request.result.map(String));
          request.onerror = () => reject(request.error);
        });
      } finally {
        db.close();
      }
    },
    { dbName: DB_NAME, reportId },
  );
  return ids.sort();
}

// Photo ids an answer refers to (an image list, alone or inside group entries).
export function photoIdsIn(value: unknown): string[] {
  const ids: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (typeof record.photoId === 'string') ids.push(record.photoId);
      else Object.values(record).forEach(walk);
    }
  };
  walk(value);
  return ids.sort();
}
