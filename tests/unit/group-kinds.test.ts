// The repeatable group and image list kinds, and the models document built from them.
import { describe, expect, it } from 'vitest';
import { photoIdsInValue, replacePhotoIds, type GroupItem } from '@/domain/report/answer-kinds';
import { checkAnswer, isAnswerEmpty, normalizeAnswer, readAnswer } from '@/domain/report/answers';
import { buildReportDocument, documentSteps } from '@/domain/report/document-model';
import { fitWithin } from '@/domain/report/photo-policy';
import { stepState } from '@/domain/report/progress';
import { parseTemplate, templateSchema } from '@/domain/template/template-schema';
import { defaultTemplate } from '@/templates/template-registry';
import { soKet5NamNq01BacLieu } from '@/templates/so-ket-5-nam-nq01-bac-lieu.template';
import { makeCriterion } from './factories';

const models = makeCriterion({
  kind: 'group',
  id: 'models',
  label: 'Mô hình',
  required: true,
  itemLabel: 'Mô hình',
  addLabel: 'Thêm mô hình',
  titleField: 'name',
  maxItems: 2,
  fields: [
    { kind: 'text', id: 'name', label: 'Tên', required: true, maxLength: 10 },
    { kind: 'text', id: 'count', label: 'Số lượng', numeric: true },
    { kind: 'imageList', id: 'photos', label: 'Ảnh', maxItems: 2, captionMaxLength: 5 },
  ],
});

const item = (id: string, values: GroupItem['values']): GroupItem => ({ id, values });

describe('the group kind', () => {
  it('is empty with no entries and required then', () => {
    expect(isAnswerEmpty(models, [])).toBe(true);
    expect(checkAnswer(models, [])).toBe('required');
    expect(checkAnswer(models, undefined)).toBe('required');
  });

  it('accepts valid entries', () => {
    expect(checkAnswer(models, [item('a', { name: 'Tổ 1', count: '1.250' })])).toBeNull();
  });

  it('says an entry lacking only required fields is incomplete, not wrong', () => {
    expect(checkAnswer(models, [item('a', { count: '3' })])).toBe('entryIncomplete');
    expect(checkAnswer(models, [item('a', {}), item('b', { name: 'B', count: 'x' })])).toBe(
      'entryInvalid',
    );
  });

  it.each([
    ['a too long title', { name: 'x'.repeat(11) }],
    ['a number that is not whole', { name: 'A', count: '2,5' }],
    ['a negative number', { name: 'A', count: '-3' }],
    ['words where a number goes', { name: 'A', count: 'ba' }],
    ['a caption over its limit', { name: 'A', photos: [{ photoId: 'p1', caption: '123456' }] }],
    [
      'too many photos',
      {
        name: 'A',
        photos: ['p1', 'p2', 'p3'].map((photoId) => ({ photoId, caption: '' })),
      },
    ],
  ])('flags an entry with %s', (_name, values) => {
    expect(checkAnswer(models, [item('a', values as GroupItem['values'])])).toBe('entryInvalid');
  });

  it('refuses more entries than allowed', () => {
    const three = ['a', 'b', 'c'].map((id) => item(id, { name: id }));
    expect(checkAnswer(models, three)).toBe('tooManyItems');
  });

  it('reads a field of the wrong shape as empty, and a wrong whole value as wrongType', () => {
    const damaged = [item('a', { name: ['x'] as never, count: '2' })];
    expect(readAnswer(models, damaged)).toEqual(damaged);
    expect(checkAnswer(models, damaged)).toBe('entryIncomplete');
    expect(readAnswer(models, 'text')).toBeUndefined();
    expect(checkAnswer(models, 'text')).toBe('wrongType');
  });

  it('normalises text to NFC and keeps fields the template does not know', () => {
    const value = [item('a', { name: 'Vie\u0323\u0302t', future: 'kept' })];
    expect(normalizeAnswer(models, value)).toEqual([item('a', { name: 'Việt', future: 'kept' })]);
  });
});

describe('the models step in the table of contents', () => {
  const step = defaultTemplate.steps.find((s) => s.id === 'models')!;

  it('is in progress, not in error, while a new entry has no name yet', () => {
    expect(stepState(step, { models: [item('a', {})] })).toBe('inProgress');
    expect(stepState(step, { models: [item('a', { name: 'x'.repeat(201) })] })).toBe('hasErrors');
    expect(stepState(step, { models: [item('a', { name: 'Tổ tự quản' })] })).toBe('complete');
  });
});

describe('photo ids in answers', () => {
  const answers = {
    models: [
      item('a', { name: 'A', photos: [{ photoId: 'p1', caption: 'x' }] }),
      item('b', { name: 'B', photos: [{ photoId: 'p2', caption: '' }] }),
    ],
    single: [{ photoId: 'p3', caption: '' }],
    text: 'photoId',
  };

  it('finds them in image lists alone and inside group entries', () => {
    expect([...photoIdsInValue(Object.values(answers))].sort()).toEqual(['p1', 'p2', 'p3']);
  });

  it('replaces them in a record of answers and nothing else', () => {
    const map = new Map([
      ['p1', 'q1'],
      ['p3', 'q3'],
    ]);
    const replaced = replacePhotoIds(answers, map);
    expect([...photoIdsInValue(Object.values(replaced))].sort()).toEqual(['p2', 'q1', 'q3']);
    expect(replaced.text).toBe('photoId');
    expect(replaced.models[0]!.values.name).toBe('A');
    expect(answers.models[0]!.values.photos).toEqual([{ photoId: 'p1', caption: 'x' }]);
  });
});

