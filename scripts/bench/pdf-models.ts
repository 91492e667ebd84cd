// The size of the models report's PDF for the fixture of six models with twelve photos
// (and the one photo of the list of materials), rendered in Node exactly as
// `npm run pdf -- … --document models` renders it. The goal is at most 5 MB, so that it
// can be e-mailed; the photos are embedded as the app stores them (JPEG, ≤ 1600 px).
import { readFontFiles } from '@/export/pdf/fonts-node';
import { renderReportPdf } from '@/export/pdf/pdf-writer.chunk';
import { readReportFile, reportFilePdfInput } from '@/export/pdf/report-file-input';
import { findTemplate } from '@/templates/template-registry';
import { modelsReportFile } from '../../tests/fixtures/models-report';
import type { BenchResult } from './types';

export async function run(): Promise<BenchResult[]> {
  const read = readReportFile(JSON.stringify(modelsReportFile()), 'models', findTemplate);
  if (!read.ok) throw new Error(read.message);
  const { bytes } = renderReportPdf(await reportFilePdfInput(read, 'models'), readFontFiles());
  return [{ name: 'pdf-size-models', value: Math.round(bytes.length / 1024), unit: 'KB' }];
}
