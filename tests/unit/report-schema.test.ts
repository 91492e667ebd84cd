import { describe, expect, it } from 'vitest';
import type { Answers } from '@/domain/report/answers';
import {
  answersAgainstTemplate,
  asciiSlug,
  buildReportFile,
  REPORT_FILE_FORMAT,
  REPORT_FILE_VERSION,
  reportFileName,
  reportFileSchema,
} from '@/domain/report/report-schema';
import { defaultTemplate } from '@/templates/template-registry';
import { makeReportMeta, NOW } from './factories';

const answers: Answers = {
  'issuing-body': 'BCH ĐOÀN HUYỆN HỒNG DÂN',
  recipients: ['Lưu VP'],
  'document-date': { day: '', month: '', year: '2013' },
};

type FileJson = { [key: string]: unknown; report?: Record<string, unknown> };

// The file as it comes back from JSON, loosely typed so that cases can break it.
function fileAsJson(): FileJson & { report: Record<string, unknown> } {
  return JSON.parse(JSON.stringify(buildReportFile(makeReportMeta(), answers, NOW)));
}

describe('reportFileSchema', () => {
  it('accepts a file built from a report and its answers', () => {
    const file = buildReportFile(makeReportMeta(), answers, NOW);
    expect(file).toMatchObject({ format: REPORT_FILE_FORMAT, version: REPORT_FILE_VERSION });
    expect(reportFileSchema.parse(fileAsJson())).toEqual(file);
  });

  it('accepts a report of a unit typed in as free text', () => {
    const file = fileAsJson();
    file.report.unit = { id: null, name: 'Đoàn Khối Doanh nghiệp' };
    expect(reportFileSchema.safeParse(file).success).toBe(true);
  });

  it('accepts a time with an offset', () => {
    const file = fileAsJson();
    file.exportedAt = '2024-03-01T15:00:00+07:00';
    expect(reportFileSchema.safeParse(file).success).toBe(true);
  });

  it.each<[string, (file: FileJson & { report: Record<string, unknown> }) => void]>([
    ['another format', (f) => void (f.format = 'so-ket/backup')],
    ['a missing format', (f) => void delete f.format],
    ['a newer version', (f) => void (f.version = 3)],
    ['a version given as a string', (f) => void (f.version = '1')],
    ['an export time that is not ISO', (f) => void (f.exportedAt = '01/03/2024')],
    ['an export time without a zone', (f) => void (f.exportedAt = '2024-03-01T08:00:00')],
    ['a missing report', (f) => void delete (f as FileJson).report],
    ['a report without an id', (f) => void delete f.report.id],
    ['a report id that is a number', (f) => void (f.report.id = 1)],
    ['a report name that is a number', (f) => void (f.report.name = 5)],
    ['a report name that is too long', (f) => void (f.report.name = 'x'.repeat(201))],
    ['a template version given as a string', (f) => void (f.report.templateVersion = '1')],
    ['a template version of 0', (f) => void (f.report.templateVersion = 0)],
    ['a negative revision', (f) => void (f.report.revision = -1)],
    ['a fractional revision', (f) => void (f.report.revision = 1.5)],
    ['a unit without a name', (f) => void (f.report.unit = { id: null, name: '  ' })],
    ['a unit given as a string', (f) => void (f.report.unit = 'Huyện Đoàn Hồng Dân')],
    ['answers given as a list', (f) => void (f.answers = [])],
    ['an answer that is a number', (f) => void (f.answers = { place: 5 })],
    ['an answer that is null', (f) => void (f.answers = { place: null })],
    ['a list answer with a number in it', (f) => void (f.answers = { recipients: ['a', 1] })],
    ['a date answer without a year', (f) => void (f.answers = { date: { day: '1', month: '2' } })],
  ])('rejects a file with %s', (_, mutate) => {
    const file = fileAsJson();
    mutate(file);
    expect(reportFileSchema.safeParse(file).success).toBe(false);
  });
});

