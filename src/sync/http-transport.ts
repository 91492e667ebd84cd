// PUT of one submission, or of one of its photos, to the endpoint, with the unit's
// access code. Any failure to get an answer (offline, DNS, reset, timeout) is a network
// error: retried later.
import type { OutboxEntry } from '@/domain/outbox/outbox-entry';
import { parseRetryAfter, type SendOutcome } from '@/domain/outbox/retry-policy';
import type { SyncTransport } from './sync-engine';

export function createHttpTransport(
  endpoint: string,
  accessCode: string,
  timeoutMs = 30_000,
): SyncTransport {
  const base = endpoint.replace(/\/+$/, '');
  const put = async (
    url: string,
    body: BodyInit,
    contentType: string,
    extraMs = 0,
  ): Promise<SendOutcome> => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs + extraMs);
    try {
      const response = await fetch(url, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${accessCode}`, 'Content-Type': contentType },
        body,
        signal: controller.signal,
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
    } catch {
      return { kind: 'networkError' };
    } finally {
      clearTimeout(timer);
    }
  };
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
export async function isEndpointAlive(endpoint: string, timeoutMs = 5_000): Promise<boolean> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(`${endpoint.replace(/\/+$/, '')}/health`, {
      signal: controller.signal,
      cache: 'no-store',
    });
    return response.ok;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export type CodeCheck = { kind: 'ok'; unit: string } | { kind: 'wrong' } | { kind: 'unreachable' };

// Whose access code this is: GET /me answers the unit's name, 401 a code it does not know.
export async function checkAccessCode(
  endpoint: string,
  accessCode: string,
  timeoutMs = 5_000,
): Promise<CodeCheck> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(`${endpoint.replace(/\/+$/, '')}/me`, {
      headers: { Authorization: `Bearer ${accessCode}` },
      signal: controller.signal,
      cache: 'no-store',
    });
    if (response.status === 401) return { kind: 'wrong' };
    if (!response.ok) return { kind: 'unreachable' };
    const body = (await response.json()) as { unit?: unknown };
    return typeof body.unit === 'string'
      ? { kind: 'ok', unit: body.unit }
      : { kind: 'unreachable' };
  } catch {
    return { kind: 'unreachable' };
  } finally {
    clearTimeout(timer);
  }
}
