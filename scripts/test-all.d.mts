// Types of the pure parts of scripts/test-all.mjs, for tests/unit/test-runner.test.ts.
export interface TestCounts {
  passed: number;
  failed: number;
  skipped: number;
}
export function countTests(vitest: unknown, e2e: unknown): TestCounts;
export function closingLine(counts: TestCounts, failedStep?: string): string;
