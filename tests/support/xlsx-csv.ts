// An .xlsx opened by LibreOffice headless and converted to CSV, every sheet to its own
// file, cells as shown (formatted): what a person opening the file would read.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

import { SOFFICE_TIMEOUT } from './libreoffice';

export { SOFFICE_TIMEOUT };

// RFC 4180 CSV as LibreOffice writes it: quoted cells may hold commas, quotes, newlines.
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i += 1;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && (c === ',' || c === '\n')) {
      row.push(cell);
      cell = '';
      if (c === '\n') {
        rows.push(row);
        row = [];
      }
    } else if (quoted || c !== '\r') {
      cell += c;
    }
  }
  return rows;
}

// Writes the bytes to dir/<name>.xlsx and resolves with each sheet's rows by sheet name.
// Asynchronous, so a test can go on in the browser while LibreOffice starts and converts.
export async function xlsxSheetsAsCsv(
  dir: string,
  name: string,
  bytes: Uint8Array,
): Promise<Map<string, string[][]>> {
  const xlsx = join(dir, `${name}.xlsx`);
  writeFileSync(xlsx, bytes);
  // UTF-8 (76), every sheet to its own file (-1), cells as shown (formatted).
  await promisify(execFile)(
    'soffice',
    [
      `-env:UserInstallation=${pathToFileURL(join(dir, 'lo-profile')).href}`,
      '--headless',
      '--convert-to',
      'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1',
      '--outdir',
      dir,
      xlsx,
    ],
    { timeout: SOFFICE_TIMEOUT },
  ).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT')
      throw new Error('soffice is missing: apt-get install -y libreoffice-calc-nogui');
    throw error;
  });
  const prefix = `${basename(name)}-`;
  return new Map(
    readdirSync(dir)
      .filter((file) => file.endsWith('.csv') && file.startsWith(prefix))
      .map((file) => [
        file
          .normalize('NFC')
          .slice(prefix.length)
          .replace(/\.csv$/, ''),
        parseCsv(readFileSync(join(dir, file), 'utf8')),
      ]),
  );
}
