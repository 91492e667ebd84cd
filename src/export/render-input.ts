// What the PDF and Word writers render: a report's template and answers, which of the
// template's documents (the review report by default), and the photos that document
// shows: the stored JPEG bytes and pixel size of each, by photo id. The writers embed the
// JPEG as it is, never re-encoded; a photo not in the map is missing from storage and
// prints as a framed note.
import { photoIdsInValue } from '@/domain/report/answer-kinds';
import type { ComparisonChartData } from '@/domain/chart/comparison-chart';
import type { Answers } from '@/domain/report/answers';
import { documentSteps } from '@/domain/report/document-model';
import type { Template } from '@/domain/template/template-schema';

export type PhotoAsset = { width: number; height: number; bytes: Uint8Array };
export type PhotoAssets = ReadonlyMap<string, PhotoAsset>;

// The report file a PDF carries inside it (so-ket.json, src/domain/report/fingerprint.ts)
// and its fingerprint, printed on the last page.
export type EmbeddedReport = { json: string; fingerprint: string };

export type RenderInput = {
  template: Template;
  answers: Answers;
  unitName: string;
  title: string;
  // 'main' (the default) or the id of another document of the template.
  documentId?: string;
  photos?: PhotoAssets;
  // Every exported PDF has it; tests of the layout alone may leave it out.
  embeddedReport?: EmbeddedReport;
  // The province report's comparison charts (domain/chart), printed after its appendix;
  // a unit's report has none.
  charts?: readonly ComparisonChartData[];
};

// The ids of the photos a document of the report shows, in answer order.
export function documentPhotoIds(
  template: Template,
  answers: Answers,
  documentId: string,
): string[] {
  const ids = new Set<string>();
  for (const step of documentSteps(template, documentId))
    for (const criterion of step.criteria) photoIdsInValue(answers[criterion.id], ids);
  return [...ids];
}

// The title and subject a document's file carries in its properties.
export function documentProperties(input: RenderInput): { title: string; subject: string } {
  const extra = input.template.documents.find((document) => document.id === input.documentId);
  return extra
    ? { title: `${extra.name} – ${input.unitName}`, subject: extra.subject }
    : { title: input.title, subject: input.template.subject };
}
