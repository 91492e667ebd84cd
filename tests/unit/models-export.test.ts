// The models report exported: the PDF made by `npm run pdf -- … --document models` from a
// report file with six models and thirteen photos (base64 in the file), read back with
// pdftotext and pdfimages (Debian poppler-utils); the Word copy's package, and LibreOffice
// printing it. Without the tools these fail, never skip.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GroupItem } from '@/domain/report/answer-kinds';
import type { ReportFile } from '@/domain/report/report-schema';
import { splitTextBlocks } from '@/domain/report/text';
import { createReportDocx } from '@/export/docx/docx-writer.chunk';
import { readFontFiles } from '@/export/pdf/fonts-node';
import { renderReportPdf } from '@/export/pdf/pdf-writer.chunk';
import { readReportFile, reportFileRenderInput } from '@/export/pdf/report-file-input';
import { documentWords } from '@/i18n/document';
import { vi } from '@/i18n/vi-report';
import { findTemplate } from '@/templates/template-registry';
import {
  FIXTURE_PHOTOS,
  MATERIAL_PHOTOS,
  MATERIALS,
  MODEL_PHOTOS,
  MODELS,
  MODELS_DOCUMENT_NUMBER,
  modelsReportFile,
} from '../fixtures/models-report';
import { pdfTextPages, requireTools, runPdfCommand } from './poppler';
import { readZip } from './zip';
import { printWithLibreOffice, requireLibreOffice, SOFFICE_TIMEOUT } from '../support/libreoffice';

requireTools(['pdftotext', 'pdfimages'], 'the models export tests');

const COMMAND_TIMEOUT = 60_000;
let dir = '';
let file: ReportFile;
let reportPath = '';
let pdfPath = '';
let pdfWords: string[] = [];

const nfc = (text: string) => text.normalize('NFC');
const wordsOf = (text: string) => nfc(text).split(/\s+/).filter(Boolean);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

// In content order (-raw), without the page numbers.
const pdfText = (path: string) => pdfTextPages(path).join('\n');

type ListedImage = { page: number; width: number; height: number; enc: string; object: number };

function listImages(path: string): ListedImage[] {
  return execFileSync('pdfimages', ['-list', path], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const cells = line.trim().split(/\s+/);
      return {
        page: Number(cells[0]),
        width: Number(cells[3]),
        height: Number(cells[4]),
        enc: cells[8]!,
        object: Number(cells[10]),
      };
    });
}

function findWords(haystack: readonly string[], needle: readonly string[], from: number) {
  for (let i = from; i + needle.length <= haystack.length; i += 1)
    if (needle.every((word, j) => haystack[i + j] === word)) return i;
  return -1;
}

// Every text of the models document in print order: the opening, then for each model its
// numbered title, short fields, long answers block by block and its captions; then the
// appendix's materials and the material photo's caption.
function expectedInOrder(): { where: string; text: string }[] {
  const texts: { where: string; text: string }[] = [];
  MODELS.forEach((model, i) => {
    const where = `model ${i + 1}`;
    texts.push({ where: `${where} title`, text: `${i + 1}. ${model.name}` });
    texts.push({ where: `${where} place`, text: model.whereSince });
    texts.push({ where: `${where} run by`, text: model.runBy });
    for (const [field, value] of [
      ['content', model.content],
      ['results', model.results],
      ['why', model.why],
    ] as const)
      splitTextBlocks(value).forEach((block, j) =>
        texts.push({ where: `${where} ${field} #${j + 1}`, text: block.text }),
      );
    model.captions.forEach((caption, j) =>
      texts.push({ where: `${where} caption ${j + 1}`, text: caption }),
    );
  });
  texts.push({ where: 'signer', text: 'Nguyễn Thượng Việt' });
  texts.push({ where: 'appendix heading', text: 'Phụ lục' });
  MATERIALS.forEach((material, i) =>
    texts.push({ where: `material ${i + 1}`, text: material.title }),
  );
  texts.push({ where: 'material caption', text: MATERIALS[2]!.caption! });
  return texts;
}

