// "Gửi email": the PDF (and, as chosen, the report file and the Word copy) go to the
// phone's share sheet with a subject and a body, so the user picks Gmail and presses
// send. Where files cannot be shared, they are downloaded and a mailto: link opens
// with the same subject and body; the UI says the files must be attached by hand.
// A report with entries in another document of its template (the summary of good models,
// with the list of materials as its appendix) sends that document's PDF too, and its Word
// copy when the Word copy is chosen.
import { isGroupItemEmpty, type GroupItem } from '@/domain/report/answer-kinds';
import { answerOrEmpty, type Answers } from '@/domain/report/answers';
import { documentSteps } from '@/domain/report/document-model';
import { reportFileName } from '@/domain/report/report-schema';
import { MAIN_DOCUMENT } from '@/domain/template/documents';
import type { Template } from '@/domain/template/template-schema';
import { vi } from '@/i18n/vi-report';
import { downloadFile } from '@/lib/download';
import { getDatabase } from '@/storage/db';
import { reportFileWithPhotos } from '@/storage/photo-file-repository';
import { getAnswers, getReport, markExported, reportMeta } from '@/storage/report-repository';
import { getEmailSettings } from '@/storage/settings-repository';
import { loadTemplates } from '@/templates/load-templates';
import { renderReportPdfFile } from '../pdf/export-report-pdf';

export const MAIL_LIMIT_BYTES = 20 * 1024 * 1024;

export type Attachment = { name: string; type: string; bytes: Uint8Array };
export type EmailDraft = {
  recipient: string;
  subject: string;
  body: string;
  attachments: Attachment[];
};
export type ShareOutcome = 'shared' | 'cancelled' | 'mailto' | 'needsGesture';

export type ExtraAttachment = (reportId: string, now: Date) => Promise<Attachment>;
// The Word copy of one document of the report.
export type DocumentAttachment = (
  reportId: string,
  now: Date,
  documentId: string,
) => Promise<Attachment>;

// The template's other documents that have something to say: an entry in one of the
// repeatable groups of their body (a good model; the list of materials alone is not
// enough, it is only that document's appendix).
export function documentsWithEntries(template: Template, answers: Answers): string[] {
  return template.documents
    .filter((document) =>
      documentSteps(template, document.id).some(
        (step) =>
          !step.isAppendix &&
          step.criteria.some(
            (criterion) =>
              criterion.kind === 'group' &&
              (answerOrEmpty(criterion, answers) as GroupItem[]).some(
                (item) => !isGroupItemEmpty(criterion.fields, item),
              ),
          ),
      ),
    )
    .map((document) => document.id);
}

export async function prepareEmail(
  reportId: string,
  options: {
    includeJson: boolean;
    // Makes the Word copies, when they are to be sent.
    docx?: DocumentAttachment | undefined;
    extras?: ExtraAttachment[];
    now?: Date;
  },
): Promise<EmailDraft> {
  const now = options.now ?? new Date();
  const db = getDatabase();
  const loaded = await getReport(db, reportId);
  if (loaded.status !== 'ok') throw new Error(`report ${reportId} cannot be read`);
  const { findTemplate } = await loadTemplates();
  const template = findTemplate(loaded.report.templateId, loaded.report.templateVersion);
  const settings = await getEmailSettings(db);
  const recipient = settings.recipient ?? template?.recipientEmail ?? '';
  const { answers } = await getAnswers(db, reportId);
  const documents = template ? documentsWithEntries(template, answers) : [];
  const pdf = await renderReportPdfFile(reportId, now);
  const attachments: Attachment[] = [
    { name: pdf.fileName, type: 'application/pdf', bytes: pdf.bytes },
  ];
  // The other documents' files, labelled in the body.
  const documentFiles = new Set<string>();
  for (const documentId of documents) {
    const other = await renderReportPdfFile(reportId, now, documentId);
    attachments.push({ name: other.fileName, type: 'application/pdf', bytes: other.bytes });
    documentFiles.add(other.fileName);
  }
  if (options.includeJson) {
    // With its photos (base64): the file restores the report whole.
    const file = await reportFileWithPhotos(
      db,
      reportMeta(loaded.report),
      answers,
      now.toISOString(),
    );
    attachments.push({
      name: reportFileName(file.report),
      type: 'application/json',
      bytes: new TextEncoder().encode(`${JSON.stringify(file, null, 2)}\n`),
    });
  }
  if (options.docx) {
    attachments.push(await options.docx(reportId, now, MAIN_DOCUMENT));
    for (const documentId of documents) {
      const other = await options.docx(reportId, now, documentId);
      attachments.push(other);
      documentFiles.add(other.name);
    }
  }
  for (const extra of options.extras ?? []) attachments.push(await extra(reportId, now));
  const unit = loaded.report.unit.name;
  return {
    recipient,
    subject: vi.email.subject(unit),
    body: vi.email.body(
      unit,
      recipient,
      attachments.map((a) =>
        documentFiles.has(a.name) ? vi.modelsDocument.email.file(a.name) : a.name,
      ),
    ),
    attachments,
  };
}

export function totalBytes(draft: EmailDraft): number {
  return draft.attachments.reduce((sum, a) => sum + a.bytes.length, 0);
}

export function mailtoUrl(draft: Pick<EmailDraft, 'recipient' | 'subject' | 'body'>): string {
  // Line breaks in a mailto: body are CRLF (RFC 6068).
  const body = draft.body.replace(/\r?\n/g, '\r\n');
  const query = `subject=${encodeURIComponent(draft.subject)}&body=${encodeURIComponent(body)}`;
  return `mailto:${encodeURIComponent(draft.recipient).replace(/%40/g, '@')}?${query}`;
}

export async function sendEmail(reportId: string, draft: EmailDraft): Promise<ShareOutcome> {
  const files = draft.attachments.map(
    (a) => new File([a.bytes as Uint8Array<ArrayBuffer>], a.name, { type: a.type }),
  );
  const data: ShareData = { files, title: draft.subject, text: draft.body };
  if (
    typeof navigator.canShare === 'function' &&
    typeof navigator.share === 'function' &&
    navigator.canShare(data)
  ) {
    try {
      await navigator.share(data);
      await markExported(getDatabase(), reportId, new Date().toISOString());
      return 'shared';
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return 'cancelled';
      throw error;
    }
  }
  for (const attachment of draft.attachments) {
    downloadFile(attachment.name, attachment.bytes as Uint8Array<ArrayBuffer>, attachment.type);
  }
  await markExported(getDatabase(), reportId, new Date().toISOString());
  const link = document.createElement('a');
  link.href = mailtoUrl(draft);
  link.click();
  return 'mailto';
}