describe('the template schema for groups and documents', () => {
  it('refuses a group whose title field is not a text field', () => {
    const input = structuredClone(soKet5NamNq01BacLieu);
    const step = input.steps.find((s) => s.id === 'models')!;
    const group = step.criteria.find((c) => c.kind === 'group')!;
    (group as { titleField: string }).titleField = 'serves';
    expect(templateSchema.safeParse(input).success).toBe(false);
  });

  it('refuses a step of an unknown document and a document without its number field', () => {
    const input = structuredClone(soKet5NamNq01BacLieu);
    (input.steps.find((s) => s.id === 'models') as { document: string }).document = 'other';
    expect(templateSchema.safeParse(input).success).toBe(false);
    const second = structuredClone(soKet5NamNq01BacLieu);
    (second.documents[0] as { numberField: string }).numberField = 'nowhere';
    expect(templateSchema.safeParse(second).success).toBe(false);
  });

  it('parses the built-in template with its models document', () => {
    const template = parseTemplate(soKet5NamNq01BacLieu);
    expect(documentSteps(template, 'models').map((s) => s.id)).toEqual(['models', 'materials']);
    expect(documentSteps(template, 'main')).toHaveLength(template.steps.length - 2);
  });
});

describe('the models document', () => {
  const answers = {
    'issuing-body': 'BCH ĐOÀN HUYỆN HỒNG DÂN',
    'document-number': '45',
    'document-symbol': 'BC/ĐTN',
    'models-document-number': '46',
    models: [
      item('a', {
        name: 'Chi đoàn 4 tốt',
        'where-since': 'Xã Ninh Quới, từ 3/2010',
        content: 'Đoạn một.\n\nĐoạn hai.',
        serves: 'ii-2-2',
        photos: [
          { photoId: 'p1', caption: 'Sinh hoạt chi đoàn' },
          { photoId: 'p2', caption: '' },
        ],
      }),
      item('b', { name: '', results: 'Tăng 20% đoàn viên.' }),
    ],
    materials: [
      item('m1', {
        title: 'Tờ gấp Nghị quyết 01',
        type: 'an-pham',
        quantity: '1.500',
        date: { day: '', month: '5', year: '2011' },
        photo: [{ photoId: 'p9', caption: '' }],
      }),
      item('empty', {}),
    ],
  };
  const doc = buildReportDocument(defaultTemplate, answers, 'Huyện Đoàn Hồng Dân', 'models');

  it('has its own number and subject and the shared header', () => {
    expect(doc.header.numberLine).toBe('Số: 46-BC/ĐTN');
    expect(doc.header.issuingBody).toBe('BCH ĐOÀN HUYỆN HỒNG DÂN');
    expect(doc.subject).toMatch(/^Tổng hợp các mô hình hay, cách làm hiệu quả/);
    expect(doc.appendixTitle).toMatch(/^DANH MỤC ẤN PHẨM/);
    expect(doc.appendixNote).toContain('46-BC/ĐTN');
  });

  it('prints each model as a numbered section with its fields and photos', () => {
    const headings = doc.body.filter((b) => b.kind === 'heading');
    expect(headings.map((h) => (h.kind === 'heading' ? `${h.number} ${h.title}` : ''))).toEqual([
      '1. Chi đoàn 4 tốt',
      '2. Mô hình 2',
    ]);
    const texts = doc.body.map((b) => ('text' in b ? b.text : b.kind));
    expect(texts).toContain('Địa bàn, thời gian thực hiện: Xã Ninh Quới, từ 3/2010');
    expect(texts).toContain('Nội dung Nghị quyết: II.2.2. Đoàn viên');
    expect(texts).toContain('Đoạn hai.');
    const photos = doc.body.find((b) => b.kind === 'photos');
    expect(photos?.kind === 'photos' && photos.photos.map((p) => p.photoId)).toEqual(['p1', 'p2']);
  });

  it('prints the materials as the appendix table, blank entries left out', () => {
    const table = doc.appendixBody.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.rows).toEqual([
      ['1', 'Tờ gấp Nghị quyết 01', 'Ấn phẩm', '1.500', '5/2011', ''],
    ]);
    const photos = doc.appendixBody.find((b) => b.kind === 'photos');
    expect(photos?.kind === 'photos' && photos.photos).toEqual([
      { photoId: 'p9', caption: 'Tờ gấp Nghị quyết 01' },
    ]);
  });

  it('is a draft while an entry is incomplete, and leaves the review report alone', () => {
    expect(doc.isDraft).toBe(true);
    const main = buildReportDocument(defaultTemplate, answers, 'Huyện Đoàn Hồng Dân');
    expect(main.header.numberLine).toBe('Số: 45-BC/ĐTN');
    expect(main.body.some((b) => b.kind === 'photos' || b.kind === 'table')).toBe(false);
    expect(main.appendixBody).toEqual([]);
  });
});

describe('fitWithin', () => {
  it.each([
    [8000, 6000, 1600, 1200],
    [3000, 4000, 1200, 1600],
    [800, 600, 800, 600],
    [1601, 1, 1600, 1],
  ])('%i×%i fits as %i×%i', (w, h, ew, eh) => {
    expect(fitWithin(w, h, 1600)).toEqual({ width: ew, height: eh });
  });
});
