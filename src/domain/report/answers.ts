import { z } from 'zod';
import { parseIndicatorTable } from '@/domain/appendix/evaluate';
import type {
  Criterion,
  CriterionKind,
  CriterionOf,
  Step,
  Template,
} from '@/domain/template/template-schema';
import {
  answerKinds,
  type AnswerKind,
  type AnswerValue,
  type InitialContext,
  type IssueCode,
  type Refusal,
  type ReportUnit,
  refuseGroup,
} from './answer-kinds';

export type Answers = Record<string, AnswerValue>;

// TypeScript cannot correlate a union criterion with its kind's entry; this is the one
// place that says they match.
function kindFor<K extends CriterionKind>(criterion: CriterionOf<K>): AnswerKind<K> {
  return answerKinds[criterion.kind as K];
}

export function emptyAnswer(criterion: Criterion): AnswerValue {
  return kindFor(criterion).empty(criterion as never);
}

// The stored value if it has the kind's shape, else undefined.
export function readAnswer(criterion: Criterion, raw: unknown): AnswerValue | undefined {
  // The largest answers, read many times for each keystroke: parsed once per value.
  if (criterion.kind === 'indicatorTable') return parseIndicatorTable(raw);
  const parsed = kindFor(criterion).valueSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

export function answerOrEmpty(criterion: Criterion, answers: Answers): AnswerValue {
  return readAnswer(criterion, answers[criterion.id]) ?? emptyAnswer(criterion);
}

export function normalizeAnswer(criterion: Criterion, value: AnswerValue): AnswerValue {
  const read = readAnswer(criterion, value);
  return read === undefined ? value : kindFor(criterion).normalize(read as never);
}

// Every answer of a report normalised; answers for fields the template lacks are kept.
export function normalizeAnswers(template: Template, answers: Answers): Answers {
  const criteria = new Map(
    template.steps.flatMap((step) => step.criteria.map((c) => [c.id, c] as const)),
  );
  return Object.fromEntries(
    Object.entries(answers).map(([id, value]) => {
      const criterion = criteria.get(id);
      return [id, criterion ? normalizeAnswer(criterion, value) : value];
    }),
  );
}

export function isAnswerEmpty(criterion: Criterion, raw: unknown): boolean {
  const value = readAnswer(criterion, raw);
  return value === undefined ? raw === undefined : kindFor(criterion).isEmpty(value as never);
}

export function checkAnswer(criterion: Criterion, raw: unknown): IssueCode | null {
  const value = raw === undefined ? emptyAnswer(criterion) : readAnswer(criterion, raw);
  if (value === undefined) return 'wrongType';
  return kindFor(criterion).check(criterion as never, value as never);
}

// Why a door (import, the server) refuses this answer, or null (answer-kinds: accept).
export function acceptAnswer(criterion: Criterion, raw: unknown): Refusal | null {
  const value = readAnswer(criterion, raw);
  if (value === undefined) return { code: 'wrongType', path: '' };
  if (criterion.kind === 'group') return refuseGroup(criterion, value as never);
  const code = kindFor(criterion).accept(criterion as never, value as never);
  return code ? { code, path: '' } : null;
}

export function initialAnswers(template: Template, unit: ReportUnit): Answers {
  const context: InitialContext = {
    unit,
    units: template.units,
    otherIssuingBodyPrefix: template.unitNameRules.otherIssuingBodyPrefix,
  };
  const answers: Answers = {};
  for (const step of template.steps) {
    for (const criterion of step.criteria) {
      const value = kindFor(criterion).initial(criterion as never, context);
      if (!kindFor(criterion).isEmpty(value as never)) answers[criterion.id] = value;
    }
  }
  return answers;
}

// A zod schema for one step, used by the form. Each message is an IssueCode, at the
// path of its criterion. A missing key is checked as an empty answer.
export function stepFormSchema(step: Step) {
  return z.record(z.string(), z.unknown()).superRefine((values, ctx) => {
    for (const criterion of step.criteria) {
      const code = checkAnswer(criterion, values[criterion.id]);
      if (code) ctx.addIssue({ code: 'custom', message: code, path: [criterion.id] });
    }
  });
}

export function stepFormValues(step: Step, answers: Answers): Answers {
  const values: Answers = {};
  for (const criterion of step.criteria) values[criterion.id] = answerOrEmpty(criterion, answers);
  return values;
}
