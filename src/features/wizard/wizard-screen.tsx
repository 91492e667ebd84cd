import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Answers } from '@/domain/report/answers';
import { reportProgress } from '@/domain/report/progress';
import { keepPhotoRefs } from '@/domain/report/report-photos';
import { buildReportFile, reportFileName, type ReportMeta } from '@/domain/report/report-schema';
import type { Template } from '@/domain/template/template-schema';
import { vi, formatTime } from '@/i18n/vi-report';
import { downloadJson } from '@/lib/download';
import type { SaveStatus } from '@/storage/autosave-queue';
import { getDatabase } from '@/storage/db';
import { reportFileWithPhotos } from '@/storage/photo-file-repository';
import { sweepPhotos } from '@/storage/photo-repository';
import { AppendixSummary } from './appendix-summary';
import { ReportContext } from './indicator-table-field';
import { ReportIdContext } from './report-id-context';
import { StepForm, type FieldAside } from './step-form';
import { AutosaveContext, useAutosave, type AnswerQueue } from './use-autosave';

export type WizardLinks = {
  list: string;
  step: (stepId: string) => string;
  review: string;
};

export type WizardProps = {
  template: Template;
  report: ReportMeta;
  answers: Answers;
  // Journaled values storage could not take when the report opened: saved again.
  unsavedAnswers?: Answers;
  hasDamagedAnswers: boolean;
  // null shows the review slot.
  stepId: string | null;
  focusFieldId: string | null;
  links: WizardLinks;
  // The review's entry in the table of contents, and its heading unless `reviewHeading`
  // says otherwise (the review of a further document).
  reviewTitle: string;
  reviewHeading?: string | undefined;
  review: ReactNode;
  // Shown beside each long text field (the province report's "Các đơn vị viết").
  fieldAside?: FieldAside | undefined;
};

