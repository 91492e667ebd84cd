// A submission waiting to be sent, being sent, or done. The body is frozen when the
// user presses "Nộp báo cáo"; later edits make a new revision, never change this one.
import { z } from 'zod';
import { reportFileSchema, sha256Schema } from '@/domain/report/report-schema';
import { OUTBOX_STATES } from './outbox-states';

export {
  OUTBOX_STATES,
  RESENDABLE_STATES,
  submissionStatus,
  UNSENT_STATES,
  type OutboxState,
  type SubmissionStatus,
} from './outbox-states';

export const receiptSchema = z.object({
  reportId: z.string(),
  revision: z.number().int().positive(),
  sha256: z.string(),
  receivedAt: z.string(),
});
export type Receipt = z.infer<typeof receiptSchema>;

export const outboxEntrySchema = z.object({
  id: z.string().min(1),
  reportId: z.string().min(1),
  revision: z.number().int().positive(),
  body: reportFileSchema,
  sha256: sha256Schema,
  state: z.enum(OUTBOX_STATES),
  attempts: z.number().int().nonnegative(),
  nextAttemptAt: z.number(),
  lastError: z.object({ status: z.number().nullable(), message: z.string() }).nullable(),
  // For a 409: the revision the server holds.
  serverHead: z.number().int().nonnegative().nullable(),
  receipt: receiptSchema.nullable(),
  // SHA-256 of the body's photos the server has acknowledged, so a cut connection
  // resumes with the next one. Entries written before photos have none.
  uploadedFiles: z.array(sha256Schema).max(5000).default([]),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;
