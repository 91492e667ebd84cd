// A submission waiting to be sent, being sent, or done. The body is frozen when the
// user presses "Nộp báo cáo"; later edits make a new revision, never change this one.
import { z } from 'zod';
import { reportFileSchema, sha256Schema } from '@/domain/report/report-schema';

export const OUTBOX_STATES = [
  'queued',
  'sending',
  'retrying',
  'sent',
  'authRequired',
  'conflict',
  'quarantined',
] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

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

export const UNSENT_STATES: ReadonlySet<OutboxState> = new Set([
  'queued',
  'sending',
  'retrying',
  'authRequired',
]);

// An entry that may still go out: waiting, or in conflict (the user can send it as a new
// revision). The photos it lists stay on the device until it is sent.
export const RESENDABLE_STATES: ReadonlySet<OutboxState> = new Set([...UNSENT_STATES, 'conflict']);

// What the report list says of a report, from its submissions.
export type SubmissionStatus = 'draft' | 'waiting' | 'sending' | 'submitted' | 'failed';

export function submissionStatus(
  entries: readonly Pick<OutboxEntry, 'state' | 'revision'>[],
): SubmissionStatus {
  if (entries.length === 0) return 'draft';
  if (
    entries.some(
      (e) => e.state === 'quarantined' || e.state === 'conflict' || e.state === 'authRequired',
    )
  ) {
    return 'failed';
  }
  if (entries.some((e) => e.state === 'sending')) return 'sending';
  if (entries.some((e) => e.state === 'queued' || e.state === 'retrying')) return 'waiting';
  return 'submitted';
}
