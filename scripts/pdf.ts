// `npm run pdf -- <report-file.json> <out.pdf>`: renders a report file exactly as the
// app does (same layout, writer and fonts). On an invalid file it says why, exits 1
// and writes nothing.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { readFontFiles as fontFiles } from '../src/export/pdf/fonts-node';
import { renderReportPdf } from '../src/export/pdf/pdf-writer.chunk';
import { readReportFile } from '../src/export/pdf/report-file-input';
import { vi } from '../src/i18n/vi-report';
import { findTemplate } from '../src/templates/template-registry';

z.config(z.locales.vi());

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error(vi.cli.usage);
  process.exit(2);
}
let text: string;
try {
  text = readFileSync(input, 'utf8');
} catch {
  console.error(vi.cli.cannotRead(input));
  process.exit(1);
}
const read = readReportFile(text, input, findTemplate);
if (!read.ok) {
  console.error(read.message);
  process.exit(1);
}
const result = renderReportPdf(
  {
    template: read.template,
    answers: read.answers,
    unitName: read.file.report.unit.name,
    title: read.file.report.name,
  },
  fontFiles(),
);
if (result.replacedCharacters.length > 0)
  console.error(vi.pdf.replaced(result.replacedCharacters.join(' ')));
// Written beside the target and renamed, so a failure never leaves half a file.
const temporary = `${output}.part`;
writeFileSync(temporary, result.bytes);
renameSync(temporary, output);
console.log(vi.cli.written(output, result.pageCount, Math.round(result.bytes.length / 1024)));
