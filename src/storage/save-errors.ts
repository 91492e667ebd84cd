// Why a write to IndexedDB failed, in the terms the person can act on. Apart from the
// autosave queue: the report list (first screen) needs it without the queue (issue 18).
export type SaveError = 'quota' | 'missing' | 'other';

// What Chromium says when the disk itself is full (measured on a full tmpfs profile):
// a large value fails with DataError "Failed to write blobs (IOError)", a small one with
// UnknownError "… IO error: …/000003.log: FILE_ERROR_NO_SPACE …"; only a per-origin
// quota gives QuotaExceededError. All of them mean the same thing to the person.
const DISK_FULL_MESSAGE =
  /FILE_ERROR_NO_SPACE|no space left|Failed to write blobs|disk (is )?full/i;

function errorChain(error: unknown): { names: string[]; messages: string[] } {
  const names: string[] = [];
  const messages: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 4; depth += 1) {
    if ('name' in current && typeof current.name === 'string') names.push(current.name);
    if ('message' in current && typeof current.message === 'string') {
      messages.push(current.message);
    }
    current = 'inner' in current ? current.inner : undefined;
  }
  return { names, messages };
}

export function classifySaveError(error: unknown): SaveError {
  const { names, messages } = errorChain(error);
  if (names.some((name) => name === 'QuotaExceededError')) return 'quota';
  if (messages.some((message) => DISK_FULL_MESSAGE.test(message))) return 'quota';
  if (names.some((name) => name === 'ReportMissingError')) return 'missing';
  return 'other';
}

// Why a write to IndexedDB failed, as far as the person can act on it: 'full' when the
// browser says storage is full; 'write' when the transaction was aborted by the browser
// with no cause given (Chromium on a really full disk often gives only "AbortError: The
// transaction was aborted" or UnknownError, and then closes the connection, so reads
// fail too with "Internal error opening backing store"), which is almost always a full
// disk too;
// null for anything else (a bug, a refused value, the app's own checks).
export type StorageTrouble = 'full' | 'write';

export function storageTrouble(error: unknown): StorageTrouble | null {
  if (classifySaveError(error) === 'quota') return 'full';
  const { names } = errorChain(error);
  const isCause = (name: string) => name === 'AbortError' || name === 'UnknownError';
  // Dexie wraps a database the browser closed, or could not open again, around the cause.
  const isWrapper = (name: string) => name === 'DatabaseClosedError' || name === 'OpenFailedError';
  return names.some(isCause) && names.every((name) => isCause(name) || isWrapper(name))
    ? 'write'
    : null;
}
