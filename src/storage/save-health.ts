// Which open or recently open reports have changes IndexedDB has not taken (a failing
// save), for every screen of this tab: going back to the list keeps the warning there.
// A subscribable store for useSyncExternalStore.
export type SaveTrouble = { reportId: string; reportName: string };

let troubles: readonly SaveTrouble[] = [];
const listeners = new Set<() => void>();

export function setSaveTrouble(reportId: string, reportName: string, isFailing: boolean): void {
  const current = troubles.find((trouble) => trouble.reportId === reportId);
  if (isFailing ? current?.reportName === reportName : !current) return;
  const others = troubles.filter((trouble) => trouble.reportId !== reportId);
  troubles = isFailing ? [...others, { reportId, reportName }] : others;
  for (const listener of listeners) listener();
}

export function saveTroubles(): readonly SaveTrouble[] {
  return troubles;
}

export function subscribeSaveTroubles(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
