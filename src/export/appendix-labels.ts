// The words of the statistics appendix's tables (column headers, units, statuses, no
// data), the same in the PDF and the Word copy.
import { vi } from '@/i18n/vi-report';
import type { AppendixLabels } from './pdf/layout';

export function appendixLabels(): AppendixLabels {
  return {
    indicator: vi.appendix.indicator,
    target: vi.appendix.target,
    status: vi.appendix.status,
    percentUnit: vi.appendix.percentUnit,
    statuses: vi.appendix.statuses,
    noData: vi.appendix.noData,
  };
}
