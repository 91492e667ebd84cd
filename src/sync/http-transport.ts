// PUT of one submission to the endpoint, with the unit's access code. Any failure to
// get an answer (offline, DNS, reset, timeout) is a network error: retried later.
import type { OutboxEntry } from '@/domain/outbox/outbox-entry';
import { parseRetryAfter, type SendOutcome } from '@/domain/outbox/retry-policy';

export function createHttpTransport(endpoint: string, accessCode: string, timeoutMs = 30_000) {
  const base = endpoint.replace(/\/+$/, '');
  return {
    async send(entry: OutboxEntry): Promise<SendOutcome> {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), timeoutMs);
      try {
        const response = await fetch(
          `${base}/reports/${encodeURIComponent(entry.reportId)}/revisions/${entry.revision}`,
          {
            method: 'PUT',
            headers: { Authorization: `Bearer ${accessCode}`, 'Content-Type': 'application/json' },
            body: JSON.stringify(entry.body),
            signal: controller.signal,
            cache: 'no-store',
          },
        );
        let body: unknown = null;
        try {
          body = await response.json();
        } catch {
          body = null;
        }
        return {
          kind: 'response',
          status: response.status,
          body,
          retryAfterSeconds: parseRetryAfter(response.headers.get('Retry-After'), Date.now()),
        };
      } catch {
        return { kind: 'networkError' };
      } finally {
        clearTimeout(timer);
      }
    },
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