function missingInOrder(words: readonly string[]): string[] {
  const missing: string[] = [];
  let cursor = 0;
  for (const { where, text } of expectedInOrder()) {
    const needle = wordsOf(text);
    const at = findWords(words, needle, cursor);
    if (at < 0) missing.push(`${where}: "${needle.slice(0, 6).join(' ')}…"`);
    else cursor = at + needle.length;
  }
  return missing;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'so-ket-models-'));
  file = modelsReportFile();
  reportPath = join(dir, 'models-report.json');
  writeFileSync(reportPath, JSON.stringify(file, null, 2));
  pdfPath = join(dir, 'models.pdf');
  const run = await runPdfCommand([reportPath, pdfPath, '--document', 'models']);
  if (run.code !== 0) throw new Error(`npm run pdf failed: ${run.stderr}`);
  pdfWords = wordsOf(pdfText(pdfPath));
}, COMMAND_TIMEOUT + 30_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function renderInput(change: (file: ReportFile) => ReportFile) {
  const read = readReportFile(JSON.stringify(change(file)), 'test', findTemplate);
  if (!read.ok) throw new Error(read.message);
  return reportFileRenderInput(read, 'models');
}

describe('the models PDF (npm run pdf -- … --document models)', () => {
  it('gives back every entry’s name, fields, long texts and captions in order', () => {
    expect(missingInOrder(pdfWords)).toEqual([]);
  });

  it('carries its own number, the subject and the appendix note', () => {
    const text = pdfWords.join(' ');
    expect(text).toContain(`Số: ${MODELS_DOCUMENT_NUMBER}-BC/ĐTN`);
    expect(text.replace(/\s/g, '')).toContain(
      findTemplate(
        file.report.templateId,
        file.report.templateVersion,
      )!.documents[0]!.subject.replace(/\s/g, ''),
    );
    expect(text).toContain(
      `(Kèm theo Báo cáo số ${MODELS_DOCUMENT_NUMBER}-BC/ĐTN ngày 05 tháng 9 năm 2013 của Ban Thường vụ Huyện Đoàn Hồng Dân)`,
    );
    expect(text.replace(/\s/g, '')).toContain('DANHMỤCẤNPHẨM,SẢNPHẨM,TÀILIỆUTUYÊNTRUYỀNĐÃSỬDỤNG');
    expect(text).not.toContain('\uFFFD');
    expect(text).not.toContain('[?]');
    // The review report's own number and subject are not on it.
    expect(text).not.toContain('Số: 15-BC/ĐTN');
  });

  it('embeds the twelve model photos and the material photo at their pixel sizes', () => {
    const images = listImages(pdfPath);
    expect(images).toHaveLength(MODEL_PHOTOS.length + MATERIAL_PHOTOS.length);
    expect(images.every((image) => image.enc === 'jpeg')).toBe(true);
    const sizes = images.map((image) => `${image.width}×${image.height}`);
    expect(sizes.filter((size) => size === '1600×1200')).toHaveLength(12);
    expect(sizes.filter((size) => size === '1200×1600')).toHaveLength(1);
    // The material photo is in the appendix, after every model photo.
    expect(images.at(-1)!.page).toBeGreaterThan(
      Math.max(...images.slice(0, -1).map((i) => i.page)),
    );
  });

  it('embeds each JPEG byte for byte, never re-encoded', () => {
    const out = join(dir, 'extracted');
    mkdirSync(out);
    execFileSync('pdfimages', ['-j', pdfPath, join(out, 'img')]);
    const extracted = readdirSync(out)
      .filter((name) => name.endsWith('.jpg'))
      .map((name) => sha256(readFileSync(join(out, name))));
    expect(new Set(extracted)).toEqual(new Set(file.photos.map((photo) => photo.sha256)));
  });

  it('embeds a photo shown twice only once', () => {
    const input = renderInput((f) => {
      const answers = structuredClone(f.answers);
      const models = answers.models as GroupItem[];
      models[1]!.values.photos = [
        ...(models[1]!.values.photos as { photoId: string; caption: string }[]),
        { photoId: MODEL_PHOTOS[0]!.id, caption: 'Ảnh dùng lại' },
      ];
      return { ...f, answers };
    });
    const path = join(dir, 'twice.pdf');
    writeFileSync(path, renderReportPdf(input, readFontFiles()).bytes);
    const images = listImages(path);
    expect(images).toHaveLength(14);
    expect(new Set(images.map((image) => image.object)).size).toBe(13);
  });

  it('prints “[Không có ảnh]” in a frame where a photo is missing from the file', () => {
    const gone = MODEL_PHOTOS[4]!.id;
    const input = renderInput((f) => ({ ...f, photos: f.photos.filter((p) => p.id !== gone) }));
    const path = join(dir, 'missing.pdf');
    writeFileSync(path, renderReportPdf(input, readFontFiles()).bytes);
    expect(listImages(path)).toHaveLength(12);
    const text = pdfText(path);
    expect(text.split(documentWords.missingPhoto)).toHaveLength(2);
    expect(text).toContain(MODELS[2]!.captions[0].split(' ').slice(0, 4).join(' '));
  });

  it(
    'refuses an unknown document with a Vietnamese message, exit 1 and no file',
    async () => {
      const output = join(dir, 'unknown.pdf');
      const run = await runPdfCommand([reportPath, output, '--document', 'khong-co']);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(
        vi.modelsDocument.cli.unknownDocument('khong-co', ['main', 'models']),
      );
      expect(existsSync(output)).toBe(false);
    },
    COMMAND_TIMEOUT,
  );
});

