// What a backup keeps of the province's own report beside the report itself: the appendix
// snapshot its appendix was made from and the office's picks of units' models, per report.
// A snapshot must belong to the report it is filed under. Pure.
import { z } from 'zod';
import { MODEL_PICKS_MAX, modelPickSchema } from './province-models';
import { appendixSnapshotSchema } from './province-report';

export const PROVINCE_REPORTS_MAX = 100;

export const provinceReportStateSchema = z
  .object({
    reportId: z.string().min(1).max(100),
    snapshot: appendixSnapshotSchema.nullable(),
    modelPicks: z.array(modelPickSchema).max(MODEL_PICKS_MAX).default([]),
  })
  .refine((state) => state.snapshot === null || state.snapshot.reportId === state.reportId, {
    path: ['snapshot', 'reportId'],
  });
export type ProvinceReportState = z.infer<typeof provinceReportStateSchema>;
