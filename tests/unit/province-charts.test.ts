// The province report's comparison charts (issue 17): per-unit series in the appendix
// snapshot (blank stays blank), the chosen charts as layout data, kept across updates
// (fake-indexeddb), read by the export for the province report only, and their labels
// read back from the PDF with pdftotext.
import 'fake-indexeddb/auto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { provinceCharts } from '@/domain/chart/province-charts';
import {
  provinceReportAnswers,
  snapshotSource,
  takeSnapshot,
  type AppendixSnapshot,
} from '@/domain/rollup/province-report';
import { rollUp, type AcceptedAppendix } from '@/domain/rollup/rollup';
import { templateUnits } from '@/domain/rollup/units';
import { renderReportDocx } from '@/export/docx/docx-writer.chunk';
import { readExportInput } from '@/export/export-input';
import { readFontFiles } from '@/export/pdf/fonts-node';
import { renderReportPdf } from '@/export/pdf/pdf-writer.chunk';
import { coverageLine } from '@/i18n/vi-province';
import { getDatabase } from '@/storage/db';
import {
  createProvinceReport,
  getProvinceSnapshot,
  saveProvinceCharts,
  updateProvinceAppendix,
} from '@/storage/province-report-repository';
import { createReport } from '@/storage/report-repository';
import { defaultTemplate, findProvinceTemplate } from '@/templates/template-registry';
import { CHART_TARGET, realisticUnits } from '../fixtures/province-charts';
import { printWithLibreOffice, requireLibreOffice, SOFFICE_TIMEOUT } from '../support/libreoffice';
import { pdfTextPages, requireTools } from './poppler';
import { readZip } from './zip';

requireTools(['pdftotext'], 'the province chart PDF test');

const province = findProvinceTemplate(defaultTemplate)!;
const units = templateUnits(defaultTemplate);
const seven = realisticUnits(defaultTemplate, units);
const DEFAULT_CHARTS = defaultTemplate.provinceLevel!.charts;

export function chartSnapshot(
  accepted: readonly AcceptedAppendix[],
  reportId = 'tinh-1',
  charts: readonly string[] = DEFAULT_CHARTS,
): AppendixSnapshot {
  const rollup = rollUp(defaultTemplate, units, accepted);
  return takeSnapshot({
    reportId,
    rollup,
    source: coverageLine(rollup.coverage),
    takenAt: '2013-09-20T03:00:00.000Z',
    charts,
    versionOf: (key) => {
      const fingerprint = accepted.find((a) => a.unitKey === key)?.fingerprint;
      return fingerprint ? { versionId: fingerprint.padEnd(64, '0'), fingerprint } : undefined;
    },
  });
}

const chartsOf = (snapshot: AppendixSnapshot) =>
  provinceCharts(province, snapshot, snapshot.charts ?? [], snapshotSource(snapshot));

describe('the charts’ data', () => {
  it('gives each included unit its values per year, a blank as a blank', () => {
    const withBlank = seven.slice(0, 6).map((unit, index) => {
      if (index !== 2) return unit;
      const members = unit.answers['members-table'] as {
        cells: Record<string, Record<string, number>>;
      };
      const { '2011': _dropped, ...rest } = members.cells['mem-total']!;
      return {
        ...unit,
        answers: {
          ...unit.answers,
          'members-table': { ...members, cells: { ...members.cells, 'mem-total': rest } },
        },
      };
    });
    const [members, youth] = chartsOf(chartSnapshot(withBlank));
    expect(members!.title).toBe(
      'Biểu đồ 1. Tổng số đoàn viên (số lượng) của các đơn vị, 2009–2013',
    );
    expect(members!.series.map((s) => s.name)).toEqual(units.slice(0, 6).map((u) => u.name));
    expect(members!.series[0]!.values).toEqual({
      '2009': 4150,
      '2010': 4340,
      '2011': 4530,
      '2012': 4720,
      '2013': 4910,
    });
    expect(members!.series[2]!.values['2011']).toBeNull();
    expect(members!.source).toBe('Tổng hợp 6/7 đơn vị — thiếu: Huyện Đoàn Đông Hải');
    expect(members!.target).toBeNull();
    // The rate is each unit's own, with the target all units gave.
    expect(youth!.unit).toBe('percent');
    expect(youth!.target).toBe(CHART_TARGET);
    expect(youth!.series[0]!.values['2009']).toBeCloseTo((11856 / 15200) * 100, 4);
  });

  it('draws the indicators chosen in their order and skips unknown ones', () => {
    const snapshot = chartSnapshot(seven, 'tinh-1', ['youth-total', 'no-such-row', 'mem-total']);
    expect(chartsOf(snapshot).map((c) => c.title)).toEqual([
      'Biểu đồ 1. Thanh niên từ 16 đến 30 tuổi trên địa bàn (số lượng) của các đơn vị, 2009–2013',
      'Biểu đồ 2. Tổng số đoàn viên (số lượng) của các đơn vị, 2009–2013',
    ]);
    const { series: _series, ...old } = snapshot;
    expect(chartsOf(old)).toEqual([]);
  });
});

