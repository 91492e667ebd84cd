// A synchronous write-ahead journal of typed answers, in localStorage: one small entry
// per report holding only the fields not yet committed to IndexedDB. It is written in
// the input handler, before the IndexedDB save is queued, so a reload or a closed tab
// right after a keystroke loses nothing; entries leave once IndexedDB has the value.
// When the report opens again, an entry newer than the stored answer is applied
// (replayJournal in report-repository.ts).
import type { AnswerValue } from '@/domain/report/answer-kinds';
import type { SoKetDatabase } from './db';
import { applyJournal } from './report-repository';
import {
  browserJournalStorage,
  journaledReportIds,
  journalKey,
  type JournalStorage,
} from './journal-keys';
import { setSaveTrouble } from './save-health';

export { browserJournalStorage, journaledReportIds, journalKey, type JournalStorage };

// `at`: when the value was typed (ISO). `json`: the value, serialised once.
export type JournalEntry = { at: string; value: AnswerValue };

const FORMAT = 1;

function isEntry(raw: unknown): raw is JournalEntry {
  return (
    typeof raw === 'object' &&
    raw !== null &&
    'at' in raw &&
    typeof raw.at === 'string' &&
    'value' in raw
  );
}

// The journal of one report; an unreadable or foreign entry reads as empty.
export function readJournal(
  storage: JournalStorage | null,
  reportId: string,
): Map<string, JournalEntry> {
  const entries = new Map<string, JournalEntry>();
  let text: string | null = null;
  try {
    text = storage?.getItem(journalKey(reportId)) ?? null;
  } catch {
    return entries;
  }
  if (!text) return entries;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null) return entries;
    const { v, fields } = parsed as { v?: unknown; fields?: unknown };
    if (v !== FORMAT || typeof fields !== 'object' || fields === null) return entries;
    for (const [fieldId, entry] of Object.entries(fields)) {
      if (isEntry(entry)) entries.set(fieldId, { at: entry.at, value: entry.value });
    }
  } catch {
    // A torn or foreign value: nothing to apply.
  }
  return entries;
}

export function clearJournal(storage: JournalStorage | null, reportId: string): void {
  try {
    storage?.removeItem(journalKey(reportId));
  } catch {
    // Nothing to do: a stale entry is never newer than what IndexedDB holds later.
  }
}

// The live journal of an open report. Keeps the fields in memory and rewrites the
// report's one localStorage item on every change (only uncommitted fields, so small).
export class AnswerJournal {
  private fields: Map<string, { at: string; json: string }>;

  constructor(
    private readonly storage: JournalStorage | null,
    private readonly reportId: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.fields = new Map(
      [...readJournal(storage, reportId)].map(([fieldId, entry]) => [
        fieldId,
        { at: entry.at, json: JSON.stringify(entry.value) },
      ]),
    );
  }

  // Synchronous: when it returns, the value is in localStorage (unless that is full or
  // blocked; then IndexedDB's save is the only copy, as before the journal).
  record(fieldId: string, value: AnswerValue): void {
    this.fields.set(fieldId, { at: this.now().toISOString(), json: JSON.stringify(value) });
    this.persist();
  }

  // IndexedDB has committed these values: their entries go, unless the field changed
  // again since (then the newer value stays journaled).
  committed(values: ReadonlyMap<string, AnswerValue>): void {
    let isChanged = false;
    for (const [fieldId, value] of values) {
      const entry = this.fields.get(fieldId);
      if (entry && entry.json === JSON.stringify(value)) {
        this.fields.delete(fieldId);
        isChanged = true;
      }
    }
    if (isChanged) this.persist();
  }

  get size(): number {
    return this.fields.size;
  }

  // What is journaled, oldest typing first.
  entries(): Map<string, JournalEntry> {
    return new Map(
      [...this.fields].map(([fieldId, entry]) => [
        fieldId,
        { at: entry.at, value: JSON.parse(entry.json) as AnswerValue },
      ]),
    );
  }

  private persist(): void {
    if (!this.storage) return;
    try {
      if (this.fields.size === 0) {
        this.storage.removeItem(journalKey(this.reportId));
        return;
      }
      let body = '';
      for (const [fieldId, entry] of this.fields) {
        body += `${body ? ',' : ''}${JSON.stringify(fieldId)}:{"at":"${entry.at}","value":${entry.json}}`;
      }
      this.storage.setItem(journalKey(this.reportId), `{"v":${FORMAT},"fields":{${body}}}`);
    } catch {
      // Full or blocked localStorage: the IndexedDB save still runs.
    }
  }
}

// One live journal per report in this tab: a queue still retrying after its screen closed
// and the queue of the reopened screen write to the same entry, never over each other.
const openJournals = new Map<string, AnswerJournal>();

export function journalFor(reportId: string): AnswerJournal {
  let journal = openJournals.get(reportId);
  if (!journal) {
    journal = new AnswerJournal(browserJournalStorage(), reportId);
    openJournals.set(reportId, journal);
  }
  return journal;
}

// Stores what a report's journal holds (entries at least as new as the stored answers)
// and drops the entries IndexedDB now has. Resolves with the values it could not store:
// empty when all went in, everything when IndexedDB refused.
export async function replayJournal(
  db: SoKetDatabase,
  reportId: string,
  now: string,
): Promise<Map<string, AnswerValue>> {
  const journal = journalFor(reportId);
  const entries = journal.entries();
  const values = new Map([...entries].map(([fieldId, entry]) => [fieldId, entry.value]));
  try {
    await applyJournal(db, reportId, entries, now);
  } catch {
    return values;
  }
  journal.committed(values);
  // What a failing save kept is in IndexedDB now.
  if (values.size > 0) setSaveTrouble(reportId, '', false);
  return new Map();
}

// At start: what the last session typed but IndexedDB did not take, for every report.
export async function replayAllJournals(db: SoKetDatabase, now: string): Promise<void> {
  for (const reportId of journaledReportIds(browserJournalStorage())) {
    await replayJournal(db, reportId, now);
  }
}
