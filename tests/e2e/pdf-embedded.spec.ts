// The PDF carries its data: a report typed in the app and exported with "Xuất PDF" holds
// so-ket.json (poppler's pdfdetach saves it), byte-equal to the canonical form of the
// report file "Xuất tệp dữ liệu báo cáo" writes at the same moment; the reader, loaded in
// Chromium as the app loads it (embedded-report.ts importing its lazy chunk), gives the
// same bytes back; the fingerprint printed on the last page is that file's.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { canonicalReportFileJson } from '../../src/domain/report/fingerprint';
import { reportFileSchema } from '../../src/domain/report/report-schema';
import type * as EmbeddedReport from '../../src/export/pdf/embedded-report';
import { expect, test } from './support/fixtures';

const NAME = 'Báo cáo sơ kết NQ01 – Huyện Đoàn Hồng Dân';
const SIGNER = 'Nguyễn Thị Ánh Tuyết';
const READER_PATH = '/__test-reader/';
const root = fileURLToPath(new URL('../..', import.meta.url));
let readerDir = '';

// The reader entry and its lazy chunk, built by Vite as the app's build makes them (the
// app imports the entry from the province office's screens).
test.beforeAll(async () => {
  readerDir = mkdtempSync(join(tmpdir(), 'so-ket-reader-'));
  await build({
    configFile: false,
    logLevel: 'warn',
    root,
    resolve: { alias: { '@': join(root, 'src') } },
    build: {
      outDir: readerDir,
      emptyOutDir: true,
      target: 'es2022',
      lib: {
        entry: join(root, 'src/export/pdf/embedded-report.ts'),
        formats: ['es'],
        fileName: 'embedded-report',
      },
    },
  });
});

test.afterAll(() => rmSync(readerDir, { recursive: true, force: true }));

test('an exported PDF carries the report file, and the reader gives it back', async ({
  page,
  list,
  wizard,
  review,
}) => {
  await page.route(`**${READER_PATH}*`, (route) =>
    route.fulfill({
      contentType: 'text/javascript',
      body: readFileSync(
        join(readerDir, new URL(route.request().url()).pathname.slice(READER_PATH.length)),
      ),
    }),
  );
  const files = readdirSync(readerDir);
  expect(files.some((file) => file.startsWith('embedded-report-reader.chunk'))).toBe(true);

  await list.goto();
  const reportId = await list.createReport();
  await wizard.field('Họ và tên người ký').fill(SIGNER);
  await wizard.waitUntilSaved();
  await wizard.openFromToc('Xem lại báo cáo', 'Xem lại báo cáo');
  const pdfPath = await (await review.exportPdf()).path();

  await list.goto();
  const reportFile = reportFileSchema.parse(
    JSON.parse(readFileSync(await (await list.exportJson(NAME)).path(), 'utf8')),
  );
  expect(reportFile.report.id).toBe(reportId);
  const canonical = canonicalReportFileJson(reportFile);
  expect(canonical).toContain(SIGNER);

  const saved = join(readerDir, 'so-ket.json');
  execFileSync('pdfdetach', ['-save', '1', '-o', saved, pdfPath]);
  expect(readFileSync(saved).equals(Buffer.from(canonical, 'utf8'))).toBe(true);

  const pdfBase64 = readFileSync(pdfPath).toString('base64');
  const read = await page.evaluate(
    async ({ url, base64 }) => {
      const reader = (await import(url)) as typeof EmbeddedReport;
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const found = await reader.readEmbeddedReport(bytes);
      const none = await reader.readEmbeddedReport(bytes.subarray(0, bytes.length >> 1));
      const notPdf = await reader.readEmbeddedReport(new TextEncoder().encode('xin chào'));
      return { found, none: none.kind, notPdf: notPdf.kind };
    },
    { url: `${READER_PATH}embedded-report.js`, base64: pdfBase64 },
  );
  expect(read.found).toEqual({ kind: 'found', text: canonical });
  expect(read.none).toBe('none');
  expect(read.notPdf).toBe('not-pdf');

  const fingerprint = createHash('sha256').update(canonical).digest('hex').slice(0, 8);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' });
  expect(text).toContain(`Mã dữ liệu: ${fingerprint}`);
});
