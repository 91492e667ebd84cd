// What every export of a stored report starts from: the report, its template and
// answers, the photos the chosen document shows, and the file name (the PDF's, with the
// format's extension).
import type { ComparisonChartData } from '@/domain/chart/comparison-chart';
import { provinceCharts } from '@/domain/chart/province-charts';
import type { DateValue } from '@/domain/report/answer-kinds';
import type { Answers } from '@/domain/report/answers';
import { MAIN_DOCUMENT } from '@/domain/template/documents';
import type { Template } from '@/domain/template/template-schema';
import { snapshotSource } from '@/domain/rollup/province-report';
import { getDatabase, type SoKetDatabase } from '@/storage/db';
import { getProvinceSnapshot } from '@/storage/province-report-repository';
import { getPhotos } from '@/storage/photo-repository';
import { referencedPhotoIds } from '@/domain/report/report-photos';
import { buildReportFile, type ReportFile } from '@/domain/report/report-schema';
import { photoFilesOfRows } from '@/storage/photo-file-repository';
import { getAnswers, getReport, reportMeta } from '@/storage/report-repository';
import { loadTemplates } from '@/templates/load-templates';
import { documentPhotoIds, type PhotoAsset } from './render-input';
import { pdfFileName } from './pdf/pdf-file-name';

export type ExportInput = {
  input: {
    template: Template;
    answers: Answers;
    unitName: string;
    title: string;
    documentId: string;
    photos: ReadonlyMap<string, PhotoAsset>;
    // The report file as "Xuất tệp dữ liệu báo cáo" writes it, its photos listed without their
    // bytes: the PDF carries it (see pdf/embedded-report-data.ts).
    reportFile: ReportFile;
    // The province report's charts (its main document only).
    charts?: readonly ComparisonChartData[];
  };
  fileName: (extension: 'pdf' | 'docx') => string;
  // Photos the document shows that are no longer on the device (printed as a framed note).
  missingPhotos: number;
};

// The PDF's file name of a document: its prefix, the unit and the report's date.
export function documentFileName(
  template: Template,
  documentId: string,
  unitName: string,
  answers: Answers,
  now: Date,
): string {
  const extra = template.documents.find((document) => document.id === documentId);
  const dateField = template.documentFields.date;
  return pdfFileName(
    extra ? extra.exportFilePrefix : template.exportFilePrefix,
    unitName,
    dateField ? (answers[dateField] as DateValue | undefined) : undefined,
    now,
  );
}

// The charts the office chose for the province report, from its appendix snapshot; none
// for a unit's report or another document.
async function chartsOf(
  db: SoKetDatabase,
  reportId: string,
  template: Template,
  documentId: string,
): Promise<readonly ComparisonChartData[]> {
  if (template.level !== 'province' || documentId !== MAIN_DOCUMENT) return [];
  const snapshot = await getProvinceSnapshot(db, reportId);
  return snapshot
    ? provinceCharts(template, snapshot, snapshot.charts ?? [], snapshotSource(snapshot))
    : [];
}

export async function readExportInput(
  reportId: string,
  now: Date,
  documentId: string = MAIN_DOCUMENT,
): Promise<ExportInput> {
  const db = getDatabase();
  const loaded = await getReport(db, reportId);
  if (loaded.status !== 'ok') throw new Error(`report ${reportId} cannot be read`);
  const { findTemplate } = await loadTemplates();
  const template = findTemplate(loaded.report.templateId, loaded.report.templateVersion);
  if (!template) throw new Error(`template ${loaded.report.templateId} is unknown`);
  const extra = template.documents.find((document) => document.id === documentId);
  if (documentId !== MAIN_DOCUMENT && !extra) throw new Error(`unknown document ${documentId}`);
  const { answers } = await getAnswers(db, reportId);
  const photoIds = documentPhotoIds(template, answers, documentId);
  // Every photo the answers refer to is listed in the report file the PDF carries; the
  // document's own are drawn.
  const rows = await getPhotos(db, [...referencedPhotoIds(answers)]);
  const shown = new Set(photoIds);
  const photos = new Map<string, PhotoAsset>();
  for (const row of rows.filter((r) => shown.has(r.id))) {
    photos.set(row.id, {
      width: row.width,
      height: row.height,
      bytes: new Uint8Array(await row.blob.arrayBuffer()),
    });
  }
  const sent = photoFilesOfRows(answers, rows);
  const reportFile = buildReportFile(
    reportMeta(loaded.report),
    sent.answers,
    now.toISOString(),
    sent.photos,
  );
  const pdfName = documentFileName(template, documentId, loaded.report.unit.name, answers, now);
  const charts = await chartsOf(db, reportId, template, documentId);
  return {
    input: {
      template,
      answers,
      unitName: loaded.report.unit.name,
      title: loaded.report.name,
      documentId,
      photos,
      reportFile,
      ...(charts.length > 0 ? { charts } : {}),
    },
    fileName: (extension) => pdfName.replace(/\.pdf$/, `.${extension}`),
    missingPhotos: photoIds.length - photos.size,
  };
}
