// The office's register of letters (sổ công văn đi): every letter it exported or mailed,
// with its number, so a number is never given twice in a year and each unit's page lists
// what was sent when. A letter keeps its record (and its number) however often it is
// exported again; a number typed by hand that another letter of the year already has is
// refused. A blank number (left for hand-filling) is allowed and never collides.
import { z } from 'zod';
import { isoTimeSchema } from '@/domain/report/report-schema';
import { letterDateSchema, letterSchema, type Letter } from './letter';

export const LETTER_CHANNELS = ['pdf', 'docx', 'email'] as const;
export type LetterChannel = (typeof LETTER_CHANNELS)[number];

export const LETTER_LOG_MAX = 5_000;

export const letterRecordSchema = z.object({
  id: z.string().min(1).max(64),
  letter: letterSchema,
  replyBy: letterDateSchema,
  // The first export or email, and the last.
  issuedAt: isoTimeSchema,
  updatedAt: isoTimeSchema,
  channels: z.array(z.enum(LETTER_CHANNELS)).max(LETTER_CHANNELS.length),
});
export type LetterRecord = z.infer<typeof letterRecordSchema>;

const yearOf = (letter: Letter) => letter.date.slice(0, 4);
const numberOf = (letter: Letter) => letter.number.trim();

// The next free number of the letter's year: one more than the highest number given.
export function nextLetterNumber(records: readonly LetterRecord[], date: string): string {
  const year = date.slice(0, 4);
  let highest = 0;
  for (const record of records) {
    if (yearOf(record.letter) !== year) continue;
    const n = Number(numberOf(record.letter));
    if (/^\d+$/.test(numberOf(record.letter)) && n > highest) highest = n;
  }
  return String(highest + 1);
}

export type IssueOutcome =
  | { ok: true; records: LetterRecord[]; record: LetterRecord }
  // Another letter of the same year already has this number.
  | { ok: false; takenBy: LetterRecord; next: string };

// Files a letter as exported (or mailed) through `channel`: a new record, or the same
// letter's record updated (its content as now, the channel added).
export function issueLetter(
  records: readonly LetterRecord[],
  issue: { id: string; letter: Letter; replyBy: string; channel: LetterChannel; now: string },
): IssueOutcome {
  const { id, letter, replyBy, channel, now } = issue;
  const number = numberOf(letter);
  if (number !== '') {
    const takenBy = records.find(
      (record) =>
        record.id !== id &&
        yearOf(record.letter) === yearOf(letter) &&
        numberOf(record.letter).toLowerCase() === number.toLowerCase(),
    );
    if (takenBy) return { ok: false, takenBy, next: nextLetterNumber(records, letter.date) };
  }
  const own = records.find((record) => record.id === id);
  const record: LetterRecord = {
    id,
    letter,
    replyBy,
    issuedAt: own?.issuedAt ?? now,
    updatedAt: now,
    channels: own?.channels.includes(channel) ? own.channels : [...(own?.channels ?? []), channel],
  };
  return {
    ok: true,
    record,
    records: own
      ? records.map((r) => (r.id === id ? record : r))
      : [...records, record].slice(-LETTER_LOG_MAX),
  };
}

// A unit's letters, the latest first.
export function unitLetters(records: readonly LetterRecord[], unitKey: string): LetterRecord[] {
  return records
    .filter((record) => record.letter.unitKey === unitKey)
    .sort((a, b) => b.issuedAt.localeCompare(a.issuedAt));
}

// Records from a backup joined to the device's: by id, the device's own kept.
export function mergeLetterLogs(
  here: readonly LetterRecord[],
  incoming: readonly LetterRecord[],
): LetterRecord[] {
  const ids = new Set(here.map((record) => record.id));
  return [...here, ...incoming.filter((record) => !ids.has(record.id))];
}
