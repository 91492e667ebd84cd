// What a letter from the office chases in a unit's received report: the steps with items
// still missing, the appendix cells (and other fields) with errors and their values, and
// the warnings the unit left without an explanation. Pure: read from the report's answers
// with the same rules the unit's own checks use (domain/report/progress.ts), so the
// letter never asks for more, or less, than the unit's app shows.
import {
  evaluateAppendix,
  readIndicatorTable,
  type AppendixIssue,
} from '@/domain/appendix/evaluate';
import type { IssueCode } from '@/domain/report/answer-kinds';
import type { Answers } from '@/domain/report/answers';
import { submissionCheck } from '@/domain/report/progress';
import type { Indicator, Template } from '@/domain/template/template-schema';

// A step with items not written yet: the step's title and the labels of those items.
export type MissingStep = { stepId: string; title: string; items: string[] };

// A field that breaks a rule outside the appendix (a text over its length, …).
export type FieldError = { stepTitle: string; label: string; code: IssueCode };

export type ChaseItems = {
  missingSteps: MissingStep[];
  // Appendix errors in template order, each with the cell's value.
  cellErrors: AppendixIssue[];
  fieldErrors: FieldError[];
  // Appendix warnings whose note (the unit's explanation) is blank.
  unexplainedWarnings: AppendixIssue[];
  // Names and units of the indicators the issues refer to.
  indicators: ReadonlyMap<string, Indicator>;
};

export function chaseItems(template: Template, answers: Answers): ChaseItems {
  const { errors, missing } = submissionCheck(template, answers);
  const stepOf = new Map(template.steps.map((step) => [step.id, step]));
  const labelOf = (stepId: string, criterionId: string) =>
    stepOf.get(stepId)?.criteria.find((c) => c.id === criterionId)?.label ?? criterionId;

  const missingSteps: MissingStep[] = [];
  for (const issue of missing) {
    const label = labelOf(issue.stepId, issue.criterionId);
    const last = missingSteps[missingSteps.length - 1];
    if (last?.stepId === issue.stepId) {
      if (!last.items.includes(label)) last.items.push(label);
    } else
      missingSteps.push({
        stepId: issue.stepId,
        title: stepOf.get(issue.stepId)?.title ?? issue.stepId,
        items: [label],
      });
  }

  const evaluation = evaluateAppendix(template, answers);
  const cellErrors = evaluation.issues.filter((issue) => issue.severity === 'error');
  const unexplainedWarnings = evaluation.issues.filter(
    (issue) =>
      issue.severity === 'warning' &&
      (readIndicatorTable(answers[issue.criterionId]).notes[issue.key] ?? '').trim() === '',
  );
  // The appendix's errors are listed cell by cell above, not as a table "with errors".
  const fieldErrors = errors
    .filter((issue) => issue.code !== 'appendixError')
    .map((issue) => ({
      stepTitle: stepOf.get(issue.stepId)?.title ?? issue.stepId,
      label: labelOf(issue.stepId, issue.criterionId),
      code: issue.code,
    }));
  return {
    missingSteps,
    cellErrors,
    fieldErrors,
    unexplainedWarnings,
    indicators: evaluation.indicators,
  };
}

export function hasChaseItems(items: ChaseItems): boolean {
  return (
    items.missingSteps.length +
      items.cellErrors.length +
      items.fieldErrors.length +
      items.unexplainedWarnings.length >
    0
  );
}
