// The report file (so-ket.json) a PDF made by this app carries inside it, read back for the
// province office's intake. Small on purpose: the reader is a lazy chunk
// (embedded-report-reader.chunk.ts, no PDF library), loaded on the first PDF.
//
// Never rejects because of the bytes: 'not-pdf' for bytes that are not a PDF, 'none' for
// a PDF without the file (re-saved or printed by another program, scanned, foreign,
// damaged). Only a chunk that cannot be loaded (offline before the app was cached) rejects.
import { cachedImport } from '@/lib/retry-import';
import type * as ReaderChunk from './embedded-report-reader.chunk';
import type { EmbeddedReportResult } from './embedded-report-reader.chunk';

// 'found' (with the embedded so-ket.json as text), 'none' or 'not-pdf'.
export type { EmbeddedReportResult } from './embedded-report-reader.chunk';

// Retried once, like the other chunks; a load that still fails rejects.
const loadReader = cachedImport(
  (): Promise<typeof ReaderChunk> => import('./embedded-report-reader.chunk'),
);

export async function readEmbeddedReport(bytes: Uint8Array): Promise<EmbeddedReportResult> {
  const { readEmbeddedReportNow } = await loadReader();
  return readEmbeddedReportNow(bytes);
}
