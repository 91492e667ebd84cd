// The unit's own appendix rows (issue 12) on paper: after the table's own rows in the
// PDF (read back with pdftotext) and in the Word copy, with one-decimal percentages and
// the report's partial year named in the column header.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorTableValue } from '@/domain/appendix/evaluate';
import { renderReportDocx } from '@/export/docx/docx-writer.chunk';
import { readFontFiles } from '@/export/pdf/fonts-node';
import { renderReportPdf } from '@/export/pdf/pdf-writer.chunk';
import { loadFixture } from './pdf-fixtures';
import { pdfTextPages, requireTools } from './poppler';
import { readZip } from './zip';

const base = loadFixture('full');
const members = base.answers['members-table'] as IndicatorTableValue;
const input = loadFixture('full', {
  'document-date': { day: '5', month: '9', year: '2013' },
  'members-table': {
    ...members,
    cells: {
      ...members.cells,
      'custom-blood': { '2012': 1200, '2013': 1250 },
      'custom-typed': { '2013': 62.5 },
    },
    targets: { ...members.targets, 'custom-blood-share': 30 },
    custom: [
      { id: 'custom-blood', label: 'Đoàn viên tham gia hiến máu tình nguyện', kind: 'count' },
      {
        id: 'custom-blood-share',
        label: 'Tỷ lệ đoàn viên tham gia hiến máu tình nguyện',
        kind: 'rate',
        numerator: 'custom-blood',
        denominator: 'mem-total',
        target: 'atLeast',
      },
      { id: 'custom-typed', label: 'Tỷ lệ chi đoàn có sổ đoàn viên đầy đủ', kind: 'percent' },
    ],
  },
});
const memTotal2013 = (members.cells['mem-total']!['2013'] as number) ?? 0;
const share2013 = new Intl.NumberFormat('vi-VN', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
}).format((1250 / memTotal2013) * 100);

const squeeze = (text: string) => text.replace(/\s+/g, '');
let dir = '';
let pdfText = '';
let wordText = '';

beforeAll(async () => {
  requireTools(['pdftotext'], 'the export tests of custom rows');
  dir = mkdtempSync(join(tmpdir(), 'so-ket-custom-'));
  const path = join(dir, 'custom.pdf');
  writeFileSync(path, renderReportPdf(input, readFontFiles()).bytes);
  pdfText = squeeze(pdfTextPages(path).join('\n'));
  const xml = readZip(await renderReportDocx(input))
    .get('word/document.xml')!
    .toString('utf8');
  wordText = squeeze(xml.replace(/<[^>]+>/g, ''));
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each([
  ['the PDF', () => pdfText],
  ['the Word copy', () => wordText],
])('custom rows in %s', (_, text) => {
  it('print after the table’s own rows, in the unit’s order', () => {
    const lastOwn = text().indexOf(squeeze('Tỷ lệ đoàn viên sử dụng thẻ đoàn viên (%)'));
    const labels = [
      'Đoàn viên tham gia hiến máu tình nguyện',
      'Tỷ lệ đoàn viên tham gia hiến máu tình nguyện (%)',
      'Tỷ lệ chi đoàn có sổ đoàn viên đầy đủ (%)',
    ].map((label) => text().indexOf(squeeze(label), lastOwn));
    expect(lastOwn).toBeGreaterThan(0);
    expect(labels.every((at) => at > lastOwn)).toBe(true);
    expect(labels).toEqual([...labels].sort((a, b) => a - b));
  });

  it('print their figures, rates and typed percentages with one decimal', () => {
    expect(text()).toContain(squeeze('1.250'));
    expect(text()).toContain(`${share2013}%`);
    expect(text()).toContain('62,5%');
    expect(text()).toContain('30,0%');
  });

  it('name the report’s partial year in the column header', () => {
    expect(text()).toContain(squeeze('2013 (đến tháng 8)'));
  });
});
