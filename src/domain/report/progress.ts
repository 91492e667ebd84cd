import {
  evaluateAppendix,
  readIndicatorTable,
  type AppendixEvaluation,
  type AppendixIssue,
} from '@/domain/appendix/evaluate';
import type { Criterion, Step, Template } from '@/domain/template/template-schema';
import type { IssueCode } from './answer-kinds';
import { checkAnswer, isAnswerEmpty, type Answers } from './answers';

export type FieldIssue = { stepId: string; criterionId: string; code: IssueCode };

export const STEP_STATES = ['notStarted', 'inProgress', 'complete', 'hasErrors'] as const;
export type StepState = (typeof STEP_STATES)[number];

// Codes that mean "not finished yet" rather than "wrong".
const INCOMPLETE: ReadonlySet<IssueCode> = new Set([
  'required',
  'notMarkedComplete',
  'entryIncomplete',
]);

// `evaluation` carries the appendix rules, which span the whole report; without it an
// indicator table is only checked for being marked complete.
export function validateStep(
  step: Step,
  answers: Answers,
  evaluation?: AppendixEvaluation,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const criterion of step.criteria) {
    let code = checkAnswer(criterion, answers[criterion.id]);
    if (code === null && criterion.kind === 'indicatorTable') {
      const hasError = evaluation?.issues.some(
        (issue) => issue.criterionId === criterion.id && issue.severity === 'error',
      );
      const table = readIndicatorTable(answers[criterion.id]);
      if (hasError) code = 'appendixError';
      else if (!table.isMarkedComplete && !isAnswerEmpty(criterion, answers[criterion.id]))
        code = 'notMarkedComplete';
    }
    if (code) issues.push({ stepId: step.id, criterionId: criterion.id, code });
  }
  return issues;
}

// The issues of each step, in template order.
function issuesByStep(
  template: Template,
  answers: Answers,
  evaluation: AppendixEvaluation,
): FieldIssue[][] {
  return template.steps.map((step) => validateStep(step, answers, evaluation));
}

export function validateReport(template: Template, answers: Answers): FieldIssue[] {
  return issuesByStep(template, answers, evaluateAppendix(template, answers)).flat();
}

// Before "Nộp báo cáo": data errors block it, missing items only ask first.
export function submissionCheck(
  template: Template,
  answers: Answers,
): { errors: FieldIssue[]; missing: FieldIssue[] } {
  const issues = validateReport(template, answers);
  return {
    errors: issues.filter((issue) => !INCOMPLETE.has(issue.code)),
    missing: issues.filter((issue) => INCOMPLETE.has(issue.code)),
  };
}

// Missing answers leave a step in progress; any other broken rule is an error. A step
// nobody has written in is not started, even when all of it is optional.
export function stepState(
  step: Step,
  answers: Answers,
  evaluation?: AppendixEvaluation,
): StepState {
  return stateFromIssues(step, answers, validateStep(step, answers, evaluation));
}

// The state of a step whose issues (validateStep) are known.
function stateFromIssues(step: Step, answers: Answers, issues: readonly FieldIssue[]): StepState {
  if (issues.some((issue) => !INCOMPLETE.has(issue.code))) return 'hasErrors';
  const isStarted = step.criteria.some(
    (criterion) => !isAnswerEmpty(criterion, answers[criterion.id]),
  );
  if (!isStarted) return 'notStarted';
  return issues.length === 0 ? 'complete' : 'inProgress';
}

export type RequiredProgress = { requiredDone: number; requiredTotal: number };

// A criterion the template fills in itself (a default text, the unit's name or place, the
// year of a date): an untouched report already has it.
export function isPrefilled(criterion: Criterion): boolean {
  const {
    default: value,
    defaultFrom,
    defaultYear,
  } = criterion as {
    default?: unknown;
    defaultFrom?: unknown;
    defaultYear?: unknown;
  };
  return [value, defaultFrom, defaultYear].some(
    (given) => given !== undefined && given !== '' && !(Array.isArray(given) && given.length === 0),
  );
}

// The one measure of progress, shown by the table of contents, the report list, the
// review page and the province tracker: the items the report still needs are the
// required criteria the template does not fill in, plus every criterion that has an
// issue (a prefilled field emptied, an optional one wrong, a table not marked complete).
// An item is done when it is complete and without errors. An untouched report is at 0;
// total − done is the number of missing or wrong items.
function progressFromIssues(template: Template, issues: readonly FieldIssue[]): RequiredProgress {
  const withIssue = new Set(issues.map((issue) => issue.criterionId));
  let requiredDone = 0;
  for (const step of template.steps) {
    for (const criterion of step.criteria) {
      if (criterion.required && !isPrefilled(criterion) && !withIssue.has(criterion.id))
        requiredDone += 1;
    }
  }
  return { requiredDone, requiredTotal: requiredDone + withIssue.size };
}

