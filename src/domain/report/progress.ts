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

export function validateReport(template: Template, answers: Answers): FieldIssue[] {
  const evaluation = evaluateAppendix(template, answers);
  return template.steps.flatMap((step) => validateStep(step, answers, evaluation));
}

// Missing answers leave a step in progress; any other broken rule is an error. A step
// nobody has written in is not started, even when all of it is optional.
export function stepState(
  step: Step,
  answers: Answers,
  evaluation?: AppendixEvaluation,
): StepState {
  const issues = validateStep(step, answers, evaluation);
  if (issues.some((issue) => !INCOMPLETE.has(issue.code))) return 'hasErrors';
  const isStarted = step.criteria.some(
    (criterion) => !isAnswerEmpty(criterion, answers[criterion.id]),
  );
  if (!isStarted) return 'notStarted';
  return issues.length === 0 ? 'complete' : 'inProgress';
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
  let requiredTotal = 0;
  let requiredDone = 0;
  for (const step of template.steps) {
    for (const criterion of step.criteria) {
      if (!criterion.required) continue;
      requiredTotal += 1;
      if (checkAnswer(criterion, answers[criterion.id]) === null) requiredDone += 1;
    }
  }
  const appendix = evaluateAppendix(template, answers);
  const issues = template.steps.flatMap((step) => validateStep(step, answers, appendix));
  return {
    steps: template.steps.map((step) => ({
      stepId: step.id,
      state: stepState(step, answers, appendix),
    })),
    requiredTotal,
    requiredDone,
    issues,
    appendix,
    isComplete: issues.length === 0,
  };
}
