// The states of a submission and what the report list says of them: plain data and
// functions without zod, so the first screen can show them before any schema loads.
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
  entries: readonly { state: OutboxState; revision: number }[],
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
