// The template is data: every step, field, prompt, limit and default of a report lives
// in a template file checked against this schema. Nothing in the UI names a section.
import { z } from 'zod';
import { MAIN_DOCUMENT } from './documents';

export const CRITERION_KINDS = [
  'text',
  'longText',
  'choice',
  'checklist',
  'date',
  'list',
  'indicatorTable',
  'group',
  'imageList',
] as const;
export type CriterionKind = (typeof CRITERION_KINDS)[number];

// Stable ASCII ids: lower-case words joined by hyphens. No dots, so that form libraries
// never read them as paths.
export const idSchema = z.string().regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/);

// Values a text field can be prefilled with from the unit picked when the report is made.
export const UNIT_DEFAULTS = ['unitIssuingBody', 'unitPlace', 'unitName'] as const;
export type UnitDefault = (typeof UNIT_DEFAULTS)[number];

const baseCriterion = {
  id: idSchema,
  label: z.string().min(1),
  help: z.string().optional(),
  required: z.boolean().default(false),
  // Printed before the answer in the document (e.g. "* Hạn chế, tồn tại:").
  heading: z.string().optional(),
};

const textCriterion = z.object({
  ...baseCriterion,
  kind: z.literal('text'),
  maxLength: z.number().int().positive().default(200),
  default: z.string().optional(),
  defaultFrom: z.enum(UNIT_DEFAULTS).optional(),
  uppercase: z.boolean().default(false),
  placeholder: z.string().optional(),
  // A whole number written with Vietnamese grouping ("1.250"); checked, kept as typed.
  numeric: z.boolean().default(false),
});

const longTextCriterion = z.object({
  ...baseCriterion,
  kind: z.literal('longText'),
  maxLength: z.number().int().positive().default(20000),
  default: z.string().optional(),
  placeholder: z.string().optional(),
});

const choiceCriterion = z.object({
  ...baseCriterion,
  kind: z.literal('choice'),
  options: z.array(z.object({ value: idSchema, label: z.string().min(1) })).min(2),
  default: idSchema.optional(),
});

const checklistCriterion = z.object({
  ...baseCriterion,
  kind: z.literal('checklist'),
  prompts: z.array(z.object({ id: idSchema, text: z.string().min(1) })).min(1),
});

const dateCriterion = z.object({
  ...baseCriterion,
  kind: z.literal('date'),
  defaultYear: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
  // Day and month may stay blank so the date can be written in by hand after printing.
  allowBlankDayMonth: z.boolean().default(true),
});

const listCriterion = z.object({
  ...baseCriterion,
  kind: z.literal('list'),
  default: z.array(z.string()).default([]),
  maxItems: z.number().int().positive().default(30),
  itemMaxLength: z.number().int().positive().default(200),
});

// Photos taken or picked on the device, each with a caption. The answer holds photo ids;
// the photos themselves are stored apart (storage/photo-repository.ts).
const imageListCriterion = z.object({
  ...baseCriterion,
  kind: z.literal('imageList'),
  maxItems: z.number().int().positive().max(50).default(12),
  captionMaxLength: z.number().int().positive().default(200),
});

// The kinds a repeatable group's entries are made of.
const groupFieldSchema = z.discriminatedUnion('kind', [
  textCriterion,
  longTextCriterion,
  choiceCriterion,
  dateCriterion,
  imageListCriterion,
]);

// Any number of entries of the same fields (a good model, a publication). How the
// document prints them: numbered sections under the entry's title field, or one row
// of a table per entry.
const groupCriterion = z.object({
  ...baseCriterion,
  kind: z.literal('group'),
  fields: z.array(groupFieldSchema).min(1),
  // The field that names an entry: its section title and its name in the list.
  titleField: idSchema,
  itemLabel: z.string().min(1),
  addLabel: z.string().min(1),
  maxItems: z.number().int().positive().max(200).default(50),
  print: z.enum(['sections', 'table']).default('sections'),
});

// A year-by-indicator table of the statistics appendix. Computed indicators are rates
// (numerator ÷ denominator × 100, each a sum of indicators) and are never typed.
export const indicatorSchema = z.object({
  id: idSchema,
  label: z.string().min(1),
  unit: z.enum(['count', 'percent']),
  computed: z
    .object({ numerator: z.array(idSchema).min(1), denominator: z.array(idSchema).min(1) })
    .optional(),
  // Whether a higher or a lower value meets the resolution's target; no target otherwise.
  target: z.enum(['atLeast', 'atMost']).optional(),
  optional: z.boolean().default(false),
  // How the province consolidates a typed count (PROVINCE.md): a stock is a state at year
  // end (members, branches), summed across units, its last year standing for the period;
  // a flow happened during the year (admitted, founded, trained), summed both ways.
  // Undeclared counts are taken as stocks. A partial year's flows are also not compared
  // with full years (domain/appendix).
  measure: z.enum(['stock', 'flow']).optional(),
});

