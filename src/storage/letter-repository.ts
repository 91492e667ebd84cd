// The office's register of letters (domain/letters/letter-log.ts), one record of the
// office's key-value table: read through its schema (a damaged entry is left out), and
// written in one transaction with the check that its number is free, so two tabs
// exporting at once never give one number twice.
import {
  issueLetter,
  letterRecordSchema,
  mergeLetterLogs,
  type IssueOutcome,
  type LetterChannel,
  type LetterRecord,
} from '@/domain/letters/letter-log';
import type { Letter } from '@/domain/letters/letter';
import { hasTable, type SoKetDatabase } from './db';

const LETTERS_KEY = 'letters';

function readLog(value: unknown): LetterRecord[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    const parsed = letterRecordSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

export async function listLetters(db: SoKetDatabase): Promise<LetterRecord[]> {
  if (!hasTable(db, 'provinceSettings')) return [];
  return readLog((await db.provinceSettings.get(LETTERS_KEY))?.value);
}

export async function saveIssuedLetter(
  db: SoKetDatabase,
  issue: { id: string; letter: Letter; replyBy: string; channel: LetterChannel; now: Date },
): Promise<IssueOutcome> {
  return db.transaction('rw', db.provinceSettings, async () => {
    const outcome = issueLetter(await listLetters(db), {
      ...issue,
      now: issue.now.toISOString(),
    });
    if (outcome.ok) await db.provinceSettings.put({ key: LETTERS_KEY, value: outcome.records });
    return outcome;
  });
}

// A backup's letters joined to the device's (inside the caller's transaction).
export async function restoreLetters(
  db: SoKetDatabase,
  incoming: readonly LetterRecord[],
): Promise<void> {
  if (incoming.length === 0) return;
  const merged = mergeLetterLogs(await listLetters(db), incoming);
  await db.provinceSettings.put({ key: LETTERS_KEY, value: merged });
}
