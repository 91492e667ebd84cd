import type { Page } from '@playwright/test';

// page.goto() resolves a path against baseURL, which a browser connected over CDP lacks:
// resolve it against the page's own origin when there is one.
export function appUrl(page: Page, path: string): string {
  const current = page.url();
  return /^https?:/.test(current) ? new URL(path, current).href : path;
}
