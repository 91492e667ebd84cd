// "Xem lại": the whole report as a readable document, in order, and the list of what is
// missing or invalid, each linking to its field. The same page shows each further
// document of the template (the summary of good models, with its appendix), and the
// report's page links to them.
import type { ReactNode } from 'react';
import { issueLimit, type PhotoRef } from '@/domain/report/answer-kinds';
import type { Answers } from '@/domain/report/answers';
import {
  buildReportDocument,
  documentSteps,
  type DocumentBlock,
} from '@/domain/report/document-model';
import {
  reportProgress,
  reviewItems,
  type FieldIssue,
  type ReviewItem,
} from '@/domain/report/progress';
import { MAIN_DOCUMENT } from '@/domain/template/documents';
import { findCriterion, type Template } from '@/domain/template/template-schema';
import { documentWords } from '@/i18n/document';
import { viProgress } from '@/i18n/vi-progress';
import { appendixIssueMessage, issueMessage, vi } from '@/i18n/vi-report';
import { ScrollTable } from '@/ui/scroll-table';
import { AppendixView } from './appendix-view';
import { usePhotoUrls } from './use-photo-urls';

// `field` also takes a cell key ("<indicatorId>-<year>") of an appendix table.
// `document` is the review page of a document of the template (MAIN_DOCUMENT or one of
// `template.documents`).
export type ReviewLinks = {
  field: (stepId: string, criterionId: string) => string;
  document?: (documentId: string) => string;
};

// Photos two to a row, each with its caption, as the document prints them.
function PhotoGrid({
  photos,
  urls,
}: {
  photos: readonly PhotoRef[];
  urls: ReadonlyMap<string, string> | null;
}) {
  return (
    <div className="doc-photos">
      {photos.map((photo, index) => {
        const url = urls?.get(photo.photoId);
        const caption = photo.caption.trim();
        return (
          <figure key={`${photo.photoId}-${index}`} className="doc-photo">
            {url ? (
              <img
                src={url}
                alt={caption || `${vi.modelsDocument.review.photos} ${index + 1}`}
                loading="lazy"
                decoding="async"
              />
            ) : (
              <div className="doc-photo-missing">
                {urls ? vi.modelsDocument.review.photoMissing : vi.photos.loading}
              </div>
            )}
            {caption ? <figcaption>{caption}</figcaption> : null}
          </figure>
        );
      })}
    </div>
  );
}

