// What a PDF made from a report file embeds (the canonical report file, photo bytes left
// out) and prints (its fingerprint). Hashing is async, so it is done before the
// synchronous writer runs: in the PDF chunk for the app (browser-pdf.chunk.ts), in
// report-file-input.ts for `npm run pdf`. Kept out of render-input.ts so that the
// first render's bundle does not change.
import { canonicalReportFileJson, reportFingerprint } from '@/domain/report/fingerprint';
import type { ReportFile } from '@/domain/report/report-schema';
import { sha256Hex } from '@/lib/sha256';
import type { EmbeddedReport } from '../render-input';

export async function embeddedReportOf(file: ReportFile): Promise<EmbeddedReport> {
  const json = canonicalReportFileJson(file);
  return { json, fingerprint: await reportFingerprint(json, sha256Hex) };
}