describe('answersAgainstTemplate', () => {
  it('finds no problems in answers that fit the template', () => {
    expect(answersAgainstTemplate(defaultTemplate, answers)).toEqual([]);
  });

  it('names answers for unknown fields and answers of the wrong shape', () => {
    const problems = answersAgainstTemplate(defaultTemplate, {
      ...answers,
      'signer-position': ['bi-thu'],
      'cadres-prompts': 'plan',
      'document-date': '22/08/2013',
      'old-field': 'x',
    });
    expect(problems).toEqual([
      { fieldId: 'document-date', problem: 'wrongType', path: '' },
      { fieldId: 'signer-position', problem: 'wrongType', path: '' },
      { fieldId: 'cadres-prompts', problem: 'wrongType', path: '' },
      { fieldId: 'old-field', problem: 'unknownField', path: '' },
    ]);
  });

  // "Ký hiệu văn bản" (document-symbol) may have 30 characters: the editor keeps up to 60
  // with its error, so a file may hold that much and no more.
  it('takes text up to twice its maximum, kept with its error, and refuses one more', () => {
    expect(answersAgainstTemplate(defaultTemplate, { 'document-symbol': 'x'.repeat(60) })).toEqual(
      [],
    );
    expect(answersAgainstTemplate(defaultTemplate, { 'document-symbol': 'x'.repeat(61) })).toEqual([
      { fieldId: 'document-symbol', problem: 'tooLong', path: '' },
    ]);
    expect(
      answersAgainstTemplate(defaultTemplate, { 'direction-results': 'x'.repeat(200_001) }),
    ).toEqual([{ fieldId: 'direction-results', problem: 'tooLong', path: '' }]);
  });

  const entry = (id: string, values: Record<string, unknown> = { name: 'Mô hình' }) => ({
    id,
    values,
  });
  it.each<[string, Answers, { fieldId: string; problem: string; path: string }]>([
    [
      'an unknown choice',
      { 'signer-position': 'vua' },
      { fieldId: 'signer-position', problem: 'invalidOption', path: '' },
    ],
    [
      'an unknown checklist prompt',
      { 'direction-prompts': ['plan', 'nope'] },
      { fieldId: 'direction-prompts', problem: 'invalidOption', path: '' },
    ],
    [
      'more list items than allowed',
      { recipients: Array.from({ length: 31 }, () => 'Lưu VP') },
      { fieldId: 'recipients', problem: 'tooManyItems', path: '' },
    ],
    [
      'a list item over twice its maximum',
      { recipients: ['x'.repeat(401)] },
      { fieldId: 'recipients', problem: 'itemTooLong', path: '' },
    ],
    [
      'a date part that is not digits',
      { 'document-date': { day: 'x', month: '', year: '2013' } },
      { fieldId: 'document-date', problem: 'invalidDate', path: '' },
    ],
    [
      'more entries than allowed',
      { models: Array.from({ length: 31 }, (_, i) => entry(`m${i}`)) },
      { fieldId: 'models', problem: 'tooManyItems', path: '' },
    ],
    [
      'two entries with the same id',
      { models: [entry('m1'), entry('m1')] },
      { fieldId: 'models', problem: 'duplicateEntry', path: '1.id' },
    ],
    [
      'an entry field the template does not have',
      { models: [entry('m1', { name: 'A', rating: 5 })] },
      { fieldId: 'models', problem: 'unknownField', path: '0.values.rating' },
    ],
    [
      'an entry field of the wrong shape',
      { models: [entry('m1', { name: 5 })] },
      { fieldId: 'models', problem: 'wrongType', path: '0.values.name' },
    ],
    [
      'an over-long entry field',
      { models: [entry('m1', { content: 'x'.repeat(20_001) })] },
      { fieldId: 'models', problem: 'tooLong', path: '0.values.content' },
    ],
    [
      'more photos than the entry may have',
      {
        models: [
          entry('m1', {
            photos: Array.from({ length: 7 }, (_, i) => ({ photoId: `p${i}`, caption: '' })),
          }),
        ],
      },
      { fieldId: 'models', problem: 'tooManyItems', path: '0.values.photos' },
    ],
    [
      'an unknown choice in an entry',
      { models: [entry('m1', { serves: 'nope' })] },
      { fieldId: 'models', problem: 'invalidOption', path: '0.values.serves' },
    ],
  ])('refuses %s, naming where it is', (_, given, expected) => {
    expect(answersAgainstTemplate(defaultTemplate, given)).toEqual([expected]);
  });
});

describe('asciiSlug', () => {
  it.each([
    ['Huyện Đoàn Hồng Dân', 'huyen-doan-hong-dan'],
    ['Đoàn Khối Doanh nghiệp', 'doan-khoi-doanh-nghiep'],
    ['Thành Đoàn Bạc Liêu', 'thanh-doan-bac-lieu'],
    ['Huye\u0323\u0302n Đoa\u0300n', 'huyen-doan'],
    ['  Báo cáo (bản 2) / 2013!  ', 'bao-cao-ban-2-2013'],
    ['Ưu điểm — hạn chế', 'uu-diem-han-che'],
    ['', ''],
    ['!!!', ''],
  ])('turns %j into %j', (text, expected) => {
    expect(asciiSlug(text)).toBe(expected);
  });

  it('keeps at most 80 characters', () => {
    expect(asciiSlug('a'.repeat(100))).toHaveLength(80);
  });
});

describe('reportFileName', () => {
  it.each([
    ['Báo cáo Hồng Dân', 'bao-cao-bao-cao-hong-dan.json'],
    ['', 'bao-cao-huyen-doan-hong-dan.json'],
    ['!!!', 'bao-cao-so-ket.json'],
  ])('names the file of a report called %j %j', (name, expected) => {
    expect(reportFileName(makeReportMeta({ name }))).toBe(expected);
  });
});
