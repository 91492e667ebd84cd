// "Xuất PDF" and "Xuất Word" side by side, with one status line for both: the file name,
// the draft note, characters the PDF font could not draw, or why it failed. One export
// runs at a time. Typed text is never touched.
import { useState } from 'react';
import { DocxChunkLoadError, exportReportDocx } from '@/export/docx/export-report-docx';
import { PdfChunkLoadError, exportReportPdf } from '@/export/pdf/export-report-pdf';
import { vi } from '@/i18n/vi';

export type ExportKind = 'pdf' | 'docx';

type Outcome = { fileName: string; isDraft: boolean; replacedCharacters?: string[] };

const EXPORTS: Record<
  ExportKind,
  {
    run: (reportId: string) => Promise<Outcome>;
    isLoadError: (error: unknown) => boolean;
    words: (typeof vi)[ExportKind];
  }
> = {
  pdf: {
    run: exportReportPdf,
    isLoadError: (error) => error instanceof PdfChunkLoadError,
    words: vi.pdf,
  },
  docx: {
    run: exportReportDocx,
    isLoadError: (error) => error instanceof DocxChunkLoadError,
    words: vi.docx,
  },
};

type State =
  | { kind: 'idle' }
  | { kind: 'busy'; exporting: ExportKind }
  | { kind: 'done'; lines: string[] }
  | { kind: 'error'; message: string };

export function ExportButtons({
  reportId,
  beforeExport,
  kinds = ['pdf', 'docx'],
}: {
  reportId: string;
  beforeExport?: () => Promise<void>;
  kinds?: readonly ExportKind[];
}) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const run = async (kind: ExportKind) => {
    const { run: exportReport, isLoadError, words } = EXPORTS[kind];
    setState({ kind: 'busy', exporting: kind });
    try {
      await beforeExport?.();
      const result = await exportReport(reportId);
      const lines = [words.exported(result.fileName)];
      if (result.isDraft) lines.push(words.draftNote);
      if (result.replacedCharacters && result.replacedCharacters.length > 0)
        lines.push(vi.pdf.replaced(result.replacedCharacters.join(' ')));
      setState({ kind: 'done', lines });
    } catch (error) {
      setState({ kind: 'error', message: isLoadError(error) ? words.loadFailed : words.failed });
    }
  };
  return (
    <div className="report-export">
      {kinds.map((kind) => (
        <button
          key={kind}
          type="button"
          onClick={() => void run(kind)}
          disabled={state.kind === 'busy'}
        >
          {EXPORTS[kind].words.export}
        </button>
      ))}
      <div role="status" aria-live="polite">
        {state.kind === 'busy' ? <p>{EXPORTS[state.exporting].words.exporting}</p> : null}
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
