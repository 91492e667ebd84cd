// "Xuất PDF" and "Xuất Word" side by side, with one status line for both: the file name,
// the draft note, characters the PDF font could not draw, photos no longer on the device,
// or why it failed. One export runs at a time, in a Web Worker: the page stays usable,
// the status line says how far it is, and "Hủy" stops it. Typed text is never touched.
//
// `documentId` picks the document: the review report (the default) or another document of
// the template, with `words` naming it (document-export-buttons.tsx). The strings of the
// first screen only: the report list shows these buttons.
import { useEffect, useRef, useState } from 'react';
import { MAIN_DOCUMENT } from '@/domain/template/documents';
import type { RenderOptions } from '@/export/render-in-worker';
import type { RenderProgress } from '@/export/render-job';
import { vi } from '@/i18n/vi';
import { viLimits } from '@/i18n/vi-limits';
import { retryImport } from '@/lib/retry-import';

export type ExportKind = 'pdf' | 'docx';

type Outcome = {
  fileName: string;
  isDraft: boolean;
  replacedCharacters?: string[];
  missingPhotos?: number;
};
export type ExportWords = {
  export: string;
  exporting: string;
  exported: (name: string) => string;
  draftNote: string;
  failed: string;
  loadFailed: string;
};

// The export modules (and what they read: the document model, the photos) load on the
// first press, so the report list's menu costs the first render nothing. A failure to
// load them counts as a failure to load the writer chunk behind them.
const LOAD_ERRORS = new Set([
  'PdfChunkLoadError',
  'DocxChunkLoadError',
  'ExportLoadError',
  'RenderWorkerLoadError',
]);

function lazyExport<A extends unknown[]>(
  load: () => Promise<(...args: A) => Promise<Outcome>>,
): (...args: A) => Promise<Outcome> {
  return async (...args) => {
    let run: (...args: A) => Promise<Outcome>;
    try {
      run = await retryImport(load);
    } catch (error) {
      throw Object.assign(new Error('an export module could not be loaded', { cause: error }), {
        name: 'ExportLoadError',
      });
    }
    return run(...args);
  };
}

const isLoadError = (error: unknown) => error instanceof Error && LOAD_ERRORS.has(error.name);

const EXPORTS: Record<
  ExportKind,
  {
    run: (
      reportId: string,
      now: Date,
      documentId: string,
      options: RenderOptions,
    ) => Promise<Outcome>;
    isLoadError: (error: unknown) => boolean;
    words: ExportWords;
  }
> = {
  pdf: {
    run: lazyExport(() => import('@/export/pdf/export-report-pdf').then((m) => m.exportReportPdf)),
    isLoadError,
    words: vi.pdf,
  },
  docx: {
    run: lazyExport(() =>
      import('@/export/docx/export-report-docx').then((m) => m.exportReportDocx),
    ),
    isLoadError,
    words: vi.docx,
  },
};

// Words that replace the review report's, for another document.
export type DocumentWords = Partial<Record<ExportKind, Partial<ExportWords>>> & {
  missingPhotos?: (count: number) => string;
};

type State =
  | { kind: 'idle' }
  | { kind: 'busy'; exporting: ExportKind; progress: RenderProgress | null }
  | { kind: 'done'; lines: string[] }
  | { kind: 'error'; message: string };

// Renders and downloads a document from something other than a stored report (a report
// file the province office received).
export type ExportRenderer = (
  kind: ExportKind,
  now: Date,
  documentId: string,
  options: RenderOptions,
) => Promise<Outcome>;

export function ExportButtons({
  reportId,
  beforeExport,
  kinds = ['pdf', 'docx'],
  documentId = MAIN_DOCUMENT,
  words: documentWords = {},
  render,
}: {
  reportId: string;
  beforeExport?: () => Promise<void>;
  kinds?: readonly ExportKind[];
  documentId?: string;
  words?: DocumentWords;
  render?: ExportRenderer;
}) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const running = useRef<AbortController | null>(null);
  // Leaving the screen stops an export that nobody waits for any more.
  useEffect(() => () => running.current?.abort(), []);
  // The pressed button is disabled while its export runs, which drops the focus to the
  // page; once done, it goes back to that button (unless the person moved on meanwhile).
  const buttons = useRef(new Map<ExportKind, HTMLButtonElement>());
  const wordsFor = (kind: ExportKind): ExportWords => ({
    ...EXPORTS[kind].words,
    ...documentWords[kind],
  });
  const run = async (kind: ExportKind) => {
    const { run: exportReport, isLoadError } = EXPORTS[kind];
    const words = wordsFor(kind);
    const controller = new AbortController();
    running.current = controller;
    setState({ kind: 'busy', exporting: kind, progress: null });
    try {
      await beforeExport?.();
      const options: RenderOptions = {
        signal: controller.signal,
        onProgress: (progress) => setState({ kind: 'busy', exporting: kind, progress }),
      };
      const result = render
        ? await render(kind, new Date(), documentId, options)
        : await exportReport(reportId, new Date(), documentId, options);
      const lines = [words.exported(result.fileName)];
      if (result.isDraft) lines.push(words.draftNote);
      if (result.replacedCharacters && result.replacedCharacters.length > 0)
        lines.push(vi.pdf.replaced(result.replacedCharacters.join(' ')));
      if (result.missingPhotos && documentWords.missingPhotos)
        lines.push(documentWords.missingPhotos(result.missingPhotos));
      setState({ kind: 'done', lines });
    } catch (error) {
      if (controller.signal.aborted) setState({ kind: 'done', lines: [viLimits.render.cancelled] });
      else
        setState({ kind: 'error', message: isLoadError(error) ? words.loadFailed : words.failed });
    } finally {
      if (running.current === controller) running.current = null;
    }
    // After React has enabled the button again.
    requestAnimationFrame(() => {
      const active = document.activeElement;
      if (!active || active === document.body) buttons.current.get(kind)?.focus();
    });
  };
  return (
    <div className="report-export">
      {kinds.map((kind) => (
        <button
          key={kind}
          ref={(button) => {
            if (button) buttons.current.set(kind, button);
            else buttons.current.delete(kind);
          }}
          type="button"
          onClick={() => void run(kind)}
          disabled={state.kind === 'busy'}
        >
          {wordsFor(kind).export}
        </button>
      ))}
      <div role="status" aria-live="polite">
        {state.kind === 'busy' ? (
          <p>
            {wordsFor(state.exporting).exporting} {progressText(state.progress)}
          </p>
        ) : null}
        {state.kind === 'done' ? state.lines.map((line) => <p key={line}>{line}</p>) : null}
      </div>
      {state.kind === 'busy' ? (
        <button type="button" className="secondary" onClick={() => running.current?.abort()}>
          {viLimits.render.cancel}
        </button>
      ) : null}
      {state.kind === 'error' ? (
        <p role="alert" className="field-error">
          {state.message}
        </p>
      ) : null}
    </div>
  );
}

function progressText(progress: RenderProgress | null): string {
  if (!progress) return '';
  if (progress.stage === 'page') return viLimits.render.page(progress.page, progress.pages);
  return progress.stage === 'layout' ? viLimits.render.layout : viLimits.render.file;
}
