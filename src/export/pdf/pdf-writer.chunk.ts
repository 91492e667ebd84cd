// The one module that knows jsPDF: registers the embedded fonts, gives the layout its
// text metrics, and draws the laid-out pages. Loaded with import() on the first export
// in the browser (and precached); imported directly by the Node command (scripts/pdf.ts),
// so both produce the same file.
import { jsPDF } from 'jspdf';
import { letterDocument, type Letter } from '@/domain/letters/letter';
import { buildReportDocument } from '@/domain/report/document-model';
import { MAIN_DOCUMENT } from '@/domain/template/documents';
import { EMBEDDED_REPORT_NAME, EMBEDDED_REPORT_TYPE } from '@/domain/report/fingerprint';
import { documentWords } from '@/i18n/document';
import { documentDataWords } from '@/i18n/document-data';
import { appendixLabels } from '../appendix-labels';
import { documentProperties, type PhotoAssets, type RenderInput } from '../render-input';
import type { RenderProgress } from '../render-job';
import { drawChartPdf } from './chart-pdf';
import { attachEmbeddedFile, type PdfInternals } from './embedded-file-writer';
import type { FontStyle } from './format';
import { PT } from './format';
import { layoutReport, type Measure, type PageLayout } from './layout';
import { layoutLetter } from './letter-layout';

export type FontFiles = Record<FontStyle, string>; // base64 TrueType
export const FONT_STYLES: readonly FontStyle[] = ['normal', 'bold', 'italic', 'bolditalic'];
// jsPDF embeds only the glyphs used and names the font as registered: a subset must carry
// a six-letter tag before its PostScript name (PDF 32000-1, 9.6.4), one per subset.
export const FONT_NAMES: Record<FontStyle, string> = {
  normal: 'SKTNRG+Tinos-Regular',
  bold: 'SKTNBD+Tinos-Bold',
  italic: 'SKTNIT+Tinos-Italic',
  bolditalic: 'SKTNBI+Tinos-BoldItalic',
};

export type PdfResult = {
  bytes: Uint8Array;
  pageCount: number;
  isDraft: boolean;
  // Characters the font cannot draw; each was replaced by a visible marker.
  replacedCharacters: string[];
};

function createPdf(fonts: FontFiles) {
  const pdf = new jsPDF({
    unit: 'mm',
    format: 'a4',
    orientation: 'portrait',
    compress: true,
    putOnlyUsedFonts: true,
    // Coordinates to a thousandth of a point, not jsPDF's default 16 digits: a justified
    // line is drawn word by word, and the digits were a sixth of each page's stream.
    floatPrecision: 3,
  });
  for (const style of FONT_STYLES) {
    const file = `tinos-${style}.ttf`;
    pdf.addFileToVFS(file, fonts[style]);
    pdf.addFont(file, FONT_NAMES[style], style);
  }
  return pdf;
}

function measurer(pdf: jsPDF): Measure {
  const cache = new Map<string, number>();
  return (text, style, size) => {
    const key = `${style}|${size}|${text}`;
    let width = cache.get(key);
    if (width === undefined) {
      pdf.setFont(FONT_NAMES[style], style);
      width = pdf.getStringUnitWidth(text) * size * PT;
      cache.set(key, width);
    }
    return width;
  };
}

// Text widths of the embedded fonts, as the writer measures them (for tests and tools).
export function createMeasure(fonts: FontFiles): Measure {
  return measurer(createPdf(fonts));
}

function draw(
  pdf: jsPDF,
  pages: readonly PageLayout[],
  photos: PhotoAssets | undefined,
  onProgress: (progress: RenderProgress) => void,
) {
  pages.forEach((page, index) => {
    onProgress({ stage: 'page', page: index + 1, pages: pages.length });
    if (index > 0) pdf.addPage('a4', page.orientation);
    for (const item of page.items) {
      if (item.kind === 'image') {
        const photo = photos?.get(item.photoId);
        if (photo) {
          // The JPEG goes in as it is (DCTDecode, no re-encoding); the alias embeds a photo
          // shown twice only once.
          pdf.addImage(
            photo.bytes,
            'JPEG',
            item.x,
            item.y,
            item.w,
            item.h,
            `photo-${item.photoId}`,
            'NONE',
          );
        }
      } else if (item.kind === 'chart') {
        drawChartPdf(pdf, item, (style) => FONT_NAMES[style]);
      } else if (item.kind === 'text') {
        pdf.setFont(FONT_NAMES[item.style], item.style);
        pdf.setFontSize(item.size);
        pdf.text(item.text, item.x, item.y);
      } else if (item.kind === 'line') {
        pdf.setLineWidth(item.width);
        pdf.setLineDashPattern(item.dash ?? [], 0);
        pdf.line(item.x1, item.y1, item.x2, item.y2);
      } else {
        pdf.setLineWidth(item.width);
        pdf.setLineDashPattern([], 0);
        pdf.rect(item.x, item.y, item.w, item.h, 'S');
      }
    }
  });
}

export type { RenderInput } from '../render-input';

// The document model and its pages, exactly as renderReportPdf draws them.
export function layoutReportInput(input: RenderInput, measure: Measure) {
  const document = buildReportDocument(
    input.template,
    input.answers,
    input.unitName,
    input.documentId ?? MAIN_DOCUMENT,
  );
  const layout = layoutReport(document, {
    measure,
    missingText: documentWords.missingAnswer,
    draftText: documentWords.draftMark,
    photoSizes: input.photos ?? new Map(),
    missingPhotoText: documentWords.missingPhoto,
    appendixLabels: appendixLabels(),
    fingerprintText:
      input.embeddedReport && documentDataWords.fingerprint(input.embeddedReport.fingerprint),
    charts: input.charts,
  });
  return { document, layout };
}

export function renderReportPdf(
  input: RenderInput,
  fonts: FontFiles,
  onProgress: (progress: RenderProgress) => void = () => {},
): PdfResult {
  const pdf = createPdf(fonts);
  const { document, layout } = layoutReportInput(input, measurer(pdf));
  pdf.setProperties({
    ...documentProperties(input),
    author: input.unitName,
    creator: 'so-ket',
  });
  pdf.setLanguage('vi');
  if (input.embeddedReport) {
    attachEmbeddedFile(pdf.internal as unknown as PdfInternals, {
      name: EMBEDDED_REPORT_NAME,
      mimeType: EMBEDDED_REPORT_TYPE,
      description: 'so-ket report file',
      bytes: new TextEncoder().encode(input.embeddedReport.json),
    });
  }
  draw(pdf, layout.pages, input.photos, onProgress);
  onProgress({ stage: 'file' });
  return {
    bytes: new Uint8Array(pdf.output('arraybuffer')),
    pageCount: layout.pages.length,
    isDraft: document.isDraft,
    replacedCharacters: layout.replacedCharacters,
  };
}

// An office letter (domain/letters/letter.ts) with the same fonts and drawing.
export function renderLetterPdf(letter: Letter, fonts: FontFiles): PdfResult {
  const pdf = createPdf(fonts);
  const document = letterDocument(letter);
  const layout = layoutLetter(document, measurer(pdf));
  pdf.setProperties({
    title: document.header.subjectLine,
    subject: document.salutation,
    author: document.header.issuingBody,
    creator: 'so-ket',
  });
  pdf.setLanguage('vi');
  draw(pdf, layout.pages, undefined, () => {});
  return {
    bytes: new Uint8Array(pdf.output('arraybuffer')),
    pageCount: layout.pages.length,
    isDraft: false,
    replacedCharacters: layout.replacedCharacters,
  };
}
