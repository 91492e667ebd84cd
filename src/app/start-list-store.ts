// The first of the entry's modules to run (main.tsx imports it first). Under the service
// worker, the installed app on a return visit (its database almost surely exists), the
// list's store chunk is asked for here, before React is evaluated: its files come from
// the cache and compile while React evaluates and renders the frame, instead of after.
// A first visit has no worker yet: main.tsx starts the store once the shell has painted.
import { loadListStore } from '@/features/drafts/list-store-loader';

// Loads the list's store chunk (Dexie, the database, the stored reports' checks) and opens
// the database; the second call shares the first's load (cachedImport).
export function startListStore(): void {
  void loadListStore()
    .then((store) => store.getDatabase().open())
    .catch(() => undefined);
}

// The installed app (a service worker controls the page): main.tsx starts it at once too.
export const isInstalledStart =
  typeof navigator !== 'undefined' && Boolean(navigator.serviceWorker?.controller);

if (isInstalledStart) startListStore();