describe('the models Word copy', () => {
  let bytes: Uint8Array;
  let documentXml = '';
  let media: Map<string, Buffer>;

  beforeAll(async () => {
    const read = readReportFile(readFileSync(reportPath, 'utf8'), reportPath, findTemplate);
    if (!read.ok) throw new Error(read.message);
    bytes = (await createReportDocx(reportFileRenderInput(read, 'models'))).bytes;
    const files = readZip(bytes);
    documentXml = files.get('word/document.xml')!.toString('utf8');
    media = new Map([...files].filter(([name]) => name.startsWith('word/media/')));
  });

  it('contains every photo once, as the JPEG it was given', () => {
    expect(media.size).toBe(FIXTURE_PHOTOS.length);
    expect(new Set([...media.values()].map((data) => sha256(data)))).toEqual(
      new Set(file.photos.map((photo) => photo.sha256)),
    );
    expect(documentXml.match(/<wp:inline/g)).toHaveLength(FIXTURE_PHOTOS.length);
  });

  it('puts the list of materials in a table whose header row repeats, on its own page', () => {
    const sections = documentXml.match(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g) ?? [];
    expect(sections).toHaveLength(2);
    expect(sections[1]).toContain('w:type w:val="nextPage"');
    const appendix = documentXml.slice(documentXml.indexOf('Phụ lục'));
    const table = appendix.match(/<w:tbl>[\s\S]*?<\/w:tbl>/)![0];
    const firstRow = table.match(/<w:tr>[\s\S]*?<\/w:tr>/)![0];
    expect(firstRow).toContain('<w:tblHeader/>');
    expect(firstRow).toContain('STT');
    for (const material of MATERIALS)
      expect(table).toContain(material.title.replace(/&/g, '&amp;').split(' ')[0]);
  });

  it('frames “[Không có ảnh]” where a photo is missing from the file', async () => {
    const gone = MODEL_PHOTOS[4]!.id;
    const input = renderInput((f) => ({ ...f, photos: f.photos.filter((p) => p.id !== gone) }));
    const files = readZip((await createReportDocx(input)).bytes);
    expect([...files.keys()].filter((name) => name.startsWith('word/media/'))).toHaveLength(
      FIXTURE_PHOTOS.length - 1,
    );
    const xml = files.get('word/document.xml')!.toString('utf8');
    expect(xml.split(documentWords.missingPhoto)).toHaveLength(2);
  });

  it(
    'prints in LibreOffice with every entry in order and every photo',
    () => {
      requireLibreOffice();
      const docxPath = join(dir, 'models.docx');
      writeFileSync(docxPath, bytes);
      const out = join(dir, 'lo');
      printWithLibreOffice([docxPath], out, dir);
      const printed = join(out, 'models.pdf');
      // A word LibreOffice broke after its hyphen is joined again.
      const words = wordsOf(pdfText(printed).replace(/(\S-)\n/g, '$1'));
      expect(missingInOrder(words)).toEqual([]);
      expect(words.join(' ')).toContain(`Số: ${MODELS_DOCUMENT_NUMBER}-BC/ĐTN`);
      expect(listImages(printed)).toHaveLength(FIXTURE_PHOTOS.length);
    },
    SOFFICE_TIMEOUT + 10_000,
  );
});