function Block({
  block,
  links,
  template,
  photoUrls,
}: {
  block: DocumentBlock;
  links: ReviewLinks;
  template: Template;
  photoUrls: ReadonlyMap<string, string> | null;
}): ReactNode {
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
    case 'photos':
      return <PhotoGrid photos={block.photos} urls={photoUrls} />;
    case 'table': {
      const label = findCriterion(template, block.criterionId)?.criterion.label ?? '';
      return (
        <>
          <p className="doc-label">{block.title}</p>
          <ScrollTable label={label} columns={block.columns.map((column) => column.label)}>
            {block.rows.map((row, rowIndex) => (
              <tr key={rowIndex}>
                {row.map((cell, cellIndex) => (
                  <td
                    key={cellIndex}
                    className={[
                      cellIndex === 0 ? 'sticky-col' : '',
                      block.columns[cellIndex]?.align === 'center' ? 'doc-cell-center' : '',
                      block.columns[cellIndex]?.align === 'right' ? 'doc-cell-right' : '',
                    ]
                      .filter(Boolean)
                      .join(' ')}
                  >
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </ScrollTable>
        </>
      );
    }
  }
}

function photoIdsOf(blocks: readonly DocumentBlock[]): string[] {
  return [
    ...new Set(
      blocks.flatMap((block) =>
        block.kind === 'photos' ? block.photos.map((photo) => photo.photoId) : [],
      ),
    ),
  ];
}

export function ReviewPage({
  template,
  answers,
  unitName,
  links,
  documentId = MAIN_DOCUMENT,
  actions,
  submission,
  photoUrls: givenPhotoUrls,
}: {
  template: Template;
  answers: Answers;
  unitName: string;
  links: ReviewLinks;
  // The photos' URLs when they do not come from this device's photo store (a report
  // file received by the province office); a photo not in the map prints as missing.
  photoUrls?: ReadonlyMap<string, string>;
  // Which document of the template is shown: the report, or e.g. 'models'.
  documentId?: string;
  // Export buttons of the document shown, composed in by app/.
  actions?: ReactNode;
  // "Nộp báo cáo" and the submission state, composed in by app/: shown with the actions,
  // before the issue list and the preview, so that on a phone it is on the first screens.
  submission?: ReactNode;
}) {
  const isMain = documentId === MAIN_DOCUMENT;
  const document = buildReportDocument(template, answers, unitName, documentId);
  const progress = reportProgress(template, answers);
  const appendix = progress.appendix;
  // Each page lists what its own document lacks: its steps, and for a further document
  // the report's header and closing fields it prints too (both make it a draft). The
  // report's page says how much each other document's own steps lack beside its link.
  const includesOf =
    (id: string, withSharedFields: boolean) => (stepId: string, criterionId: string) => {
      const stepIds = new Set(documentSteps(template, id).map((step) => step.id));
      const shared = new Set(withSharedFields ? Object.values(template.documentFields) : []);
      return stepIds.has(stepId) || shared.has(criterionId);
    };
  const issuesOf = (id: string, withSharedFields: boolean): FieldIssue[] => {
    const includes = includesOf(id, withSharedFields);
    return progress.issues.filter((issue) => includes(issue.stepId, issue.criterionId));
  };
  const { errors, warnings } = reviewItems(progress, includesOf(documentId, !isMain));
  const storedPhotoUrls = usePhotoUrls(
    givenPhotoUrls ? [] : photoIdsOf([...document.body, ...document.appendixBody]),
  );
  const photoUrls = givenPhotoUrls ?? storedPhotoUrls;
  const { header, closing } = document;
  const documentLink = links.document;
  // The link names the field (an appendix issue: the whole message); the message follows.
  const itemText = (item: ReviewItem): [link: string, message: string | null] => {
    if (item.kind === 'appendix')
      return [
        `${vi.appendix.issuesInReview}: ${appendixIssueMessage(item.issue, labelOf, unitOf)}`,
        null,
      ];
    const found = findCriterion(template, item.issue.criterionId);
    if (!found) return [item.issue.criterionId, null];
    const max = issueLimit(found.criterion, item.issue.code);
    const value = answers[item.issue.criterionId];
    const length = typeof value === 'string' ? [...value].length : 0;
    return [
      vi.review.goToField(found.step.shortTitle, found.criterion.label),
      issueMessage(item.issue.code, { length, max }),
    ];
  };
  const labelOf = (id: string) => appendix.indicators.get(id)?.label ?? id;
  const unitOf = (id: string) => appendix.indicators.get(id)?.unit ?? 'count';
  const hasAppendixData =
    isMain &&
    appendix.tables.some((table) =>
      table.rows.some((row) =>
        Object.values(row.values).some((v) => v !== null && v !== undefined),
      ),
    );
  return (
    <div className="review">
      {!isMain && documentLink ? (
        <p className="review-back">
          <a href={documentLink(MAIN_DOCUMENT)}>← {vi.modelsDocument.review.backToMain}</a>
        </p>
      ) : null}
      {actions ? <div className="review-actions">{actions}</div> : null}
      {submission}
      <section aria-labelledby="issues-heading" className="review-issues">
        <h3 id="issues-heading" tabIndex={-1}>
          {vi.review.missingHeading}
        </h3>
        <p className="review-progress">
          {vi.wizard.progress(progress.requiredDone, progress.requiredTotal)}
        </p>
        {errors.length === 0 && warnings.length === 0 ? (
          <p className="notice success">
            {isMain ? vi.review.noIssues : vi.modelsDocument.review.noIssues}
          </p>
        ) : (
          <>
            {(['errors', 'warnings'] as const).map((group) => {
              const items = group === 'errors' ? errors : warnings;
              if (items.length === 0) return null;
              const heading =
                group === 'errors'
                  ? viProgress.errorsHeading(items.length)
                  : viProgress.warningsHeading(items.length);
              return (
                <section
                  key={group}
                  className={`review-group review-${group}`}
                  aria-labelledby={`review-${group}-heading`}
                >
                  <h4 id={`review-${group}-heading`}>{heading}</h4>
                  <p className="review-group-note">
                    {group === 'errors' ? viProgress.errorsNote : viProgress.warningsNote}
                  </p>
                  <ul>
                    {items.map((item) => {
                      const [link, message] = itemText(item);
                      return (
                        <li key={item.key}>
                          <a href={links.field(item.target.stepId, item.target.fieldKey)}>{link}</a>
                          {message ? ` – ${message}` : null}
                        </li>
                      );
                    })}
                  </ul>
                </section>
              );
            })}
          </>
        )}
      </section>

      {isMain && documentLink && template.documents.length > 0 ? (
        <nav className="review-documents" aria-label={vi.modelsDocument.review.otherDocuments}>
          <ul>
            {template.documents.map((other) => {
              const count = issuesOf(other.id, false).length;
              return (
                <li key={other.id}>
                  <a href={documentLink(other.id)}>{vi.modelsDocument.review.open(other.name)}</a>
                  {count > 0 ? ` ${vi.modelsDocument.review.openWithIssues(count)}` : null}
                </li>
              );
            })}
          </ul>
        </nav>
      ) : null}

      <article className="document" aria-label={vi.review.documentPreview} lang="vi">
        <div className="doc-header">
          <div className="doc-header-left">
            {header.layout === 'older' ? <p className="doc-strong">{header.union}</p> : null}
            {header.superiorBody ? <p>{header.superiorBody}</p> : null}
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
          <Block
            key={index}
            block={block}
            links={links}
            template={template}
            photoUrls={photoUrls}
          />
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
      {hasAppendixData || document.appendixBody.length > 0 ? (
        <article className="document appendix" aria-labelledby="appendix-title" lang="vi">
          <p className="doc-title">
            {hasAppendixData ? document.appendixHeading : document.appendixBodyHeading}
          </p>
          <p className="doc-subject" id="appendix-title">
            {document.appendixTitle}
          </p>
          <p className="doc-date doc-center">{document.appendixNote}</p>
          {hasAppendixData ? <AppendixView evaluation={appendix} /> : null}
          {document.appendixBody.map((block, index) => (
            <Block
              key={index}
              block={block}
              links={links}
              template={template}
              photoUrls={photoUrls}
            />
          ))}
        </article>
      ) : null}
    </div>
  );
}
