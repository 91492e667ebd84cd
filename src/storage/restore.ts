// The one door between IndexedDB and the rest of the app: every record read passes
// here (zod parse, defaults, forward migration). A record that fails is returned as
// damaged with its raw data, never thrown, so one bad record cannot break a list.
import { storedAnswerValueSchema, type AnswerValue } from '@/domain/report/answer-kinds';

// Reports are checked by ./stored-report.ts (zod/mini: the list reads them first).
export {
  REPORT_RECORD_VERSION,
  restoreReport,
  storedReportSchema,
  type DamagedReport,
  type Restored,
  type StoredReport,
} from './stored-report';

export type RestoredAnswers = {
  answers: Record<string, AnswerValue>;
  damaged: { fieldId: string; raw: unknown }[];
};

export function restoreAnswers(
  rows: readonly { fieldId: string; value: unknown }[],
): RestoredAnswers {
  const result: RestoredAnswers = { answers: {}, damaged: [] };
  for (const row of rows) {
    // Without the file bounds: a value the app stored is shown with its error, never hidden.
    const parsed = storedAnswerValueSchema.safeParse(row.value);
    if (parsed.success) result.answers[row.fieldId] = parsed.data;
    else result.damaged.push({ fieldId: row.fieldId, raw: row.value });
  }
  return result;
}
