// The list's store chunk (list-store.ts: Dexie, the database and the stored reports'
// checks), loaded once and shared (cachedImport). Without React, so that the app's start
// can ask for it before React is evaluated (app/start-list-store.ts).
import { cachedImport } from '@/lib/retry-import';
import type * as Store from './list-store';

export type ListStore = typeof Store;

export const loadListStore = cachedImport((): Promise<ListStore> => import('./list-store'));
