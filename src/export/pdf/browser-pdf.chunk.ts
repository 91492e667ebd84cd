// The browser side of the PDF chunk: fetches the embedded fonts (precached with the
// app) and renders with the shared writer.
import bold from './fonts/tinos-bold.ttf?url';
import boldItalic from './fonts/tinos-bolditalic.ttf?url';
import italic from './fonts/tinos-italic.ttf?url';
import normal from './fonts/tinos-normal.ttf?url';
import type { ReportFile } from '@/domain/report/report-schema';
import type { RenderProgress } from '../render-job';
import { embeddedReportOf } from './embedded-report-data';
import type { Letter } from '@/domain/letters/letter';
import {
  renderLetterPdf,
  renderReportPdf,
  type FontFiles,
  type PdfResult,
  type RenderInput,
} from './pdf-writer.chunk';

let fonts: Promise<FontFiles> | null = null;

async function base64Of(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`font ${url}: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function loadFonts(): Promise<FontFiles> {
  fonts ??= Promise.all([normal, bold, italic, boldItalic].map(base64Of))
    .then(([n, b, i, bi]) => ({ normal: n!, bold: b!, italic: i!, bolditalic: bi! }))
    .catch((error: unknown) => {
      fonts = null;
      throw error;
    });
  return fonts;
}

// With the report file the PDF embeds (every export from the app has one).
export async function renderInBrowser(
  input: RenderInput & { reportFile: ReportFile },
  onProgress?: (progress: RenderProgress) => void,
): Promise<PdfResult> {
  const embeddedReport = await embeddedReportOf(input.reportFile);
  return renderReportPdf({ ...input, embeddedReport }, await loadFonts(), onProgress);
}

export async function renderLetterInBrowser(letter: Letter): Promise<PdfResult> {
  return renderLetterPdf(letter, await loadFonts());
}