// Cross-field rules, evaluated year by year by domain/appendix. Indicators may belong to
// another table of the same template.
export const indicatorRuleSchema = z.discriminatedUnion('kind', [
  // Error when the part is above the whole (a sum of indicators).
  z.object({ kind: z.literal('partOfWhole'), part: idSchema, whole: z.array(idSchema).min(1) }),
  // Error when the parts sum above the whole, warning when below (every part filled).
  z.object({ kind: z.literal('partsMakeWhole'), parts: z.array(idSchema).min(2), whole: idSchema }),
  // Warning when the value is above the limit.
  z.object({ kind: z.literal('notAboveWarning'), value: idSchema, limit: idSchema }),
]);

const indicatorTableCriterion = z.object({
  ...baseCriterion,
  kind: z.literal('indicatorTable'),
  indicators: z.array(indicatorSchema).min(1),
  rules: z.array(indicatorRuleSchema).default([]),
  // A change from the previous year larger than this share (in %) is flagged.
  changeWarningPercent: z.number().positive().default(50),
});

export const criterionSchema = z.discriminatedUnion('kind', [
  textCriterion,
  longTextCriterion,
  choiceCriterion,
  checklistCriterion,
  dateCriterion,
  listCriterion,
  indicatorTableCriterion,
  groupCriterion,
  imageListCriterion,
]);

// A heading the document prints before a step's content. Consecutive steps that share
// a heading at some level print it once (e.g. "II. KẾT QUẢ …" over II.1 to II.3).
export const headingSchema = z.object({
  level: z.enum(['part', 'section', 'item', 'subItem', 'subSubItem']),
  number: z.string().default(''),
  title: z.string().min(1),
});

export const stepSchema = z.object({
  id: idSchema,
  // Short title for the table of contents; the long one is shown on the step itself.
  shortTitle: z.string().min(1),
  title: z.string().min(1),
  intro: z.string().optional(),
  headings: z.array(headingSchema).default([]),
  criteria: z.array(criterionSchema).min(1),
  // Extra, read-only help shown beside the step (e.g. the appendix against its targets).
  companion: z.enum(['appendixSummary']).optional(),
  // Which document prints the step: the review report ('main') or one of the template's
  // other documents. An appendix step prints after the signature.
  document: idSchema.default(MAIN_DOCUMENT),
  isAppendix: z.boolean().default(false),
});

// A further document made from the same report (the summary of good models): the same
// header and closing, its own title, subject and number.
export const extraDocumentSchema = z.object({
  id: idSchema,
  // Short name for buttons and links.
  name: z.string().min(1),
  title: z.string().min(1),
  subject: z.string().min(1),
  numberField: idSchema,
  appendixTitle: z.string().min(1),
  exportFilePrefix: z.string().regex(/^[A-Za-z0-9-]+$/),
});

export const unitSchema = z.object({
  id: idSchema,
  name: z.string().min(1),
  issuingBody: z.string().min(1),
  place: z.string().min(1),
});

// Which fields of the template fill the fixed parts of the official document.
export const DOCUMENT_ROLES = [
  'superiorBody',
  'issuingBody',
  'documentNumber',
  'documentSymbol',
  'place',
  'date',
  'signingLine',
  'signerPosition',
  'signerName',
  'recipients',
  'headerLayout',
] as const;
export type DocumentRole = (typeof DOCUMENT_ROLES)[number];

// What differs when the province itself writes the report (PROVINCE.md, "The province's
// own report"): the issuer, and for a few fields their default, whether they are
// required, or a choice's options. Applied by ./province-level.ts; the rest of the
// template is the same, never copied.
export const fieldOverrideSchema = z.object({
  required: z.boolean().optional(),
  default: z.union([z.string(), z.array(z.string())]).optional(),
  options: z
    .array(z.object({ value: idSchema, label: z.string().min(1) }))
    .min(2)
    .optional(),
});
export type FieldOverride = z.infer<typeof fieldOverrideSchema>;

export const provinceLevelSchema = z.object({
  issuer: unitSchema,
  // The province report's name in lists and file names.
  reportName: z.string().min(1),
  fields: z.record(idSchema, fieldOverrideSchema),
  // Sentences the province's writing can take from its consolidated appendix, offered
  // beside a narrative field (criterionId) when the indicator has values. Placeholders:
  // {value} (the last year's value of a stock, the period's sum of a flow), {change}
  // (against the first year), {firstYear}, {lastYear}, {period}.
  suggestions: z
    .array(z.object({ criterionId: idSchema, indicatorId: idSchema, sentence: z.string().min(1) }))
    .default([]),
  // The indicators charted by default in the province report (units × years, with the
  // target), in order; the office may choose others.
  charts: z.array(idSchema).max(6).default([]),
});

