import { describe, expect, it } from 'vitest';
import {
  findCriterion,
  idSchema,
  parseTemplate,
  templateSchema,
  type TemplateInput,
} from '@/domain/template/template-schema';
import {
  bodyStep,
  makeTemplate,
  makeTemplateInput,
  stepOf,
  templateInputWithSteps,
  type CriterionInput,
  type StepInput,
} from './factories';

function issuesOf(input: unknown) {
  const result = templateSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({ message: issue.message, path: issue.path }));
}

function stepWith(id: string, criteria: CriterionInput[]): StepInput {
  return { id, shortTitle: id, title: id, criteria };
}

describe('templateSchema', () => {
  it('accepts the factory template', () => {
    expect(issuesOf(makeTemplateInput())).toEqual([]);
  });

  it('fills in the defaults of each criterion kind', () => {
    const template = parseTemplate(
      templateInputWithSteps(
        stepWith('defaults', [
          { kind: 'text', id: 'a-text', label: 'A' },
          { kind: 'longText', id: 'a-long-text', label: 'B' },
          { kind: 'date', id: 'a-date', label: 'C' },
          { kind: 'list', id: 'a-list', label: 'D' },
        ]),
      ),
    );
    expect(stepOf(template, 'defaults')).toMatchObject({
      headings: [],
      criteria: [
        { kind: 'text', required: false, maxLength: 200, uppercase: false },
        { kind: 'longText', required: false, maxLength: 20000 },
        { kind: 'date', required: false, allowBlankDayMonth: true },
        { kind: 'list', required: false, default: [], maxItems: 30, itemMaxLength: 200 },
      ],
    });
  });

  it('gives a heading an empty number by default', () => {
    const step: StepInput = { ...bodyStep(), headings: [{ level: 'section', title: 'PHẦN I' }] };
    const template = parseTemplate(templateInputWithSteps(step));
    expect(stepOf(template, 'body').headings).toEqual([
      { level: 'section', number: '', title: 'PHẦN I' },
    ]);
  });

  describe('ids', () => {
    it.each(['a', 'opening', 'cadres-results', 'step2', 'ii-2-3', 'a1-b2-c3'])(
      'accepts "%s"',
      (id) => {
        expect(idSchema.safeParse(id).success).toBe(true);
      },
    );

    it.each([
      ['an empty id', ''],
      ['upper case', 'Opening'],
      ['an underscore', 'cadres_results'],
      ['a dot', 'cadres.results'],
      ['a space', 'cadres results'],
      ['Vietnamese letters', 'mở-đầu'],
      ['a leading digit', '2-step'],
      ['a leading hyphen', '-opening'],
      ['a trailing hyphen', 'opening-'],
      ['a double hyphen', 'cadres--results'],
    ])('rejects an id with %s', (_, id) => {
      expect(idSchema.safeParse(id).success).toBe(false);
    });

    const badId = 'Bad_Id';
    it.each<[string, (input: TemplateInput) => void]>([
      ['the template', (t) => void (t.id = badId)],
      ['a step', (t) => void (t.steps[1]!.id = badId)],
      ['a criterion', (t) => void (t.steps[1]!.criteria[1]!.id = badId)],
      [
        'a checklist prompt',
        (t) => {
          const checklist = t.steps[1]!.criteria[0]!;
          if (checklist.kind === 'checklist') checklist.prompts[0]!.id = badId;
        },
      ],
      [
        'a choice option',
        (t) => {
          const choice = t.steps[0]!.criteria.find((c) => c.kind === 'choice');
          if (choice?.kind === 'choice') choice.options[0]!.value = badId;
        },
      ],
      ['a unit', (t) => void (t.units[0]!.id = badId)],
    ])('rejects a non-kebab id for %s', (_, mutate) => {
      const input = makeTemplateInput();
      mutate(input);
      expect(issuesOf(input)).not.toEqual([]);
    });
  });

  it('rejects a template with duplicate step ids', () => {
    const input = templateInputWithSteps(
      bodyStep(),
      stepWith('body', [{ kind: 'text', id: 'other', label: 'Other' }]),
    );
    expect(issuesOf(input)).toEqual([
      { message: 'duplicate step id "body"', path: ['steps', 2, 'id'] },
    ]);
  });

  it('rejects a template with duplicate criterion ids in one step', () => {
    const input = templateInputWithSteps(
      stepWith('one', [
        { kind: 'text', id: 'same', label: 'A' },
        { kind: 'longText', id: 'same', label: 'B' },
      ]),
    );
    expect(issuesOf(input)).toEqual([
      { message: 'duplicate criterion id "same"', path: ['steps', 1, 'criteria', 1, 'id'] },
    ]);
  });

  it('rejects a template with duplicate criterion ids across steps', () => {
    const input = templateInputWithSteps(
      stepWith('one', [{ kind: 'text', id: 'place', label: 'Again' }]),
    );
    expect(issuesOf(input)).toEqual([
      { message: 'duplicate criterion id "place"', path: ['steps', 1, 'criteria', 0, 'id'] },
    ]);
  });

  it('rejects a checklist with duplicate prompt ids', () => {
    const input = templateInputWithSteps(
      stepWith('one', [
        {
          kind: 'checklist',
          id: 'one-prompts',
          label: 'Prompts',
          prompts: [
            { id: 'plan', text: 'A' },
            { id: 'plan', text: 'B' },
          ],
        },
      ]),
    );
    expect(issuesOf(input)).toEqual([
      {
        message: 'duplicate prompt id "plan" in "one-prompts"',
        path: ['steps', 1, 'criteria', 0],
      },
    ]);
  });

  it('accepts the same prompt id in two different checklists', () => {
    const checklist = (id: string): CriterionInput => ({
      kind: 'checklist',
      id,
      label: 'Prompts',
      prompts: [{ id: 'plan', text: 'A' }],
    });
    const input = templateInputWithSteps(
      stepWith('one', [checklist('a-prompts'), checklist('b-prompts')]),
    );
    expect(issuesOf(input)).toEqual([]);
  });

  it.each(['number', 'rating', 'Text', ''])('rejects a criterion of unknown kind "%s"', (kind) => {
    const input = templateInputWithSteps(stepWith('one', [{ kind, id: 'x', label: 'X' } as never]));
    expect(issuesOf(input)).not.toEqual([]);
  });

  it('rejects a documentFields entry naming a criterion that does not exist', () => {
    const input = makeTemplateInput();
    input.documentFields.signerName = 'signer';
    expect(issuesOf(input)).toEqual([
      {
        message: 'document field "signerName" names unknown criterion "signer"',
        path: ['documentFields', 'signerName'],
      },
    ]);
  });

  it('rejects documentFields that leave out a role', () => {
    const { headerLayout: _, ...rest } = makeTemplateInput().documentFields;
    expect(issuesOf(makeTemplateInput({ documentFields: rest as never }))).not.toEqual([]);
  });

  it('rejects documentFields with a role the document does not have', () => {
    const input = makeTemplateInput();
    expect(
      issuesOf({ ...input, documentFields: { ...input.documentFields, footer: 'place' } }),
    ).not.toEqual([]);
  });

  it('rejects a choice whose default is not one of its options', () => {
    const input = templateInputWithSteps(
      stepWith('one', [
        {
          kind: 'choice',
          id: 'pick',
          label: 'Pick',
          default: 'maybe',
          options: [
            { value: 'yes', label: 'Có' },
            { value: 'no', label: 'Không' },
          ],
        },
      ]),
    );
    expect(issuesOf(input)).toEqual([
      {
        message: 'default "maybe" is not an option of "pick"',
        path: ['steps', 1, 'criteria', 0, 'default'],
      },
    ]);
  });

  it('accepts a choice whose default is one of its options', () => {
    const input = templateInputWithSteps(
      stepWith('one', [
        {
          kind: 'choice',
          id: 'pick',
          label: 'Pick',
          default: 'no',
          options: [
            { value: 'yes', label: 'Có' },
            { value: 'no', label: 'Không' },
          ],
        },
      ]),
    );
    expect(issuesOf(input)).toEqual([]);
  });

  it.each<[string, TemplateInput]>([
    ['no steps', makeTemplateInput({ steps: [] })],
    ['no units', makeTemplateInput({ units: [] })],
    ['a version of 0', makeTemplateInput({ version: 0 })],
    ['a version that is not an integer', makeTemplateInput({ version: 1.5 })],
    ['an invalid recipient email', makeTemplateInput({ recipientEmail: 'not an email' })],
    ['an empty name', makeTemplateInput({ name: '' })],
    ['a step without criteria', templateInputWithSteps(stepWith('empty', []))],
    [
      'a choice with a single option',
      templateInputWithSteps(
        stepWith('one', [
          { kind: 'choice', id: 'pick', label: 'Pick', options: [{ value: 'yes', label: 'Có' }] },
        ]),
      ),
    ],
    [
      'a checklist without prompts',
      templateInputWithSteps(
        stepWith('one', [{ kind: 'checklist', id: 'list', label: 'List', prompts: [] }]),
      ),
    ],
    [
      'a text with a maxLength of 0',
      templateInputWithSteps(
        stepWith('one', [{ kind: 'text', id: 'a', label: 'A', maxLength: 0 }]),
      ),
    ],
    [
      'a date with a two-digit default year',
      templateInputWithSteps(
        stepWith('one', [{ kind: 'date', id: 'a', label: 'A', defaultYear: '13' }]),
      ),
    ],
    [
      'a text defaulting from an unknown unit value',
      templateInputWithSteps(
        stepWith('one', [{ kind: 'text', id: 'a', label: 'A', defaultFrom: 'unitCode' as never }]),
      ),
    ],
  ])('rejects a template with %s', (_, input) => {
    expect(issuesOf(input)).not.toEqual([]);
  });

  it('throws from parseTemplate on an invalid template', () => {
    expect(() => parseTemplate({ ...makeTemplateInput(), steps: [] })).toThrow();
  });
});

describe('findCriterion', () => {
  const template = makeTemplate();

  it('finds a criterion with its step', () => {
    const found = findCriterion(template, 'body-results');
    expect(found?.step.id).toBe('body');
    expect(found?.criterion).toMatchObject({ id: 'body-results', kind: 'longText' });
  });

  it('returns undefined for an unknown criterion', () => {
    expect(findCriterion(template, 'nothing')).toBeUndefined();
  });
});
