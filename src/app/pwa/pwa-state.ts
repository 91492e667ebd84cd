// What the app's notices say of the service worker (an update waiting, ready offline),
// as a subscribable store for useSyncExternalStore. Kept apart from the registration
// (service-worker.ts, with workbox-window), which loads after the first screen.
export type PwaState = { isUpdateWaiting: boolean; isOfflineReady: boolean };

let state: PwaState = { isUpdateWaiting: false, isOfflineReady: false };
const listeners = new Set<() => void>();

export function setPwaState(next: Partial<PwaState>): void {
  state = { ...state, ...next };
  for (const listener of listeners) listener();
}

export function subscribePwa(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getPwaState(): PwaState {
  return state;
}

export function dismissOfflineReady(): void {
  setPwaState({ isOfflineReady: false });
}
