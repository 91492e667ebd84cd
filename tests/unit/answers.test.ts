import { describe, expect, it } from 'vitest';
import { ISSUE_CODES } from '@/domain/report/answer-kinds';
import {
  answerOrEmpty,
  initialAnswers,
  stepFormSchema,
  stepFormValues,
  type Answers,
} from '@/domain/report/answers';
import { parseTemplate } from '@/domain/template/template-schema';
import { defaultTemplate } from '@/templates/template-registry';
import { bodyStep, makeCriterion, makeTemplate, stepOf, templateInputWithSteps } from './factories';

const HONG_DAN = { id: 'huyen-doan-hong-dan', name: 'Huyện Đoàn Hồng Dân' };
const KHOI_DOANH_NGHIEP = { id: null, name: 'Đoàn Khối Doanh nghiệp' };

describe('initialAnswers', () => {
  it('prefills the built-in template for a listed unit', () => {
    expect(initialAnswers(defaultTemplate, HONG_DAN)).toEqual({
      'superior-body': 'TỈNH ĐOÀN BẠC LIÊU',
      'issuing-body': 'BCH ĐOÀN HUYỆN HỒNG DÂN',
      'document-symbol': 'BC/ĐTN',
      place: 'Hồng Dân',
      'document-date': { day: '', month: '', year: '2013' },
      'signing-line': 'TM. BAN THƯỜNG VỤ',
      'signer-position': 'bi-thu',
      recipients: [
        'Ban Thường vụ Tỉnh Đoàn (b/c)',
        'Ban Tổ chức Tỉnh Đoàn (b/c)',
        'Thường trực cấp ủy cùng cấp (b/c)',
        'Lưu VP',
      ],
      'header-layout': 'rules-2013',
      opening: expect.stringContaining('Ban Thường vụ Huyện Đoàn Hồng Dân báo cáo kết quả'),
      'models-opening': expect.stringContaining('Ban Thường vụ Huyện Đoàn Hồng Dân tổng hợp'),
    });
  });

  it.each([
    ['huyen-doan-hong-dan', 'Huyện Đoàn Hồng Dân', 'BCH ĐOÀN HUYỆN HỒNG DÂN', 'Hồng Dân'],
    ['thanh-doan-bac-lieu', 'Thành Đoàn Bạc Liêu', 'BCH THÀNH ĐOÀN BẠC LIÊU', 'Bạc Liêu'],
    ['huyen-doan-dong-hai', 'Huyện Đoàn Đông Hải', 'BCH ĐOÀN HUYỆN ĐÔNG HẢI', 'Đông Hải'],
  ])(
    'takes the issuing body and place of %s from the unit list',
    (id, name, issuingBody, place) => {
      const answers = initialAnswers(defaultTemplate, { id, name });
      expect(answers['issuing-body']).toBe(issuingBody);
      expect(answers.place).toBe(place);
    },
  );

  it('derives the issuing body of a unit typed in as free text', () => {
    const answers = initialAnswers(defaultTemplate, KHOI_DOANH_NGHIEP);
    expect(answers['issuing-body']).toBe('BCH ĐOÀN KHỐI DOANH NGHIỆP');
  });

  it('leaves the place of a unit typed in as free text unanswered', () => {
    const answers = initialAnswers(defaultTemplate, KHOI_DOANH_NGHIEP);
    expect(answers).not.toHaveProperty('place');
  });

  it('treats a unit id missing from the list like a free-text unit', () => {
    const answers = initialAnswers(defaultTemplate, { id: 'doan-truong', name: 'Đoàn trường' });
    expect(answers['issuing-body']).toBe('BCH ĐOÀN TRƯỜNG');
    expect(answers).not.toHaveProperty('place');
  });

  it.each([
    [HONG_DAN, 'Ban Thường vụ Huyện Đoàn Hồng Dân báo cáo'],
    [KHOI_DOANH_NGHIEP, 'Ban Thường vụ Đoàn Khối Doanh nghiệp báo cáo'],
  ])('replaces "{unit}" in the opening with the name of %o', (unit, expected) => {
    const opening = initialAnswers(defaultTemplate, unit).opening;
    expect(opening).toContain(expected);
    expect(opening).not.toContain('{unit}');
  });

  it('stores a decomposed free-text unit name in NFC', () => {
    const answers = initialAnswers(defaultTemplate, {
      id: null,
      name: 'Đoa\u0300n Kho\u0302\u0301i',
    });
    expect(answers['issuing-body']).toBe('BCH ĐOÀN KHỐI');
    expect(answers.opening).toContain('Ban Thường vụ Đoàn Khối báo cáo');
  });

  it('replaces every "{unit}" in a default and fills a text from the unit name', () => {
    const template = parseTemplate(
      templateInputWithSteps({
        id: 'one',
        shortTitle: 'One',
        title: 'One',
        criteria: [
          { kind: 'longText', id: 'twice', label: 'A', default: '{unit} và {unit}' },
          { kind: 'text', id: 'unit-name', label: 'B', defaultFrom: 'unitName' },
        ],
      }),
    );
    const answers = initialAnswers(template, HONG_DAN);
    expect(answers.twice).toBe('Huyện Đoàn Hồng Dân và Huyện Đoàn Hồng Dân');
    expect(answers['unit-name']).toBe('Huyện Đoàn Hồng Dân');
  });

  it('leaves out fields without a default', () => {
    const answers = initialAnswers(defaultTemplate, HONG_DAN);
    for (const fieldId of ['document-number', 'signer-name', 'situation', 'cadres-results']) {
      expect(answers).not.toHaveProperty(fieldId);
    }
  });
});

