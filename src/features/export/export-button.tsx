// "Xuất PDF" with its progress and outcome: the file name, the draft note, characters
// the font could not draw, or why it failed. Typed text is never touched.
import { useState } from 'react';
import { PdfChunkLoadError, exportReportPdf } from '@/export/pdf/export-report-pdf';
import { vi } from '@/i18n/vi';

type State =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; lines: string[] }
  | { kind: 'error'; message: string };

export function PdfExportButton({
  reportId,
  beforeExport,
}: {
  reportId: string;
  beforeExport?: () => Promise<void>;
}) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const run = async () => {
    setState({ kind: 'busy' });
    try {
      await beforeExport?.();
      const result = await exportReportPdf(reportId);
      const lines = [vi.pdf.exported(result.fileName)];
      if (result.isDraft) lines.push(vi.pdf.draftNote);
      if (result.replacedCharacters.length > 0)
        lines.push(vi.pdf.replaced(result.replacedCharacters.join(' ')));
      setState({ kind: 'done', lines });
    } catch (error) {
      setState({
        kind: 'error',
        message: error instanceof PdfChunkLoadError ? vi.pdf.loadFailed : vi.pdf.failed,
      });
    }
  };
  return (
    <div className="pdf-export">
      <button type="button" onClick={() => void run()} disabled={state.kind === 'busy'}>
        {vi.pdf.export}
      </button>
      <div role="status" aria-live="polite">
        {state.kind === 'busy' ? <p>{vi.pdf.exporting}</p> : null}
        {state.kind === 'done' ? state.lines.map((line) => <p key={line}>{line}</p>) : null}
      </div>
      {state.kind === 'error' ? (
        <p role="alert" className="field-error">
          {state.message}
        </p>
      ) : null}
    </div>
  );
}
