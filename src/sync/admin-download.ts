// "Tải từ máy chủ" for the province office: with the endpoint's admin code, every
// revision every unit submitted (GET /api/revisions, then each one not yet known). The
// bodies are returned unchecked: the caller validates them as any received file. All or
// nothing: on any failure nothing is returned, so nothing is filed.
import { endpointBase, withTimeout } from './timeout';

export type ServerSubmission = {
  body: unknown;
  reportId: string;
  receivedAt: string;
  revision: number;
};

export type ListedRevision = { reportId: string; revision: number; receivedAt: string };

export type AdminDownload =
  | { ok: true; submissions: ServerSubmission[]; skipped: ListedRevision[] }
  | { ok: false; reason: 'network' | 'denied' };

export type DownloadOptions = {
  // A revision the office already holds from the endpoint: listed, not downloaded again.
  isKnown?: (reportId: string, revision: number) => boolean;
  // Called after each revision downloaded.
  onProgress?: (done: number, total: number) => void;
  timeoutMs?: number;
  // How long a 429's Retry-After may make it wait, in all (the server limits a code's rate).
  maxWaitMs?: number;
};

const isListed = (value: unknown): value is ListedRevision => {
  const row = value as Partial<ListedRevision> | null;
  return (
    typeof row?.reportId === 'string' &&
    typeof row.revision === 'number' &&
    typeof row.receivedAt === 'string'
  );
};

// The endpoint the office uses: the one set in Cài đặt, else the app's own origin's /api.
export function officeEndpoint(configured: string | null, origin: string): string {
  return configured ?? `${origin}/api`;
}

export type AdminCodeCheck = 'ok' | 'wrong' | 'unitCode' | 'unreachable';

// Cài đặt checks an admin code as it checks a unit's: one read of the list it opens.
export function checkAdminCode(
  endpoint: string,
  adminCode: string,
  timeoutMs = 5_000,
): Promise<AdminCodeCheck> {
  return withTimeout(timeoutMs, async (signal): Promise<AdminCodeCheck> => {
    const response = await fetch(`${endpointBase(endpoint)}/revisions`, {
      headers: { Authorization: `Bearer ${adminCode}` },
      signal,
      cache: 'no-store',
    });
    if (response.status === 401) return 'wrong';
    if (response.status === 403) return 'unitCode';
    return response.ok ? 'ok' : 'unreachable';
  }).catch((): AdminCodeCheck => 'unreachable');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function downloadSubmissions(
  endpoint: string,
  adminCode: string,
  options: DownloadOptions = {},
): Promise<AdminDownload> {
  const { timeoutMs = 30_000, maxWaitMs = 120_000 } = options;
  const base = endpointBase(endpoint);
  let waited = 0;
  const get = async (path: string): Promise<{ status: number; json: unknown }> => {
    for (;;) {
      const answer = await withTimeout(timeoutMs, async (signal) => {
        const response = await fetch(`${base}${path}`, {
          headers: { Authorization: `Bearer ${adminCode}` },
          signal,
          cache: 'no-store',
        });
        const retryAfter = Number(response.headers.get('Retry-After') ?? '1');
        const wait = Math.max(1, Number.isFinite(retryAfter) ? retryAfter : 1) * 1000;
        if (response.status !== 429 || waited + wait > maxWaitMs) {
          return { status: response.status, json: await response.json().catch(() => null) };
        }
        return { wait };
      });
      if (!('wait' in answer)) return answer;
      waited += answer.wait;
      await sleep(answer.wait);
    }
  };
  try {
    const list = await get('/revisions');
    if (list.status === 401 || list.status === 403) return { ok: false, reason: 'denied' };
    const listed = (list.json as { revisions?: unknown } | null)?.revisions;
    if (list.status !== 200 || !Array.isArray(listed) || !listed.every(isListed)) {
      return { ok: false, reason: 'network' };
    }
    const skipped = listed.filter((row) => options.isKnown?.(row.reportId, row.revision));
    const wanted = listed.filter((row) => !skipped.includes(row));
    const submissions: ServerSubmission[] = [];
    for (const row of wanted) {
      const one = await get(
        `/reports/${encodeURIComponent(row.reportId)}/revisions/${row.revision}`,
      );
      if (one.status !== 200) return { ok: false, reason: 'network' };
      const json = one.json as { report?: unknown; receivedAt?: unknown } | null;
      submissions.push({
        body: json?.report ?? null,
        reportId: row.reportId,
        receivedAt: typeof json?.receivedAt === 'string' ? json.receivedAt : row.receivedAt,
        revision: row.revision,
      });
      options.onProgress?.(submissions.length, wanted.length);
    }
    return { ok: true, submissions, skipped };
  } catch {
    return { ok: false, reason: 'network' };
  }
}