describe('stepFormSchema', () => {
  const template = makeTemplate();
  const step = stepOf(template, 'body');

  it('accepts valid values for a step', () => {
    const result = stepFormSchema(step).safeParse({
      'body-prompts': ['plan'],
      'body-results': 'Kết quả tốt.',
      'body-date': { day: '22', month: '8', year: '2013' },
      'body-limitations': '',
    });
    expect(result.success).toBe(true);
  });

  it('reports each broken field with its IssueCode as the message', () => {
    const result = stepFormSchema(step).safeParse({
      'body-prompts': ['plan', 'budget'],
      'body-results': 'x'.repeat(21),
      'body-date': { day: '', month: '', year: '' },
      'body-limitations': 5,
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [['body-prompts'], 'invalidOption'],
      [['body-results'], 'tooLong'],
      [['body-date'], 'required'],
      [['body-limitations'], 'wrongType'],
    ]);
  });

  it('reports required fields left undefined as required and nothing else', () => {
    const result = stepFormSchema(step).safeParse({
      'body-prompts': undefined,
      'body-results': undefined,
      'body-date': undefined,
      'body-limitations': undefined,
    });
    expect(result.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [['body-results'], 'required'],
      [['body-date'], 'required'],
    ]);
  });

  it('gives only IssueCodes as messages for the empty values of a step', () => {
    const empty = stepFormValues(step, {});
    const messages = stepFormSchema(step)
      .safeParse({ ...empty, 'body-results': 'x'.repeat(21), 'body-prompts': ['budget'] })
      .error?.issues.map((issue) => issue.message);
    expect(messages).toEqual(['invalidOption', 'tooLong', 'required']);
    expect(messages?.every((m) => (ISSUE_CODES as readonly string[]).includes(m))).toBe(true);
  });
});

describe('stepFormValues', () => {
  const step = parseTemplate(templateInputWithSteps(bodyStep())).steps[1]!;

  it('gives every field of the step a value, empty where nothing is stored', () => {
    const answers: Answers = { 'body-results': 'Kết quả', other: 'không thuộc bước này' };
    expect(stepFormValues(step, answers)).toEqual({
      'body-prompts': [],
      'body-results': 'Kết quả',
      'body-date': { day: '', month: '', year: '' },
      'body-limitations': '',
    });
  });

  it('replaces a stored value of the wrong type with the empty value', () => {
    const answers: Answers = { 'body-results': ['not', 'text'] };
    expect(stepFormValues(step, answers)['body-results']).toBe('');
  });
});

describe('answerOrEmpty', () => {
  const criterion = makeCriterion({ kind: 'list', id: 'recipients', label: 'Nơi nhận' });

  it.each<[string, Answers, unknown]>([
    ['the stored value', { recipients: ['Lưu VP'] }, ['Lưu VP']],
    ['the empty value when nothing is stored', {}, []],
    ['the empty value when the stored value has the wrong shape', { recipients: 'Lưu VP' }, []],
  ])('returns %s', (_, answers, expected) => {
    expect(answerOrEmpty(criterion, answers)).toEqual(expected);
  });
});
