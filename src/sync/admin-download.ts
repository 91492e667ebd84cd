// "Tải từ máy chủ" for the province office: with the endpoint's admin code, the latest
// submitted revision of every report (GET /api/reports, then each revision). The bodies
// are returned unchecked: the caller validates them as any received file.
export type ServerSubmission = { body: unknown; receivedAt: string; revision: number };

export type AdminDownload =
  { ok: true; submissions: ServerSubmission[] } | { ok: false; reason: 'network' | 'denied' };

type ListedReport = { reportId: string; revision: number; receivedAt: string };

export async function downloadSubmissions(
  endpoint: string,
  adminCode: string,
  timeoutMs = 30_000,
): Promise<AdminDownload> {
  const base = endpoint.replace(/\/+$/, '');
  const get = async (path: string): Promise<{ status: number; json: unknown }> => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await fetch(`${base}${path}`, {
        headers: { Authorization: `Bearer ${adminCode}` },
        signal: controller.signal,
        cache: 'no-store',
      });
      return { status: response.status, json: await response.json().catch(() => null) };
    } finally {
      clearTimeout(timer);
    }
  };
  try {
    const list = await get('/reports');
    if (list.status === 401 || list.status === 403) return { ok: false, reason: 'denied' };
    const reports = (list.json as { reports?: ListedReport[] } | null)?.reports;
    if (list.status !== 200 || !Array.isArray(reports)) return { ok: false, reason: 'network' };
    const submissions: ServerSubmission[] = [];
    for (const listed of reports) {
      const one = await get(
        `/reports/${encodeURIComponent(listed.reportId)}/revisions/${listed.revision}`,
      );
      if (one.status !== 200) return { ok: false, reason: 'network' };
      const json = one.json as { report?: unknown; receivedAt?: string } | null;
      submissions.push({
        body: json?.report ?? null,
        receivedAt: json?.receivedAt ?? listed.receivedAt,
        revision: listed.revision,
      });
    }
    return { ok: true, submissions };
  } catch {
    return { ok: false, reason: 'network' };
  }
}
