// The list's store and its actions on demand (see list-store.ts and list-actions.tsx):
// each import is cached, retried once after a failed load, and tried again on the next
// call (cachedImport).
import { lazy } from 'react';
import { cachedImport } from '@/lib/retry-import';
import type * as Progress from '@/domain/report/progress';
import { loadListStore, type ListStore } from './list-store-loader';

export { loadListStore, type ListStore };

// The progress of each report, shown once the templates are there (after the list).
export type ProgressModule = typeof Progress;
export const loadProgress = cachedImport(
  (): Promise<ProgressModule> => import('@/domain/report/progress'),
);

export const loadListActions = cachedImport(() => import('./list-actions'));

export const CreateForm = lazy(() => loadListActions().then((m) => ({ default: m.CreateForm })));
export const RenameForm = lazy(() => loadListActions().then((m) => ({ default: m.RenameForm })));
export const ReportMenuItems = lazy(() =>
  loadListActions().then((m) => ({ default: m.ReportMenuItems })),
);
