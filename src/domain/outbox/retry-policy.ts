// What to do with a server's answer to a submission, as a pure function of the
// response, the attempt count and a random number:
// - 2xx: sent (the receipt is kept);
// - no answer, 408, 428, 429, 5xx: try again after a capped exponential backoff with jitter
//   (about 5 s, 10 s, 20 s … up to 5 min; 2 s, 4 s … up to 1 min while the app is in the
//   foreground), or after Retry-After when the server says so;
// - 401/403: stop the queue and ask for the access code;
// - 409: a conflict the user resolves (send as a new revision);
// - 422 missingFiles: the server lacks photos the body lists; the engine uploads them
//   and sends the body again at once; a second 422 waits the same backoff (a server that
//   keeps losing them is not hammered);
// - 428 for a photo: the server no longer expects it (the revision that listed it is
//   over a day old): the next try sends the body first again;
// - any other 4xx: quarantine this entry with the server's message; the rest continue.
export const BASE_DELAY_MS = 5_000;
export const MAX_DELAY_MS = 5 * 60_000;
// While the app is open in front of the user (issue 13) the backoff starts at 2 s and a
// submission never waits more than a minute for its next try.
export const FOREGROUND_BASE_DELAY_MS = 2_000;
export const FOREGROUND_MAX_DELAY_MS = 60_000;

export type BackoffLimits = { baseMs: number; maxMs: number };
export const BACKGROUND: BackoffLimits = { baseMs: BASE_DELAY_MS, maxMs: MAX_DELAY_MS };
export const FOREGROUND: BackoffLimits = {
  baseMs: FOREGROUND_BASE_DELAY_MS,
  maxMs: FOREGROUND_MAX_DELAY_MS,
};

export type SendOutcome =
  | { kind: 'response'; status: number; body: unknown; retryAfterSeconds: number | null }
  | { kind: 'networkError' };

export type Decision =
  | { action: 'sent' }
  | { action: 'retry'; delayMs: number }
  | { action: 'authRequired' }
  | { action: 'conflict'; head: number | null }
  | { action: 'reupload'; files: string[]; delayMs: number }
  | { action: 'quarantine' };

// Full jitter on the upper half: delay in [cap/2, cap].
export function backoffDelay(
  attempt: number,
  random: number,
  { baseMs, maxMs }: BackoffLimits = BACKGROUND,
): number {
  const cap = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.round(cap / 2 + (cap / 2) * Math.min(Math.max(random, 0), 1));
}

// `limits.maxMs` caps every delay (the backoff and Retry-After).
export function decide(
  outcome: SendOutcome,
  attempt: number,
  random: number,
  limits: BackoffLimits = BACKGROUND,
): Decision {
  if (outcome.kind === 'networkError')
    return { action: 'retry', delayMs: backoffDelay(attempt, random, limits) };
  const { status } = outcome;
  if (status >= 200 && status < 300) return { action: 'sent' };
  if (status === 408 || status === 428 || status === 429 || status >= 500) {
    const requested = outcome.retryAfterSeconds;
    const delayMs =
      requested !== null && requested >= 0
        ? Math.min(limits.maxMs, Math.max(requested * 1000, 1000))
        : backoffDelay(attempt, random, limits);
    return { action: 'retry', delayMs };
  }
  if (status === 401 || status === 403) return { action: 'authRequired' };
  const missing = missingFiles(outcome.body);
  if (status === 422 && missing) {
    return { action: 'reupload', files: missing, delayMs: backoffDelay(attempt, random, limits) };
  }
  if (status === 409) {
    const head =
      outcome.body &&
      typeof outcome.body === 'object' &&
      'head' in outcome.body &&
      typeof outcome.body.head === 'number'
        ? outcome.body.head
        : null;
    return { action: 'conflict', head };
  }
  return { action: 'quarantine' };
}

// The SHA-256 list of a 422 {error: 'missingFiles', missing: [...]}, else null.
export function missingFiles(body: unknown): string[] | null {
  if (!body || typeof body !== 'object') return null;
  const { error, missing } = body as { error?: unknown; missing?: unknown };
  if (error !== 'missingFiles' || !Array.isArray(missing)) return null;
  return missing.filter((item): item is string => typeof item === 'string');
}

export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (value === null || value.trim() === '') return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - nowMs) / 1000));
}

export function serverMessage(body: unknown): string | null {
  if (body && typeof body === 'object' && 'message' in body && typeof body.message === 'string') {
    return body.message.slice(0, 500);
  }
  return null;
}
