// PUT of one submission, or of one of its photos, to the endpoint, with the unit's
// access code. Any failure to get an answer (offline, DNS, reset, timeout) is a network
// error: retried later.
import type { OutboxEntry } from '@/domain/outbox/outbox-entry';
import { parseRetryAfter, type SendOutcome } from '@/domain/outbox/retry-policy';
import type { SyncTransport } from './sync-engine';
import { endpointBase, withTimeout } from './timeout';

export function createHttpTransport(
  endpoint: string,
  accessCode: string,
  timeoutMs = 30_000,
): SyncTransport {
  const base = endpointBase(endpoint);
  const put = (
    url: string,
    body: BodyInit,
    contentType: string,
    extraMs = 0,
  ): Promise<SendOutcome> =>
    withTimeout(timeoutMs + extraMs, async (signal): Promise<SendOutcome> => {
      const response = await fetch(url, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${accessCode}`, 'Content-Type': contentType },
        body,
        signal,
        cache: 'no-store',
      });
      let json: unknown = null;
      try {
        json = await response.json();
      } catch {
        json = null;
      }
      return {
        kind: 'response',
        status: response.status,
        body: json,
        retryAfterSeconds: parseRetryAfter(response.headers.get('Retry-After'), Date.now()),
      };
    }).catch((): SendOutcome => ({ kind: 'networkError' }));
  const reportUrl = (reportId: string) => `${base}/reports/${encodeURIComponent(reportId)}`;
  return {
    send: (entry: OutboxEntry) =>
      put(
        `${reportUrl(entry.reportId)}/revisions/${entry.revision}`,
        JSON.stringify(entry.body),
        'application/json',
      ),
    // A photo: the JPEG bytes, named by their SHA-256 (the server checks it). A slow
    // mobile link gets a second more for every 10 KB.
    uploadFile: (reportId: string, sha256: string, bytes: Blob) =>
      put(`${reportUrl(reportId)}/files/${sha256}`, bytes, 'image/jpeg', bytes.size / 10),
  };
}

// Whether an endpoint answers its health check (used to find the same origin's /api).
export function isEndpointAlive(endpoint: string, timeoutMs = 5_000): Promise<boolean> {
  return withTimeout(timeoutMs, async (signal) => {
    const response = await fetch(`${endpointBase(endpoint)}/health`, {
      signal,
      cache: 'no-store',
    });
    return response.ok;
  }).catch(() => false);
}

export type CodeCheck = { kind: 'ok'; unit: string } | { kind: 'wrong' } | { kind: 'unreachable' };

// Whose access code this is: GET /me answers the unit's name, 401 a code it does not know.
export function checkAccessCode(
  endpoint: string,
  accessCode: string,
  timeoutMs = 5_000,
): Promise<CodeCheck> {
  return withTimeout(timeoutMs, async (signal): Promise<CodeCheck> => {
    const response = await fetch(`${endpointBase(endpoint)}/me`, {
      headers: { Authorization: `Bearer ${accessCode}` },
      signal,
      cache: 'no-store',
    });
    if (response.status === 401) return { kind: 'wrong' };
    if (!response.ok) return { kind: 'unreachable' };
    const body = (await response.json()) as { unit?: unknown };
    return typeof body.unit === 'string'
      ? { kind: 'ok', unit: body.unit }
      : { kind: 'unreachable' };
  }).catch((): CodeCheck => ({ kind: 'unreachable' }));
}
