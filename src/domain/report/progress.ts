import type { Step, Template } from '@/domain/template/template-schema';
import type { IssueCode } from './answer-kinds';
import { checkAnswer, isAnswerEmpty, type Answers } from './answers';

export type FieldIssue = { stepId: string; criterionId: string; code: IssueCode };

export const STEP_STATES = ['notStarted', 'inProgress', 'complete', 'hasErrors'] as const;
export type StepState = (typeof STEP_STATES)[number];

export function validateStep(step: Step, answers: Answers): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const criterion of step.criteria) {
    const code = checkAnswer(criterion, answers[criterion.id]);
    if (code) issues.push({ stepId: step.id, criterionId: criterion.id, code });
  }
  return issues;
}

export function validateReport(template: Template, answers: Answers): FieldIssue[] {
  return template.steps.flatMap((step) => validateStep(step, answers));
}

// Missing answers leave a step in progress; any other broken rule is an error. A step
// nobody has written in is not started, even when all of it is optional.
export function stepState(step: Step, answers: Answers): StepState {
  const issues = validateStep(step, answers);
  if (issues.some((issue) => issue.code !== 'required')) return 'hasErrors';
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
  const issues = validateReport(template, answers);
  return {
    steps: template.steps.map((step) => ({ stepId: step.id, state: stepState(step, answers) })),
    requiredTotal,
    requiredDone,
    issues,
    isComplete: issues.length === 0,
  };
}