export function requiredProgress(template: Template, answers: Answers): RequiredProgress {
  return progressFromIssues(template, validateReport(template, answers));
}

export type ReportProgress = {
  steps: { stepId: string; state: StepState }[];
  requiredTotal: number;
  requiredDone: number;
  issues: FieldIssue[];
  appendix: AppendixEvaluation;
  isComplete: boolean;
};

export function reportProgress(template: Template, answers: Answers): ReportProgress {
  const appendix = evaluateAppendix(template, answers);
  const byStep = issuesByStep(template, answers, appendix);
  const issues = byStep.flat();
  const { requiredTotal, requiredDone } = progressFromIssues(template, issues);
  return {
    steps: template.steps.map((step, index) => ({
      stepId: step.id,
      state: stateFromIssues(step, answers, byStep[index]!),
    })),
    requiredTotal,
    requiredDone,
    issues,
    appendix,
    isComplete: issues.length === 0,
  };
}

// Where a link of the review goes: a step, and the key of a field on it (a criterion id,
// an appendix cell, a custom row's label).
export type FieldTarget = { stepId: string; fieldKey: string };

// The key of an appendix cell: "<indicatorId>-<year>", or "-target" for the target column.
export function appendixCellKey(indicatorId: string, year: string | null): string {
  return `${indicatorId}-${year ?? 'target'}`;
}

export function customLabelKey(rowId: string): string {
  return `${rowId}-label`;
}

// The field an appendix issue is about. A computed rate has no input of its own: a year
// of it leads to the first input it is computed from (its first numerator), in whichever
// table that is.
export function appendixIssueTarget(
  evaluation: AppendixEvaluation,
  issue: AppendixIssue,
): FieldTarget {
  if (issue.code === 'customLabelMissing' || issue.code === 'customRateRows')
    return { stepId: issue.stepId, fieldKey: customLabelKey(issue.indicatorId) };
  let indicatorId = issue.indicatorId;
  const seen = new Set<string>();
  while (issue.year !== null && !seen.has(indicatorId)) {
    seen.add(indicatorId);
    const first = evaluation.indicators.get(indicatorId)?.computed?.numerator[0];
    if (first === undefined) break;
    indicatorId = first;
  }
  const table = evaluation.tables.find((t) => t.rows.some((r) => r.indicator.id === indicatorId));
  return {
    stepId: table?.stepId ?? issue.stepId,
    fieldKey: appendixCellKey(indicatorId, issue.year),
  };
}

export type ReviewItem =
  | { kind: 'field'; key: string; issue: FieldIssue; target: FieldTarget }
  | { kind: 'appendix'; key: string; issue: AppendixIssue; target: FieldTarget };

// The review's list: errors block "Nộp báo cáo", warnings do not (a missing item only asks
// first; an appendix warning takes a note). Each item once: a table with appendix errors
// is listed by those errors, each leading to its cell, not also as a whole.
// `includes` keeps the items of one document of the template (by step and criterion).
export function reviewItems(
  progress: Pick<ReportProgress, 'issues' | 'appendix'>,
  includes: (stepId: string, criterionId: string) => boolean = () => true,
): { errors: ReviewItem[]; warnings: ReviewItem[] } {
  const errors: ReviewItem[] = [];
  const warnings: ReviewItem[] = [];
  for (const issue of progress.issues) {
    if (!includes(issue.stepId, issue.criterionId)) continue;
    if (issue.code === 'appendixError') {
      for (const cell of progress.appendix.issues) {
        if (cell.criterionId !== issue.criterionId || cell.severity !== 'error') continue;
        const target = appendixIssueTarget(progress.appendix, cell);
        errors.push({ kind: 'appendix', key: cell.key, issue: cell, target });
      }
      continue;
    }
    const item: ReviewItem = {
      kind: 'field',
      key: issue.criterionId,
      issue,
      target: { stepId: issue.stepId, fieldKey: issue.criterionId },
    };
    (INCOMPLETE.has(issue.code) ? warnings : errors).push(item);
  }
  for (const cell of progress.appendix.issues) {
    if (cell.severity !== 'warning' || !includes(cell.stepId, cell.criterionId)) continue;
    const target = appendixIssueTarget(progress.appendix, cell);
    warnings.push({ kind: 'appendix', key: cell.key, issue: cell, target });
  }
  return { errors, warnings };
}
