import {
  evaluateAppendix,
  readIndicatorTable,
  type AppendixEvaluation,
} from '@/domain/appendix/evaluate';
import type { Step, Template } from '@/domain/template/template-schema';
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

// How many of the required criteria are answered, of how many.
export function requiredProgress(template: Template, answers: Answers): RequiredProgress {
  let requiredTotal = 0;
  let requiredDone = 0;
  for (const step of template.steps) {
    for (const criterion of step.criteria) {
      if (!criterion.required) continue;
      requiredTotal += 1;
      if (checkAnswer(criterion, answers[criterion.id]) === null) requiredDone += 1;
    }
  }
  return { requiredDone, requiredTotal };
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
  const { requiredTotal, requiredDone } = requiredProgress(template, answers);
  const appendix = evaluateAppendix(template, answers);
  const byStep = issuesByStep(template, answers, appendix);
  const issues = byStep.flat();
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
