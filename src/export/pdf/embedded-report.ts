// Placeholder of the contract h16a lands (the PDF embedded-file reader): until then no PDF
// yields its data. Replaced by h16a's module on merge.
export type EmbeddedReportResult =
  { kind: 'found'; text: string } | { kind: 'none' } | { kind: 'not-pdf' };

export async function readEmbeddedReport(bytes: Uint8Array): Promise<EmbeddedReportResult> {
  const head = new TextDecoder().decode(bytes.subarray(0, 5));
  return head === '%PDF-' ? { kind: 'none' } : { kind: 'not-pdf' };
}
