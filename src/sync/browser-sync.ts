// The sync engine as the browser runs it: the outbox in IndexedDB, fetch, the sync
// lease, navigator.onLine, and the triggers — start, `online`, becoming visible, each
// enqueue (kickSync) and the engine's own timer. "Gửi ngay" resets the backoff first.
import { newId } from '@/lib/ids';
import { getDatabase, hasTable } from '@/storage/db';
import {
  acquireSyncLock,
  listOutbox,
  markSent,
  releaseSyncLock,
  resetBackoff,
  updateEntry,
} from '@/storage/outbox-repository';
import { photoBlob } from '@/storage/photo-file-repository';
import { getSyncSettings, type SyncSettings } from '@/storage/settings-repository';
import {
  checkAccessCode,
  createHttpTransport,
  isEndpointAlive,
  type CodeCheck,
} from './http-transport';
import { SyncEngine } from './sync-engine';

export type SyncAvailability = {
  endpoint: string | null;
  hasAccessCode: boolean;
  isReachable: boolean;
};

const LOCK_TTL_MS = 60_000;
const tabId = newId();
let engine: SyncEngine | null = null;
let sameOriginAlive: Promise<boolean> | null = null;

function sameOriginEndpoint(): string {
  return `${window.location.origin}/api`;
}

// The endpoint to use: the one set in Settings, else the same origin's /api when it
// answers /api/health; null means sync is off.
async function resolveEndpoint(settings: SyncSettings): Promise<string | null> {
  if (settings.endpoint) return settings.endpoint;
  sameOriginAlive ??= isEndpointAlive(sameOriginEndpoint()).then((alive) => {
    if (!alive) sameOriginAlive = null; // ask again next time
    return alive;
  });
  return (await sameOriginAlive) ? sameOriginEndpoint() : null;
}

export async function syncAvailability(): Promise<SyncAvailability> {
  const settings = await getSyncSettings(getDatabase());
  const endpoint = settings.endpoint ?? sameOriginEndpoint();
  const isReachable = await isEndpointAlive(endpoint);
  return {
    endpoint: settings.endpoint || isReachable ? endpoint : null,
    hasAccessCode: settings.accessCode !== '',
    isReachable,
  };
}

// The stored access code, checked against the endpoint; null when none is stored.
export async function checkStoredAccessCode(): Promise<CodeCheck | null> {
  const settings = await getSyncSettings(getDatabase());
  if (!settings.accessCode) return null;
  const endpoint = await resolveEndpoint(settings);
  if (!endpoint) return { kind: 'unreachable' };
  return checkAccessCode(endpoint, settings.accessCode);
}

function createEngine(): SyncEngine {
  const db = getDatabase();
  return new SyncEngine({
    outbox: {
      list: () => listOutbox(db),
      update: (id, change) => updateEntry(db, id, change, new Date()),
      markSent: (id, receipt) => markSent(db, id, receipt, new Date()),
    },
    transport: async () => {
      const settings = await getSyncSettings(db);
      const endpoint = await resolveEndpoint(settings);
      if (!endpoint || !settings.accessCode) return null;
      return createHttpTransport(endpoint, settings.accessCode);
    },
    photos: { read: (photoId) => photoBlob(db, photoId) },
    now: () => Date.now(),
    isOnline: () => navigator.onLine,
    lock: {
      acquire: () => acquireSyncLock(db, tabId, Date.now(), LOCK_TTL_MS),
      renew: () => acquireSyncLock(db, tabId, Date.now(), LOCK_TTL_MS),
      release: () => releaseSyncLock(db, tabId),
    },
    random: Math.random,
    isForeground: () => document.visibilityState === 'visible',
    setTimer: (run, delay) => {
      const timer = setTimeout(run, delay);
      return () => clearTimeout(timer);
    },
  });
}

export function startSync(): void {
  if (engine || !hasTable(getDatabase(), 'outbox')) return;
  engine = createEngine();
  const kick = () => void engine?.kick();
  window.addEventListener('online', kick);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') kick();
  });
  kick();
}

export function kickSync(): void {
  if (!engine) startSync();
  else void engine.kick();
}

// "Gửi ngay": always works — every waiting entry is due now, backoff reset.
export async function sendNow(): Promise<void> {
  await resetBackoff(getDatabase(), new Date());
  if (!engine) startSync();
  await engine?.kick();
}
