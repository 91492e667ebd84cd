// "Xem lại": the whole report as a readable document, in order, and the list of what is
// missing or invalid, each linking to its field.
import type { ReactNode } from 'react';
import type { Answers } from '@/domain/report/answers';
import { buildReportDocument, type DocumentBlock } from '@/domain/report/document-model';
import { reportProgress } from '@/domain/report/progress';
import { findCriterion, type Template } from '@/domain/template/template-schema';
import { documentWords } from '@/i18n/document';
import { appendixIssueMessage, issueMessage, vi } from '@/i18n/vi-report';
import { AppendixView } from './appendix-view';

// `field` also takes a cell key ("<indicatorId>-<year>") of an appendix table.
export type ReviewLinks = { field: (stepId: string, criterionId: string) => string };

function Block({ block, links }: { block: DocumentBlock; links: ReviewLinks }): ReactNode {
  switch (block.kind) {
    case 'heading': {
      const text = `${block.number} ${block.title}`.trim();
      if (block.level === 'part' || block.level === 'section')
        return <h3 className={`doc-${block.level}`}>{text}</h3>;
      return <h4 className={`doc-${block.level}`}>{text}</h4>;
    }
    case 'label':
      return <p className="doc-label">{block.text}</p>;
    case 'paragraph':
      return <p className="doc-paragraph">{block.text}</p>;
    case 'listItem':
      return (
        <p className="doc-list-item">
          {block.bullet} {block.text}
        </p>
      );
    case 'missing':
      return (
        <p className="doc-missing">
          <a href={links.field(block.stepId, block.criterionId)}>
            {documentWords.missingAnswer} {block.label}
          </a>
        </p>
      );
  }
}

export function ReviewPage({
  template,
  answers,
  unitName,
  links,
  actions,
  footer,
}: {
  template: Template;
  answers: Answers;
  unitName: string;
  links: ReviewLinks;
  // Export buttons, composed in by app/.
  actions?: ReactNode;
  // After the document (e.g. "Nộp báo cáo"), composed in by app/.
  footer?: ReactNode;
}) {
  const document = buildReportDocument(template, answers, unitName);
  const { issues, appendix } = reportProgress(template, answers);
  const { header, closing } = document;
  const indicators = new Map(
    appendix.tables.flatMap((table) =>
      table.rows.map((row) => [row.indicator.id, row.indicator] as const),
    ),
  );
  const labelOf = (id: string) => indicators.get(id)?.label ?? id;
  const unitOf = (id: string) => indicators.get(id)?.unit ?? 'count';
  const hasAppendixData = appendix.tables.some((table) =>
    table.rows.some((row) => Object.values(row.values).some((v) => v !== null && v !== undefined)),
  );
  return (
    <div className="review">
      {actions ? <div className="review-actions">{actions}</div> : null}
      <section aria-labelledby="issues-heading" className="review-issues">
        <h3 id="issues-heading">{vi.review.missingHeading}</h3>
        {issues.length === 0 && appendix.issues.length === 0 ? (
          <p className="notice success">{vi.review.noIssues}</p>
        ) : (
          <ul>
            {issues.map((issue) => {
              const found = findCriterion(template, issue.criterionId);
              if (!found) return null;
              const max = 'maxLength' in found.criterion ? found.criterion.maxLength : 0;
              const value = answers[issue.criterionId];
              const length = typeof value === 'string' ? [...value].length : 0;
              return (
                <li key={issue.criterionId}>
                  <a href={links.field(issue.stepId, issue.criterionId)}>
                    {vi.review.goToField(found.step.shortTitle, found.criterion.label)}
                  </a>
                  {' – '}
                  {issueMessage(issue.code, { length, max })}
                </li>
              );
            })}
            {appendix.issues.map((issue) => (
              <li key={issue.key} className={`appendix-${issue.severity}`}>
                <a
                  href={links.field(issue.stepId, `${issue.indicatorId}-${issue.year ?? 'target'}`)}
                >
                  {vi.appendix.issuesInReview}: {appendixIssueMessage(issue, labelOf, unitOf)}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>

      <article className="document" aria-label={vi.review.documentPreview} lang="vi">
        <div className="doc-header">
          <div className="doc-header-left">
            {header.layout === 'older' ? <p className="doc-strong">{header.union}</p> : null}
            <p>{header.superiorBody}</p>
            <p className="doc-strong">{header.issuingBody}</p>
            <p>{header.separator}</p>
            <p>{header.numberLine}</p>
          </div>
          <div className="doc-header-right">
            {header.layout === 'rules-2013' ? (
              <p className="doc-strong doc-underline">{header.union}</p>
            ) : null}
            <p className="doc-date">{header.dateLine}</p>
          </div>
        </div>
        <p className="doc-title">{document.title}</p>
        <p className="doc-subject">{document.subject}</p>
        <hr className="doc-rule" />
        {document.body.map((block, index) => (
          <Block key={index} block={block} links={links} />
        ))}
        <div className="doc-closing">
          <div className="doc-recipients">
            <p className="doc-strong">{closing.recipientsHeading}</p>
            {closing.recipients.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </div>
          <div className="doc-signature">
            <p className="doc-strong">{closing.signingLine}</p>
            <p>{closing.position}</p>
            <div className="doc-signature-space" />
            <p className="doc-strong">{closing.signerName || documentWords.missingAnswer}</p>
          </div>
        </div>
      </article>
      {hasAppendixData ? (
        <article className="document appendix" aria-labelledby="appendix-title" lang="vi">
          <p className="doc-title">{document.appendixHeading}</p>
          <p className="doc-subject" id="appendix-title">
            {template.appendixTitle}
          </p>
          <p className="doc-date doc-center">{document.appendixNote}</p>
          <AppendixView tables={appendix.tables} years={appendix.years} />
        </article>
      ) : null}
      {footer}
    </div>
  );
}
