// Who is told that another tab opened a newer schema of the database (db.ts tells them
// once this tab's connection has closed). Without Dexie: the header listens from the
// first render, before the database's module has loaded (issue 18).
export type VersionChangeListener = () => void;

const listeners = new Set<VersionChangeListener>();

// Called when another tab opens a newer schema: pending answers are saved first, then
// this connection closes so the other tab can upgrade, and the UI asks to reload.
export function onDatabaseReplaced(listener: VersionChangeListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function tellDatabaseReplaced(): void {
  for (const listener of listeners) listener();
}
