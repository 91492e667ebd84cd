// Reading exported PDFs back with the poppler tools (Debian poppler-utils), and the
// `npm run pdf` command run as a child process. Shared by the export tests; each test
// keeps its own checks.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { spawnTsx } from '../support/server-process';

// Tests that need these tools fail without them, never skip. (Some exit non-zero on -v,
// pdfdetach with 99: only a tool that does not start counts as missing.)
export function requireTools(tools: readonly string[], neededBy: string): void {
  for (const tool of tools) {
    if (spawnSync(tool, ['-v'], { stdio: 'ignore' }).error) {
      throw new Error(
        `${tool} is missing: ${neededBy} need it. ` +
          'Install the Debian package poppler-utils: apt-get install -y poppler-utils',
      );
    }
  }
}

export type PdfCommandRun = { code: number | null; stdout: string; stderr: string };

// scripts/pdf.ts …args (what `npm run pdf --` runs) from the repository root, in one
// `node --import tsx` process: `npx tsx` would start npx, the tsx CLI and then the script
// (over a second of CPU more per run, and these tests start several at once).
export function runPdfCommand(args: string[]): Promise<PdfCommandRun> {
  return new Promise((resolve, reject) => {
    const child = spawnTsx('scripts/pdf.ts', args, {});
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

// The text of each page in content order (-raw): the order the layout draws, so a table
// cell's lines stay together (the default order rearranges short lines, and drops the
// hyphen where a line was broken after one). Split at the form feeds between pages, as
// printed: from page 2 on, a page's first line is usually its number.
export function rawPdfPages(path: string): string[] {
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', path, '-'], {
    encoding: 'utf8',
  }).split('\f');
}

// rawPdfPages without a page's number on its first line.
export function pdfTextPages(path: string): string[] {
  return rawPdfPages(path).map((page) => page.replace(/^\s*\d+\s*\n/, ''));
}

// Page `page` of the PDF rendered at 60 dpi to `${prefix}.png` (any older file removed
// first); the PNG's bytes.
export function renderPagePng(pdf: string, page: number, prefix: string): Buffer {
  rmSync(`${prefix}.png`, { force: true });
  execFileSync('pdftoppm', [
    '-r',
    '60',
    '-png',
    '-f',
    String(page),
    '-l',
    String(page),
    '-singlefile',
    pdf,
    prefix,
  ]);
  return readFileSync(`${prefix}.png`);
}

// Width and height from a PNG's IHDR chunk.
export function pngSize(png: Uint8Array): [number, number] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return [view.getUint32(16), view.getUint32(20)];
}

// The share of dark pixels (below mid-grey) on page `page` rendered in grey at 30 dpi:
// 0 for a blank page, 1 for a black one. A printed page of text is a few per cent.
export function pageInk(pdf: string, page: number): number {
  const pgm = execFileSync('pdftoppm', [
    '-r',
    '30',
    '-gray',
    '-f',
    String(page),
    '-l',
    String(page),
    '-singlefile',
    pdf,
  ]);
  // Binary PGM: "P5\n<width> <height>\n<max>\n" then one byte per pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a PGM');
  const pixels = pgm.subarray(header[0].length);
  let dark = 0;
  for (const value of pixels) if (value < 128) dark++;
  return dark / pixels.length;
}
