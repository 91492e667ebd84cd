// The size of the models report's PDF for the fixture of six models with twelve photos
// (and the one photo of the list of materials), rendered in Node exactly as
// `npm run pdf -- … --document models` renders it. The goal is at most 5 MB, so that it
// can be e-mailed; the photos are embedded as the app stores them (JPEG, ≤ 1600 px).
import { modelsReportFile } from '../../tests/fixtures/models-report';
import { reportFilePdf } from '../../tests/fixtures/report-pdf';
import type { BenchResult } from './types';

export async function run(): Promise<BenchResult[]> {
  const bytes = await reportFilePdf(modelsReportFile(), 'models');
  return [{ name: 'pdf-size-models', value: Math.round(bytes.length / 1024), unit: 'KB' }];
}
