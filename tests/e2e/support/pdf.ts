// A downloaded PDF as bytes and as text (poppler's pdftotext, installed on the machine).
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import type { Download } from '@playwright/test';

const run = promisify(execFile);

export type DownloadedPdf = { name: string; head: string; text: string };

export async function readPdf(download: Download): Promise<DownloadedPdf> {
  const path = await download.path();
  const bytes = await readFile(path);
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', path, '-']);
  return {
    name: download.suggestedFilename(),
    head: bytes.subarray(0, 5).toString('latin1'),
    // Lines wrap and justified lines stretch: compare words, not layout.
    text: stdout.replace(/\s+/g, ' '),
  };
}