function SaveStatusLine({
  status,
  queue,
  onExport,
}: {
  status: SaveStatus;
  queue: AnswerQueue;
  onExport: () => void;
}) {
  // A retry in flight ('saving') keeps the error on screen: a click on "Xuất tệp dữ liệu báo cáo"
  // first blurs the field, which flushes, and the alert must not vanish under the pointer.
  const [lastError, setLastError] = useState<Extract<SaveStatus, { state: 'error' }> | null>(null);
  if (status.state === 'error' && status !== lastError) setLastError(status);
  if ((status.state === 'saved' || status.state === 'idle') && lastError) setLastError(null);
  const error = status.state === 'error' ? status : lastError;
  const text =
    status.state === 'saving'
      ? vi.save.saving
      : status.state === 'pending'
        ? vi.save.pending
        : status.savedAt
          ? vi.save.savedAt(formatTime(status.savedAt))
          : vi.save.idle;
  return (
    <div className="save-status">
      <p role="status" aria-live="polite" className={`save-line save-${status.state}`}>
        {status.state === 'error'
          ? status.savedAt
            ? vi.save.savedAt(formatTime(status.savedAt))
            : ''
          : text}
      </p>
      {error ? (
        <div role="alert" className="save-error">
          <p>
            {vi.save.errors[error.error]} {vi.save.retryIn(Math.round(error.retryInMs / 1000))}
          </p>
          <p>{vi.save.exportHint}</p>
          <div className="button-row">
            <button type="button" onClick={() => void queue.retryNow()}>
              {vi.save.retry}
            </button>
            <button type="button" className="secondary" onClick={onExport}>
              {vi.save.exportNow}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}

export function WizardScreen(props: WizardProps) {
  const { template, report, answers, stepId, links } = props;
  const { queue, status } = useAutosave(
    report.id,
    report.revision > 0 ? new Date(report.updatedAt) : null,
    report.name,
  );
  const [unsavedAnswers] = useState(props.unsavedAnswers ?? {});
  useEffect(() => {
    for (const [fieldId, value] of Object.entries(unsavedAnswers)) queue.set(fieldId, value);
  }, [queue, unsavedAnswers]);
  const [isTocOpen, setTocOpen] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const tocRef = useRef<HTMLElement>(null);
  // Not on every save-status change: only when the answers (or the template) do.
  const progress = useMemo(() => reportProgress(template, answers), [template, answers]);
  const stepIndex =
    stepId === null ? template.steps.length : template.steps.findIndex((s) => s.id === stepId);
  const step = template.steps[stepIndex];
  const total = template.steps.length + 1;
  const title = step ? step.title : (props.reviewHeading ?? props.reviewTitle);

  useEffect(() => {
    // Photos a closed tab stored but never referred to (or removed without the undo
    // window ending) go when the report opens again.
    sweepPhotos(getDatabase(), report.id, new Date()).catch(() => undefined);
  }, [report.id]);

  useEffect(() => {
    // On a desktop the table of contents scrolls inside itself (23 steps are taller than
    // the screen): the current step is brought to its middle, without scrolling the page.
    const toc = tocRef.current;
    const current = toc?.querySelector('[aria-current="step"]');
    if (!toc || !current || toc.scrollHeight <= toc.clientHeight) return;
    const box = current.getBoundingClientRect();
    const offset = box.top - toc.getBoundingClientRect().top;
    toc.scrollTop += offset - (toc.clientHeight - box.height) / 2;
  }, [stepId]);

  useEffect(() => {
    // Move focus to the step heading on step change, the review of another document
    // included (unless a field is targeted).
    if (!props.focusFieldId) headingRef.current?.focus();
  }, [stepId, props.focusFieldId, props.reviewHeading]);

  const exportWithPending = () => {
    // Includes what is typed but not yet stored, so a failing disk loses nothing. The
    // latest values, not the pending ones: a write in flight holds its values outside
    // the pending set (clicking this button blurs the field, which starts one).
    const merged: Answers = { ...answers, ...Object.fromEntries(queue.latestValues()) };
    const now = new Date().toISOString();
    // With the photos the answers refer to; when they cannot be read (a failing disk),
    // the text still goes out, without them.
    void reportFileWithPhotos(getDatabase(), report, merged, now)
      .catch(() => buildReportFile(report, keepPhotoRefs(merged, new Set()), now))
      .then((file) => downloadJson(reportFileName(report), file));
  };

  const stateOf = (id: string) =>
    progress.steps.find((s) => s.stepId === id)?.state ?? 'notStarted';
  const previous = stepIndex > 0 ? links.step(template.steps[stepIndex - 1]!.id) : null;
  const next =
    stepIndex < template.steps.length - 1
      ? links.step(template.steps[stepIndex + 1]!.id)
      : stepId === null
        ? null
        : links.review;

  return (
    <ReportContext.Provider value={{ template, answers }}>
      <ReportIdContext.Provider value={report.id}>
        <AutosaveContext.Provider value={queue}>
          <div className="wizard">
            <div className="wizard-bar">
              <a href={links.list} className="back-link">
                ← {vi.wizard.backToList}
              </a>
              <h1 className="report-name">{report.name}</h1>
              <SaveStatusLine status={status} queue={queue} onExport={exportWithPending} />
            </div>
            <div className="wizard-body">
              <div className="toc-wrap">
                <button
                  type="button"
                  className="toc-toggle secondary"
                  aria-expanded={isTocOpen}
                  aria-controls="toc"
                  onClick={() => setTocOpen((open) => !open)}
                >
                  {vi.wizard.tocToggle} · {progress.requiredDone}/{progress.requiredTotal}
                </button>
                <nav
                  ref={tocRef}
                  id="toc"
                  aria-label={vi.wizard.toc}
                  className={`toc ${isTocOpen ? 'open' : ''}`}
                >
                  <label className="progress-label">
                    {vi.wizard.progress(progress.requiredDone, progress.requiredTotal)}
                    <progress max={progress.requiredTotal} value={progress.requiredDone} />
                  </label>
                  <ol>
                    {template.steps.map((s) => {
                      const state = stateOf(s.id);
                      return (
                        <li key={s.id} className={`toc-item state-${state}`}>
                          <a
                            href={links.step(s.id)}
                            aria-current={s.id === stepId ? 'step' : undefined}
                            onClick={() => setTocOpen(false)}
                          >
                            <span className="toc-title">{s.shortTitle}</span>
                            <span className="toc-state">{vi.stepState[state]}</span>
                          </a>
                        </li>
                      );
                    })}
                    <li className="toc-item">
                      <a
                        href={links.review}
                        aria-current={stepId === null ? 'step' : undefined}
                        onClick={() => setTocOpen(false)}
                      >
                        <span className="toc-title">{props.reviewTitle}</span>
                      </a>
                    </li>
                  </ol>
                </nav>
              </div>
              <section className="step" aria-labelledby="step-heading">
                <p className="step-count">{vi.wizard.stepCount(stepIndex + 1, total)}</p>
                <h2 id="step-heading" tabIndex={-1} ref={headingRef}>
                  {title}
                </h2>
                {step?.intro ? <p className="step-intro">{step.intro}</p> : null}
                {props.hasDamagedAnswers ? (
                  <p className="notice warning" role="note">
                    {vi.wizard.damagedFields}
                  </p>
                ) : null}
                {step?.companion === 'appendixSummary' ? (
                  <AppendixSummary evaluation={progress.appendix} />
                ) : null}
                {step ? (
                  <StepForm
                    key={step.id}
                    step={step}
                    answers={{ ...answers, ...Object.fromEntries(queue.latestValues()) }}
                    focusFieldId={props.focusFieldId}
                    fieldAside={props.fieldAside}
                  />
                ) : (
                  props.review
                )}
                <nav className="step-nav" aria-label={vi.wizard.stepCount(stepIndex + 1, total)}>
                  {previous ? (
                    <a className="button secondary" href={previous} rel="prev">
                      ← {vi.wizard.previous}
                    </a>
                  ) : (
                    <span />
                  )}
                  {next ? (
                    <a className="button" href={next} rel="next">
                      {next === links.review ? vi.wizard.toReview : vi.wizard.next} →
                    </a>
                  ) : null}
                </nav>
              </section>
            </div>
          </div>
        </AutosaveContext.Provider>
      </ReportIdContext.Provider>
    </ReportContext.Provider>
  );
}
