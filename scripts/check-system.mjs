// Stops `npm test` at once when a system package the tests need is missing, naming the
// Debian packages to install. Nothing is ever skipped silently.
import { accessSync, constants } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const needs = [
  { path: chromium, debian: 'chromium', why: 'end-to-end tests in a real browser' },
  { path: '/usr/bin/pdftotext', debian: 'poppler-utils', why: 'PDF text round-trip tests' },
  {
    path: '/usr/bin/qpdf',
    debian: 'qpdf',
    why: 'PDFs re-written by another program (embedded data)',
  },
  {
    path: '/usr/bin/gs',
    debian: 'ghostscript',
    why: 'PDFs re-written and printed by Ghostscript (embedded data)',
  },
  {
    path: '/usr/lib/libreoffice/program/libsclo.so',
    debian: 'libreoffice-calc-nogui',
    why: 'spreadsheet tests (LibreOffice converts the .xlsx to CSV)',
    readable: true,
  },
  {
    path: '/usr/bin/soffice',
    debian: 'libreoffice-writer-nogui',
    why: 'Word copy tests (LibreOffice opens and prints the .docx)',
  },
];

const missing = needs.filter(({ path, readable }) => {
  try {
    accessSync(path, readable ? constants.R_OK : constants.X_OK);
    return false;
  } catch {
    return true;
  }
});

if (missing.length > 0) {
  console.error('npm test needs system packages that are missing:');
  for (const need of missing) console.error(`  ${need.path} (${need.why})`);
  console.error(`Install them with: apt-get install -y ${missing.map((n) => n.debian).join(' ')}`);
  process.exit(1);
}
