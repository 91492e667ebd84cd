import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import type { Answers } from '@/domain/report/answers';
import { replayJournal } from '@/storage/answer-journal';
import { DocumentExportButtons } from '@/features/export/document-export-buttons';
import { EmailButton } from '@/features/export/email-button';
import { ExportButtons } from '@/features/export/export-buttons';
import { reportDocxAttachment } from '@/export/docx/export-report-docx';
import { SubmitPanel } from '@/features/submit/submit-panel';
import { flushAll } from '@/storage/flush-registry';
import { ReviewPage } from '@/features/review/review-page';
import { WizardScreen } from '@/features/wizard/wizard-screen';
import { vi } from '@/i18n/vi-report';
import { getDatabase } from '@/storage/db';
import { getAnswers, getReport, reportMeta } from '@/storage/report-repository';
import { findTemplate } from '@/templates/template-registry';
import { MAIN_DOCUMENT } from '@/domain/template/documents';
import { retryImport } from '@/lib/retry-import';
import { vi as viApp } from '@/i18n/vi';
import { ErrorBoundary } from './error-boundary';
import { hrefs, type Route } from './routes';

// On the province's own report only: the office's data are read to tell whether the
// consolidation changed since its appendix was taken (a chunk of its own).
const ProvinceReportNotice = lazy(() =>
  retryImport(() => import('@/features/province/province-report-notice')).then((m) => ({
    default: m.ProvinceReportNotice,
  })),
);
// Beside each narrative field of the province's report: what the units wrote there.
const UnitsWrite = lazy(() =>
  retryImport(() => import('@/features/province/units-write')).then((m) => ({
    default: m.UnitsWrite,
  })),
);

type ReportRoute = Extract<Route, { name: 'report' }>;

// Before a report shows, what its journal holds that IndexedDB may not (the page went
// right after a keystroke) is applied. When that cannot be stored either, the values
// still show and the wizard's queue keeps trying (`unsaved`).
function useJournalReplay(reportId: string): { isReady: boolean; unsaved: Answers } {
  const [state, setState] = useState<{ reportId: string; unsaved: Answers } | null>(null);
  useEffect(() => {
    let isCurrent = true;
    void replayJournal(getDatabase(), reportId, new Date().toISOString()).then((unsaved) => {
      if (isCurrent) setState({ reportId, unsaved: Object.fromEntries(unsaved) });
    });
    return () => {
      isCurrent = false;
    };
  }, [reportId]);
  return state?.reportId === reportId
    ? { isReady: true, unsaved: state.unsaved }
    : { isReady: false, unsaved: {} };
}

export function ReportScreen({ route }: { route: ReportRoute }) {
  const { reportId } = route;
  const replay = useJournalReplay(reportId);
  const loaded = useLiveQuery(() => getReport(getDatabase(), reportId), [reportId]);
  // Read once the journal is applied: the form takes its values when it first shows.
  const restored = useLiveQuery(
    () => (replay.isReady ? getAnswers(getDatabase(), reportId) : undefined),
    [reportId, replay.isReady],
  );

  const answers = useMemo(
    () => (restored ? { ...restored.answers, ...replay.unsaved } : null),
    [restored, replay.unsaved],
  );

  if (!loaded || !restored || !answers || !replay.isReady) return <p>{vi.list.loading}</p>;
  if (loaded.status !== 'ok') {
    return (
      <div className="panel">
        <p role="alert">{loaded.status === 'missing' ? vi.wizard.notFound : vi.list.damagedNote}</p>
        <a href={hrefs.list}>{vi.wizard.backToList}</a>
      </div>
    );
  }
  const template = findTemplate(loaded.report.templateId, loaded.report.templateVersion);
  if (!template) {
    return (
      <div className="panel">
        <p role="alert">{vi.wizard.notFound}</p>
        <a href={hrefs.list}>{vi.wizard.backToList}</a>
      </div>
    );
  }
  const stepId = route.isReview ? null : (route.stepId ?? template.steps[0]!.id);
  const knownStep = stepId === null || template.steps.some((step) => step.id === stepId);
  // The review of a further document of the template (the good models), or the report's.
  const extraDocument = template.documents.find((document) => document.id === route.documentId);
  // Keyed by it: switching document mounts a new page.
  const documentId = extraDocument?.id ?? MAIN_DOCUMENT;
  return (
    <>
      {template.level === 'province' ? (
        // A notice that cannot load says so in its place; the report stays usable.
        <ErrorBoundary message={viApp.pwa.chunkFailed}>
          <Suspense fallback={null}>
            <ProvinceReportNotice reportId={reportId} updateHref={hrefs.province('report')} />
          </Suspense>
        </ErrorBoundary>
      ) : null}
      {loaded.report.deletedAt ? (
        <p className="notice warning" role="note">
          {vi.wizard.inTrash}
        </p>
      ) : null}
      <WizardScreen
        template={template}
        report={reportMeta(loaded.report)}
        answers={answers}
        unsavedAnswers={replay.unsaved}
        hasDamagedAnswers={restored.damaged.length > 0}
        stepId={knownStep ? stepId : template.steps[0]!.id}
        focusFieldId={route.fieldId}
        links={{
          list: hrefs.list,
          step: (id) => hrefs.step(reportId, id),
          review: hrefs.review(reportId),
        }}
        fieldAside={
          template.level === 'province'
            ? (criterion, insert) => (
                <ErrorBoundary message={viApp.pwa.chunkFailed}>
                  <Suspense fallback={null}>
                    <UnitsWrite
                      template={template}
                      criterion={criterion}
                      answers={answers}
                      insert={insert}
                    />
                  </Suspense>
                </ErrorBoundary>
              )
            : undefined
        }
        reviewTitle={vi.review.heading}
        reviewHeading={
          extraDocument ? vi.modelsDocument.review.heading(extraDocument.name) : undefined
        }
        review={
          <ReviewPage
            key={documentId}
            template={template}
            answers={restored.answers}
            unitName={loaded.report.unit.name}
            documentId={documentId}
            actions={
              extraDocument ? (
                <DocumentExportButtons
                  reportId={reportId}
                  documentId={extraDocument.id}
                  beforeExport={flushAll}
                />
              ) : (
                <>
                  <ExportButtons reportId={reportId} beforeExport={flushAll} />
                  <EmailButton
                    reportId={reportId}
                    beforeSend={flushAll}
                    docx={reportDocxAttachment}
                  />
                </>
              )
            }
            submission={
              // The province's own report goes to the Central Union, not to this endpoint.
              extraDocument || template.level === 'province' ? undefined : (
                <SubmitPanel
                  reportId={reportId}
                  template={template}
                  beforeSubmit={flushAll}
                  settingsHref={hrefs.settings}
                  errorsId="issues-heading"
                />
              )
            }
            links={{
              field: (step, field) => hrefs.step(reportId, step, field),
              document: (id) => hrefs.review(reportId, id === MAIN_DOCUMENT ? undefined : id),
            }}
          />
        }
      />
    </>
  );
}
