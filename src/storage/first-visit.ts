// Whether this browser has no database of the app yet (a first visit, or its data
// cleared): then there is no report to wait for, and the list can say so before Dexie
// and the database have loaded (issue 18). The question is asked once, at start, before
// anything opens the database (opening creates it); once the database is open, the
// answer is "not known" (false) for every later caller. False where the browser cannot
// tell (no indexedDB.databases()).
export const DB_NAME = 'so-ket';

let answer: Promise<boolean> | null = null;

async function ask(): Promise<boolean> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return false;
  try {
    const databases = await indexedDB.databases();
    return !databases.some((database) => database.name === DB_NAME);
  } catch {
    return false;
  }
}

export function hasNoDatabase(): Promise<boolean> {
  answer ??= ask();
  return answer;
}

// Called when this tab opens the database: from then on the answer says nothing.
export function forgetFirstVisit(): void {
  answer = Promise.resolve(false);
}
