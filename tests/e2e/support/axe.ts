// axe-core in the page. The app's Content-Security-Policy refuses inline scripts, so
// page.addScriptTag (an inline <script>) is blocked; page.evaluate runs through the
// DevTools protocol, which the policy does not govern.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, type Page } from '@playwright/test';
import type { AxeResults } from 'axe-core';

const require = createRequire(import.meta.url);
let source: string | undefined;

declare global {
  interface Window {
    axe: { run: (context?: unknown, options?: unknown) => Promise<AxeResults> };
  }
}

export async function runAxe(page: Page): Promise<AxeResults> {
  source ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(source);
  return page.evaluate(() => window.axe.run());
}

export type AxeViolation = { id: string; impact: string; help: string; targets: string[] };

// The serious and critical violations of what is on screen.
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  const results = await runAxe(page);
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? '',
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
}

// The screen as it is now: axe-core finds nothing serious (the violations are printed).
export async function expectAxeClean(page: Page, screen: string): Promise<void> {
  const serious = await seriousAxeViolations(page);
  expect(serious, `${screen}: ${JSON.stringify(serious, null, 2)}`).toEqual([]);
}
