// The template registry on demand: the templates (their text is the largest part of
// the app's own code) stay out of the first render. The promise is cached; a failed
// load is retried once, and the next call tries again.
import { cachedImport } from '@/lib/retry-import';
import type * as Registry from './template-registry';

export type TemplateRegistry = typeof Registry;
export const loadTemplates = cachedImport(
  (): Promise<TemplateRegistry> => import('./template-registry'),
);