describe('the charts in storage and in the export', () => {
  const NOW = '2013-09-20T03:00:00.000Z';
  const newReport = (id: string, template = province) => ({
    id,
    name: 'Báo cáo',
    unit: { id: template.units[0]!.id, name: template.units[0]!.name },
    templateId: template.id,
    templateVersion: template.version,
    answers: {},
    now: NOW,
  });

  it('keeps the office’s choice across an update and prints it in the province report only', async () => {
    const db = getDatabase();
    const snapshot = chartSnapshot(seven.slice(0, 6), 'tinh-store');
    await createProvinceReport(
      db,
      { ...newReport('tinh-store'), answers: provinceReportAnswers(province, snapshot) },
      snapshot,
    );
    const first = await readExportInput('tinh-store', new Date(NOW));
    expect(first.input.charts?.map((c) => c.title.split(' (')[0])).toEqual([
      'Biểu đồ 1. Tổng số đoàn viên',
      'Biểu đồ 2. Tỷ lệ tập hợp thanh niên',
    ]);
    expect(await saveProvinceCharts(db, 'tinh-store', ['youth-total'])).toBe(true);
    await updateProvinceAppendix(db, chartSnapshot(seven, 'tinh-store'), NOW);
    const held = await getProvinceSnapshot(db, 'tinh-store');
    expect(held!.charts).toEqual(['youth-total']);
    const updated = await readExportInput('tinh-store', new Date(NOW));
    expect(updated.input.charts).toHaveLength(1);
    expect(updated.input.charts![0]!.source).toBe('Tổng hợp 7/7 đơn vị');
    // Not the province's models document, never a unit's report.
    expect((await readExportInput('tinh-store', new Date(NOW), 'models')).input.charts).toBe(
      undefined,
    );
    await createReport(db, newReport('unit-report', defaultTemplate));
    expect((await readExportInput('unit-report', new Date(NOW))).input.charts).toBe(undefined);
    // Without a snapshot nothing is saved.
    expect(await saveProvinceCharts(db, 'unit-report', ['mem-total'])).toBe(false);
  });
});

const flat = (page: string) => page.replace(/\s+/g, ' ');
// The labels of both default charts, as the layout gives them, in the text of the pages
// from the first chart on.
function expectChartLabels(pages: readonly string[]) {
  const first = pages.findIndex((page) => flat(page).includes('Biểu đồ 1. Tổng số đoàn viên'));
  const second = pages.findIndex((page) => flat(page).includes('Biểu đồ 2. Tỷ lệ tập hợp'));
  expect(first).toBeGreaterThan(pages.findIndex((p) => p.includes(defaultTemplate.appendixTitle)));
  expect(second).toBeGreaterThanOrEqual(first);
  const text = flat(pages.slice(first).join('\n'));
  expect(text).toContain('Biểu đồ 1. Tổng số đoàn viên (số lượng) của các đơn vị, 2009–2013');
  expect(text).toContain('Biểu đồ 2. Tỷ lệ tập hợp thanh niên (%) của các đơn vị, 2009–2013');
  for (const unit of units.slice(0, 6)) expect(text).toContain(unit.name);
  for (const year of defaultTemplate.reviewYears) expect(text).toContain(year);
  expect(text).toContain('Chỉ tiêu chung: 85%');
  expect(text).toContain('5.000');
  expect(text).toContain('Tổng hợp 6/7 đơn vị — thiếu: Huyện Đoàn Đông Hải');
  // The missing unit is named by the coverage line only, never in the legend.
  expect(flat(pages[second]!)).not.toMatch(/Huyện Đoàn Đông Hải(?! )/);
}

describe('the province report’s PDF and Word copy with charts', () => {
  const snapshot = chartSnapshot(seven.slice(0, 6));
  const input = {
    template: province,
    answers: provinceReportAnswers(province, snapshot),
    unitName: 'Tỉnh Đoàn Bạc Liêu',
    title: 'Báo cáo của Tỉnh Đoàn',
    charts: chartsOf(snapshot),
  };
  const dir = mkdtempSync(join(tmpdir(), 'so-ket-charts-'));

  it('prints each chart after the appendix, its labels readable as text', () => {
    const { bytes } = renderReportPdf(input, readFontFiles());
    const path = join(dir, 'tinh.pdf');
    writeFileSync(path, bytes);
    expectChartLabels(pdfTextPages(path));
  });

  it(
    'draws the charts in Word as shapes that LibreOffice prints with their labels',
    async () => {
      const bytes = await renderReportDocx(input);
      const xml = readZip(bytes).get('word/document.xml')!.toString('utf8');
      // A group of vector shapes: rectangles, lines, hatched bars, text boxes.
      expect(xml).toContain('<wpg:wgp>');
      expect(xml).toContain('prst="line"');
      expect(xml).toContain('<a:pattFill prst="wdUpDiag">');
      expect(xml).toContain('Biểu đồ 1. Tổng số đoàn viên');
      expect(xml).not.toContain('<pic:pic');
      const path = join(dir, 'tinh.docx');
      writeFileSync(path, bytes);
      requireLibreOffice();
      printWithLibreOffice([path], dir, dir);
      expectChartLabels(pdfTextPages(join(dir, 'tinh.pdf')));
    },
    SOFFICE_TIMEOUT + 10_000,
  );
});