export const templateSchema = z
  .object({
    id: idSchema,
    version: z.number().int().positive(),
    name: z.string().min(1),
    documentType: z.string().min(1),
    subject: z.string().min(1),
    recipientEmail: z.email(),
    units: z.array(unitSchema).min(1),
    // Used to derive names for units typed in as free text.
    unitNameRules: z.object({ otherIssuingBodyPrefix: z.string() }),
    documentFields: z.record(z.enum(DOCUMENT_ROLES), idSchema),
    // The columns of the statistics appendix.
    reviewYears: z
      .array(z.string().regex(/^\d{4}$/))
      .min(1)
      .default([]),
    // Whether the last review year runs only to the report's date (its flows are then
    // partial and its column says so).
    partialLastYear: z.boolean().default(false),
    appendixTitle: z.string().default('PHỤ LỤC SỐ LIỆU'),
    // ASCII start of exported file names, e.g. "BC-so-ket-NQ01".
    exportFilePrefix: z
      .string()
      .regex(/^[A-Za-z0-9-]+$/)
      .default('BC'),
    steps: z.array(stepSchema).min(1),
    documents: z.array(extraDocumentSchema).default([]),
    provinceLevel: provinceLevelSchema.optional(),
    // 'province': the province's own report, derived from a unit template's provinceLevel.
    level: z.enum(['unit', 'province']).default('unit'),
  })
  .superRefine((template, ctx) => {
    const seen = new Set<string>();
    const stepIds = new Set<string>();
    template.steps.forEach((step, stepIndex) => {
      if (stepIds.has(step.id)) {
        ctx.addIssue({
          code: 'custom',
          message: `duplicate step id "${step.id}"`,
          path: ['steps', stepIndex, 'id'],
        });
      }
      stepIds.add(step.id);
      step.criteria.forEach((criterion, criterionIndex) => {
        if (seen.has(criterion.id)) {
          ctx.addIssue({
            code: 'custom',
            message: `duplicate criterion id "${criterion.id}"`,
            path: ['steps', stepIndex, 'criteria', criterionIndex, 'id'],
          });
        }
        seen.add(criterion.id);
        if (criterion.kind === 'checklist') {
          const promptIds = new Set<string>();
          for (const prompt of criterion.prompts) {
            if (promptIds.has(prompt.id)) {
              ctx.addIssue({
                code: 'custom',
                message: `duplicate prompt id "${prompt.id}" in "${criterion.id}"`,
                path: ['steps', stepIndex, 'criteria', criterionIndex],
              });
            }
            promptIds.add(prompt.id);
          }
        }
        if (criterion.kind === 'group') {
          const fieldIds = new Set<string>();
          for (const field of criterion.fields) {
            if (fieldIds.has(field.id)) {
              ctx.addIssue({
                code: 'custom',
                message: `duplicate field id "${field.id}" in "${criterion.id}"`,
                path: ['steps', stepIndex, 'criteria', criterionIndex],
              });
            }
            fieldIds.add(field.id);
          }
          const title = criterion.fields.find((field) => field.id === criterion.titleField);
          if (!title || (title.kind !== 'text' && title.kind !== 'longText')) {
            ctx.addIssue({
              code: 'custom',
              message: `title field "${criterion.titleField}" of "${criterion.id}" is not a text field`,
              path: ['steps', stepIndex, 'criteria', criterionIndex, 'titleField'],
            });
          }
        }
        if (criterion.kind === 'choice' && criterion.default !== undefined) {
          if (!criterion.options.some((option) => option.value === criterion.default)) {
            ctx.addIssue({
              code: 'custom',
              message: `default "${criterion.default}" is not an option of "${criterion.id}"`,
              path: ['steps', stepIndex, 'criteria', criterionIndex, 'default'],
            });
          }
        }
      });
    });
    const indicators = new Map<string, { unit: string; isComputed: boolean }>();
    template.steps.forEach((step, stepIndex) =>
      step.criteria.forEach((criterion, criterionIndex) => {
        if (criterion.kind !== 'indicatorTable') return;
        for (const indicator of criterion.indicators) {
          if (indicators.has(indicator.id) || seen.has(indicator.id)) {
            ctx.addIssue({
              code: 'custom',
              message: `duplicate indicator id "${indicator.id}"`,
              path: ['steps', stepIndex, 'criteria', criterionIndex],
            });
          }
          indicators.set(indicator.id, {
            unit: indicator.unit,
            isComputed: Boolean(indicator.computed),
          });
        }
      }),
    );
    template.steps.forEach((step, stepIndex) =>
      step.criteria.forEach((criterion, criterionIndex) => {
        if (criterion.kind !== 'indicatorTable') return;
        const refs = [
          ...criterion.indicators.flatMap((i) => [
            ...(i.computed?.numerator ?? []),
            ...(i.computed?.denominator ?? []),
          ]),
          ...criterion.rules.flatMap((rule) =>
            rule.kind === 'partOfWhole'
              ? [rule.part, ...rule.whole]
              : rule.kind === 'partsMakeWhole'
                ? [...rule.parts, rule.whole]
                : [rule.value, rule.limit],
          ),
        ];
        for (const ref of refs) {
          const found = indicators.get(ref);
          if (!found || found.isComputed) {
            ctx.addIssue({
              code: 'custom',
              message: `"${criterion.id}" refers to ${found ? 'computed' : 'unknown'} indicator "${ref}"`,
              path: ['steps', stepIndex, 'criteria', criterionIndex],
            });
          }
        }
        if (template.reviewYears.length === 0) {
          ctx.addIssue({
            code: 'custom',
            message: 'indicator tables need reviewYears',
            path: ['reviewYears'],
          });
        }
      }),
    );
    const documentIds = new Set([MAIN_DOCUMENT]);
    template.documents.forEach((document, index) => {
      if (documentIds.has(document.id)) {
        ctx.addIssue({
          code: 'custom',
          message: `duplicate document id "${document.id}"`,
          path: ['documents', index, 'id'],
        });
      }
      documentIds.add(document.id);
      if (!seen.has(document.numberField)) {
        ctx.addIssue({
          code: 'custom',
          message: `document "${document.id}" names unknown number field "${document.numberField}"`,
          path: ['documents', index, 'numberField'],
        });
      }
    });
    template.steps.forEach((step, stepIndex) => {
      if (!documentIds.has(step.document)) {
        ctx.addIssue({
          code: 'custom',
          message: `step "${step.id}" names unknown document "${step.document}"`,
          path: ['steps', stepIndex, 'document'],
        });
      }
    });
    for (const suggestion of template.provinceLevel?.suggestions ?? []) {
      if (!seen.has(suggestion.criterionId) || !indicators.has(suggestion.indicatorId)) {
        ctx.addIssue({
          code: 'custom',
          message: `suggestion names unknown "${suggestion.criterionId}" or "${suggestion.indicatorId}"`,
          path: ['provinceLevel', 'suggestions'],
        });
      }
    }
    for (const indicatorId of template.provinceLevel?.charts ?? []) {
      if (!indicators.has(indicatorId)) {
        ctx.addIssue({
          code: 'custom',
          message: `chart names unknown indicator "${indicatorId}"`,
          path: ['provinceLevel', 'charts'],
        });
      }
    }
    for (const fieldId of Object.keys(template.provinceLevel?.fields ?? {})) {
      if (!seen.has(fieldId)) {
        ctx.addIssue({
          code: 'custom',
          message: `province level names unknown criterion "${fieldId}"`,
          path: ['provinceLevel', 'fields', fieldId],
        });
      }
    }
    for (const [role, fieldId] of Object.entries(template.documentFields)) {
      if (!seen.has(fieldId)) {
        ctx.addIssue({
          code: 'custom',
          message: `document field "${role}" names unknown criterion "${fieldId}"`,
          path: ['documentFields', role],
        });
      }
    }
  });

export type TemplateInput = z.input<typeof templateSchema>;
export type Template = z.output<typeof templateSchema>;
export type Step = Template['steps'][number];
export type Criterion = Step['criteria'][number];
export type CriterionOf<K extends CriterionKind> = Extract<Criterion, { kind: K }>;
export type Unit = Template['units'][number];
export type Heading = Step['headings'][number];
export type Indicator = CriterionOf<'indicatorTable'>['indicators'][number];
export type IndicatorRule = CriterionOf<'indicatorTable'>['rules'][number];
export type GroupField = CriterionOf<'group'>['fields'][number];
export type GroupFieldKind = GroupField['kind'];
export type ExtraDocument = Template['documents'][number];

export function parseTemplate(input: unknown): Template {
  return templateSchema.parse(input);
}

export function findCriterion(template: Template, criterionId: string) {
  for (const step of template.steps) {
    const criterion = step.criteria.find((c) => c.id === criterionId);
    if (criterion) return { step, criterion };
  }
  return undefined;
}
