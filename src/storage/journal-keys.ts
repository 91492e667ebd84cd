// Where the answer journal (answer-journal.ts) keeps its entries in localStorage, and
// which reports have one. Kept apart from the journal, which needs the repository (and
// zod): at start the app only asks whether there is anything to replay, and loads the
// journal only when there is.
export type JournalStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key'> & {
  readonly length: number;
};

const PREFIX = 'so-ket.journal.';

export function journalKey(reportId: string): string {
  return `${PREFIX}${reportId}`;
}

// The browser's localStorage, or null where there is none or it is blocked.
export function browserJournalStorage(): JournalStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

// The reports that have an entry (changes typed but maybe not in IndexedDB).
export function journaledReportIds(storage: JournalStorage | null): string[] {
  const ids: string[] = [];
  if (!storage) return ids;
  try {
    for (let index = 0; index < storage.length; index += 1) {
      const key = storage.key(index);
      if (key?.startsWith(PREFIX)) ids.push(key.slice(PREFIX.length));
    }
  } catch {
    return [];
  }
  return ids;
}
