// The province's own report as PDF (issue 17): the template at province level, its
// appendix the consolidation snapshot of seven units (realistic figures,
// tests/fixtures/province-charts.ts), its two default comparison charts (members; youth
// gathered, with the target) after the appendix, its narrative a district's realistic
// texts (tests/fixtures/district-report.ts), with the report file it embeds, rendered in
// Node by the same layout, writer and fonts as the browser's worker. Two figures: the
// median render time of 7 runs (goal ≤ 1 s) and the size.
import { provinceCharts } from '@/domain/chart/province-charts';
import { buildReportFile } from '@/domain/report/report-schema';
import {
  provinceReportAnswers,
  snapshotSource,
  takeSnapshot,
} from '@/domain/rollup/province-report';
import { rollUp } from '@/domain/rollup/rollup';
import { templateUnits } from '@/domain/rollup/units';
import { readFontFiles } from '@/export/pdf/fonts-node';
import { readReportFile, reportFilePdfInput } from '@/export/pdf/report-file-input';
import { coverageLine } from '@/i18n/vi-province';
import { defaultTemplate, findProvinceTemplate, findTemplate } from '@/templates/template-registry';
import { districtAnswers } from '../../tests/fixtures/district-report';
import { realisticUnits } from '../../tests/fixtures/province-charts';
import { kb } from './stats';
import { timedPdfRenders } from './timed-pdf';
import type { BenchResult } from './types';

const NOW = '2013-09-20T03:00:00.000Z';

async function provinceReport() {
  const province = findProvinceTemplate(defaultTemplate)!;
  const units = templateUnits(defaultTemplate);
  const accepted = realisticUnits(defaultTemplate, units);
  const rollup = rollUp(defaultTemplate, units, accepted);
  const snapshot = takeSnapshot({
    reportId: 'tinh-bench',
    rollup,
    source: coverageLine(rollup.coverage),
    takenAt: NOW,
    charts: defaultTemplate.provinceLevel?.charts ?? [],
    versionOf: (key) => {
      const found = accepted.find((a) => a.unitKey === key);
      return found && { versionId: 'a'.repeat(64), fingerprint: found.fingerprint };
    },
  });
  const district = districtAnswers();
  const narrative = Object.fromEntries(
    province.steps
      .filter((step) => step.document === 'main' && step.id !== 'document-info')
      .flatMap((step) => step.criteria)
      .filter((criterion) => criterion.kind === 'longText' && criterion.id in district)
      .map((criterion) => [criterion.id, district[criterion.id]!]),
  );
  const issuer = province.units[0]!;
  const file = buildReportFile(
    {
      id: 'tinh-bench',
      name: 'Báo cáo sơ kết NQ01 của Tỉnh Đoàn Bạc Liêu',
      unit: { id: issuer.id, name: issuer.name },
      templateId: province.id,
      templateVersion: province.version,
      createdAt: NOW,
      updatedAt: NOW,
      revision: 1,
    },
    {
      ...provinceReportAnswers(province, snapshot),
      ...narrative,
      'document-date': { day: '20', month: '9', year: '2013' },
      'signer-name': 'Lê Văn Bình',
    },
    NOW,
  );
  const read = readReportFile(JSON.stringify(file), 'tinh.json', findTemplate);
  if (!read.ok) throw new Error(read.message);
  return {
    ...(await reportFilePdfInput(read)),
    charts: provinceCharts(province, snapshot, snapshot.charts ?? [], snapshotSource(snapshot)),
  };
}

export async function run(): Promise<BenchResult[]> {
  const fonts = readFontFiles();
  const input = await provinceReport();
  if (input.charts?.length !== 2) throw new Error('the bench renders two charts');
  const { ms, bytes } = timedPdfRenders(input, fonts);
  return [
    { name: 'province-report-pdf', value: ms, unit: 'ms' },
    { name: 'province-report-pdf-size', value: kb(bytes.length), unit: 'KB' },
  ];
}
