// Photos of a report in the app's IndexedDB, written and read from inside the page with
// a raw connection: JPEGs drawn on an OffscreenCanvas (each different), stored as the
// app stores them, and a good model whose answer shows them. What the tests compare is
// what is on disk: every photo's bytes and their SHA-256, recomputed, and the ids of a
// report's photo rows.
import type { Page } from '@playwright/test';
import { DB_NAME } from './idb';

export type StoredPhoto = {
  id: string;
  reportId: string;
  sha256: string;
  // Of the bytes as read back, not as recorded.
  actualSha256: string;
  size: number;
  base64: string;
};

// Adds `count` photos to the report and saves the answer of the good models step that
// shows them (one model). Call it with the report not open in the wizard.
export async function addPhotosToReport(
  page: Page,
  reportId: string,
  count: number,
): Promise<string[]> {
  return page.evaluate(
    async ({ dbName, reportId, count }) => {
      const hex = (buffer: ArrayBuffer) =>
        [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
      const jpeg = async (n: number, width: number, height: number) => {
        const canvas = new OffscreenCanvas(width, height);
        const context = canvas.getContext('2d')!;
        context.fillStyle = `hsl(${(n * 67) % 360} 70% 60%)`;
        context.fillRect(0, 0, width, height);
        let seed = n * 7919;
        const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
        for (let i = 0; i < 40; i += 1) {
          context.fillStyle = `hsl(${Math.floor(next() * 360)} 60% ${Math.floor(next() * 80)}%)`;
          context.fillRect(next() * width, next() * height, next() * width, next() * height);
        }
        context.fillStyle = '#000';
        context.font = `${Math.floor(height / 6)}px sans-serif`;
        context.fillText(`Ảnh ${n}`, width / 10, height / 2);
        return canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 });
      };
      const rows: (Record<string, unknown> & { id: string })[] = [];
      for (let n = 1; n <= count; n += 1) {
        const blob = await jpeg(n, 1200, 900);
        const thumb = await jpeg(n, 320, 240);
        rows.push({
          id: `${reportId.slice(0, 8)}-photo-${n}`,
          reportId,
          blob,
          thumb,
          width: 1200,
          height: 900,
          size: blob.size,
          sha256: hex(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer())),
          createdAt: new Date().toISOString(),
        });
      }
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(dbName);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      try {
        await new Promise<void>((resolve, reject) => {
          const transaction = db.transaction(['photos', 'answers'], 'readwrite');
          for (const row of rows) transaction.objectStore('photos').put(row);
          transaction.objectStore('answers').put({
            reportId,
            fieldId: 'models',
            value: [
              {
                id: 'model-1',
                values: {
                  name: 'Ngày thứ Bảy tình nguyện',
                  photos: rows.map((row, i) => ({ photoId: row.id, caption: `Ảnh ${i + 1}` })),
                },
              },
            ],
            updatedAt: new Date().toISOString(),
          });
          transaction.oncomplete = () => resolve();
          transaction.onerror = () => reject(transaction.error);
          transaction.onabort = () => reject(transaction.error);
        });
      } finally {
        db.close();
      }
      return rows.map((row) => row.id);
    },
    { dbName: DB_NAME, reportId, count },
  );
}

// Every photo in the database, in id order.
export async function storedPhotos(page: Page): Promise<StoredPhoto[]> {
  return page.evaluate(async (dbName) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(dbName);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    let rows: { id: string; reportId: string; sha256: string; size: number; blob: Blob }[];
    try {
      rows = await new Promise((resolve, reject) => {
        const request = db.transaction('photos', 'readonly').objectStore('photos').getAll();
        request.onsuccess = () => resolve(request.result as typeof rows);
        request.onerror = () => reject(request.error);
      });
    } finally {
      db.close();
    }
    const result = [];
    for (const row of rows) {
      const bytes = new Uint8Array(await row.blob.arrayBuffer());
      const digest = await crypto.subtle.digest('SHA-256', bytes);
      let binary = '';
      for (let i = 0; i < bytes.length; i += 8192) {
        binary += String.fromCharCode(...bytes.subarray(i, i + 8192));
      }
      result.push({
        id: row.id,
        reportId: row.reportId,
        sha256: row.sha256,
        actualSha256: [...new Uint8Array(digest)]
          .map((b) => b.toString(16).padStart(2, '0'))
          .join(''),
        size: row.size,
        base64: btoa(binary),
      });
    }
    return result.sort((a, b) => a.id.localeCompare(b.id));
  }, DB_NAME);
}

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
