// Reads and writes the app's IndexedDB ('so-ket') through a raw connection of its own,
// from inside the page: what the tests check is what is on disk, not what React shows.
import type { Page } from '@playwright/test';

export const DB_NAME = 'so-ket';

// Runs in the page. Opens the existing database without asking for a version.
async function withStore<T>(
  page: Page,
  args: {
    store: string;
    mode: IDBTransactionMode;
    op: 'get' | 'put' | 'delete';
    key?: unknown;
    value?: unknown;
  },
): Promise<T> {
  return page.evaluate(
    async ({ dbName, store, mode, op, key, value }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(dbName);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      try {
        return await new Promise<unknown>((resolve, reject) => {
          const transaction = db.transaction(store, mode);
          const objectStore = transaction.objectStore(store);
          const request =
            op === 'get'
              ? objectStore.get(key as IDBValidKey)
              : op === 'delete'
                ? objectStore.delete(key as IDBValidKey)
                : objectStore.put(value);
          let result: unknown;
          request.onsuccess = () => {
            result = request.result;
          };
          transaction.oncomplete = () => resolve(result);
          transaction.onerror = () => reject(transaction.error);
          transaction.onabort = () => reject(transaction.error);
        });
      } finally {
        db.close();
      }
    },
    { dbName: DB_NAME, ...args },
  ) as Promise<T>;
}

// The stored value of one answer, or undefined when there is no row.
export async function storedAnswer(
  page: Page,
  reportId: string,
  fieldId: string,
): Promise<unknown> {
  const row = await withStore<{ value: unknown } | undefined>(page, {
    store: 'answers',
    mode: 'readonly',
    op: 'get',
    key: [reportId, fieldId],
  });
  return row?.value;
}

// Puts one answer row as is, bypassing every check of the app (an older version's data).
export async function putRawAnswer(
  page: Page,
  reportId: string,
  fieldId: string,
  value: unknown,
): Promise<void> {
  await withStore(page, {
    store: 'answers',
    mode: 'readwrite',
    op: 'put',
    value: { reportId, fieldId, value, updatedAt: new Date(0).toISOString() },
  });
}

// Puts a record into the reports store as is, bypassing every check of the app.
export async function putRawReport(page: Page, record: Record<string, unknown>): Promise<void> {
  await withStore(page, { store: 'reports', mode: 'readwrite', op: 'put', value: record });
}

// Deletes a record from the reports store, bypassing the app (as another tab might).
export async function deleteRawReport(page: Page, reportId: string): Promise<void> {
  await withStore(page, { store: 'reports', mode: 'readwrite', op: 'delete', key: reportId });
}

// The stored report record as it is on disk, or undefined.
export async function storedReport(
  page: Page,
  reportId: string,
): Promise<Record<string, unknown> | undefined> {
  return withStore(page, { store: 'reports', mode: 'readonly', op: 'get', key: reportId });
}

// The database's IndexedDB version (Dexie's schema version × 10) and its stores.
export async function databaseShape(page: Page): Promise<{ version: number; stores: string[] }> {
  return page.evaluate(
    (dbName) =>
      new Promise<{ version: number; stores: string[] }>((resolve, reject) => {
        const request = indexedDB.open(dbName);
        request.onsuccess = () => {
          const db = request.result;
          resolve({ version: db.version, stores: [...db.objectStoreNames] });
          db.close();
        };
        request.onerror = () => reject(request.error);
      }),
    DB_NAME,
  );
}

// Every outbox entry of a report as it is on disk (deleted first when `remove` is set:
// what a device that lost them, or never had them, holds).
export async function rawOutbox(
  page: Page,
  reportId: string,
  { remove = false }: { remove?: boolean } = {},
): Promise<Record<string, unknown>[]> {
  return page.evaluate(
    async ({ dbName, reportId, remove }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(dbName);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      try {
        return await new Promise<Record<string, unknown>[]>((resolve, reject) => {
          const transaction = db.transaction('outbox', remove ? 'readwrite' : 'readonly');
          const index = transaction.objectStore('outbox').index('reportId');
          const request = index.getAll(reportId);
          if (remove) {
            const keys = index.getAllKeys(reportId);
            keys.onsuccess = () => {
              for (const key of keys.result) transaction.objectStore('outbox').delete(key);
            };
          }
          transaction.oncomplete = () => resolve(request.result as Record<string, unknown>[]);
          transaction.onerror = () => reject(transaction.error);
        });
      } finally {
        db.close();
      }
    },
    { dbName: DB_NAME, reportId, remove },
  );
}

// Puts an outbox entry as is, bypassing the app (what a server's receipt leaves).
export async function putRawOutboxEntry(page: Page, entry: Record<string, unknown>): Promise<void> {
  await withStore(page, { store: 'outbox', mode: 'readwrite', op: 'put', value: entry });
}
