// An office letter's files: the PDF (the report's writer and fonts, loaded on first use
// and precached) and the Word copy (the docx writer chunk), downloaded; and the email to
// the unit as a mailto: link whose body is the letter's text.
import { letterText, type Letter } from '@/domain/letters/letter';
import { asciiSlug } from '@/domain/report/report-schema';
import { downloadFile } from '@/lib/download';
import { cachedImport } from '@/lib/retry-import';
import type * as DocxWriterChunk from '../docx/docx-writer.chunk';
import type * as BrowserPdfChunk from '../pdf/browser-pdf.chunk';
import { mailtoUrl } from '../share/share-report';

const loadPdf = cachedImport(
  (): Promise<typeof BrowserPdfChunk> => import('../pdf/browser-pdf.chunk'),
);
const loadDocx = cachedImport(
  (): Promise<typeof DocxWriterChunk> => import('../docx/docx-writer.chunk'),
);

const KIND_SLUG: Record<Letter['kind'], string> = {
  reminder: 'nhac-nop',
  completion: 'de-nghi-bo-sung',
};

// "CV-27-nhac-nop-huyen-doan-dong-hai-2013-09-12.pdf" ("CV-nhac-nop-…" without a number).
export function letterFileName(letter: Letter, extension: 'pdf' | 'docx'): string {
  const number = asciiSlug(letter.number);
  return [
    'CV',
    ...(number ? [number] : []),
    KIND_SLUG[letter.kind],
    asciiSlug(letter.unitName) || 'don-vi',
    letter.date,
  ]
    .join('-')
    .concat(`.${extension}`);
}

export type LetterFile = { name: string; type: string; bytes: Uint8Array };

// The letter's PDF or Word copy, rendered but not saved yet.
export async function renderLetterFile(
  letter: Letter,
  format: 'pdf' | 'docx',
): Promise<LetterFile> {
  if (format === 'pdf') {
    const { renderLetterInBrowser } = await loadPdf();
    const result = await renderLetterInBrowser(letter);
    return { name: letterFileName(letter, 'pdf'), type: 'application/pdf', bytes: result.bytes };
  }
  const { renderLetterDocx } = await loadDocx();
  return {
    name: letterFileName(letter, 'docx'),
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    bytes: await renderLetterDocx(letter),
  };
}

export function saveLetterFile(file: LetterFile): void {
  downloadFile(file.name, file.bytes as Uint8Array<ArrayBuffer>, file.type);
}

// The subject is the letter's subject line; the body its text, as printed.
export function letterMailto(letter: Letter): string {
  return mailtoUrl({
    recipient: letter.email.trim(),
    subject: letter.subjectLine.trim(),
    body: letterText(letter),
  });
}
