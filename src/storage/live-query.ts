// A read of IndexedDB, run again whenever a table it read changes (Dexie's live query),
// for screens that subscribe without dexie-react-hooks (the list: issue 18).
import { liveQuery } from 'dexie';

export function watchQuery<T>(
  query: () => Promise<T>,
  next: (value: T) => void,
  fail: (error: unknown) => void,
): () => void {
  const subscription = liveQuery(query).subscribe({ next, error: fail });
  return () => subscription.unsubscribe();
}
