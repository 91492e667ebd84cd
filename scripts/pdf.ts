// `npm run pdf -- <report-file.json> <out.pdf> [--document <id>]`: renders a report file
// exactly as the app does (same layout, writer and fonts): the review report, or with
// `--document models` the summary of good models with its photos (carried in the file as
// base64). On an invalid file it says why, exits 1 and writes nothing.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { MAIN_DOCUMENT } from '../src/domain/template/documents';
import { readFontFiles as fontFiles } from '../src/export/pdf/fonts-node';
import { renderReportPdf } from '../src/export/pdf/pdf-writer.chunk';
import {
  documentIds,
  readReportFile,
  reportFilePdfInput,
} from '../src/export/pdf/report-file-input';
import { vi } from '../src/i18n/vi-report';
import { findTemplate } from '../src/templates/template-registry';

z.config(z.locales.vi());

const args = process.argv.slice(2);
let documentId = MAIN_DOCUMENT;
const documentFlag = args.indexOf('--document');
if (documentFlag >= 0) {
  const value = args[documentFlag + 1];
  if (!value || value.startsWith('-')) {
    console.error(vi.modelsDocument.cli.usage);
    process.exit(2);
  }
  documentId = value;
  args.splice(documentFlag, 2);
}
const [input, output, ...rest] = args;
if (!input || !output || rest.length > 0) {
  console.error(vi.modelsDocument.cli.usage);
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
const known = documentIds(read.template);
if (!known.includes(documentId)) {
  console.error(vi.modelsDocument.cli.unknownDocument(documentId, known));
  process.exit(1);
}
const result = renderReportPdf(await reportFilePdfInput(read, documentId), fontFiles());
if (result.replacedCharacters.length > 0)
  console.error(vi.pdf.replaced(result.replacedCharacters.join(' ')));
// Written beside the target and renamed, so a failure never leaves half a file.
const temporary = `${output}.part`;
writeFileSync(temporary, result.bytes);
renameSync(temporary, output);
console.log(vi.cli.written(output, result.pageCount, Math.round(result.bytes.length / 1024)));
