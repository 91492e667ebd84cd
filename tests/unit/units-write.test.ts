// "Các đơn vị viết" (issue 17): the units' texts for a narrative field of the province's
// report, searched and inserted, and the sentences built from its consolidated appendix.
import { describe, expect, it } from 'vitest';
import type { IndicatorTableValue } from '@/domain/appendix/evaluate';
import type { Answers } from '@/domain/report/answers';
import {
  attributedPassage,
  quotedPassage,
  searchUnitTexts,
  suggestionFigures,
  unitTexts,
  withPassage,
} from '@/domain/rollup/units-write';
import { suggestionSentence } from '@/i18n/vi-province-report';
import { defaultTemplate, findProvinceTemplate } from '@/templates/template-registry';

const province = findProvinceTemplate(defaultTemplate)!;
const suggestions = defaultTemplate.provinceLevel!.suggestions;

const versions = [
  {
    unitName: 'Huyện Đoàn Vĩnh Lợi',
    answers: {
      'members-results':
        'Kết nạp 1.250 đoàn viên mới, chú trọng thanh niên công nhân.\n- Tổ chức 45 lớp tìm hiểu về Đoàn.',
    },
  },
  { unitName: 'Huyện Đoàn Hòa Bình', answers: { 'members-results': '   ' } },
  {
    unitName: 'Huyện Đoàn Giá Rai',
    answers: { 'members-results': 'Đoàn viên tích cực tham gia các phong trào.' },
  },
];

function sentences(answers: Answers, criterionId: string): (string | null)[] {
  return suggestionFigures(province, suggestions, answers, criterionId).map(suggestionSentence);
}

function membersTable(cells: IndicatorTableValue['cells']): IndicatorTableValue {
  return { cells, targets: {}, notes: {}, isMarkedComplete: true };
}

describe('the units’ texts for a criterion', () => {
  it('gives each unit its paragraphs and list items, none for a blank answer', () => {
    expect(unitTexts('members-results', versions)).toEqual([
      {
        unitName: 'Huyện Đoàn Vĩnh Lợi',
        paragraphs: [
          'Kết nạp 1.250 đoàn viên mới, chú trọng thanh niên công nhân.',
          '- Tổ chức 45 lớp tìm hiểu về Đoàn.',
        ],
      },
      { unitName: 'Huyện Đoàn Hòa Bình', paragraphs: [] },
      {
        unitName: 'Huyện Đoàn Giá Rai',
        paragraphs: ['Đoàn viên tích cực tham gia các phong trào.'],
      },
    ]);
    expect(unitTexts('situation', versions).every((u) => u.paragraphs.length === 0)).toBe(true);
  });

  it('finds paragraphs by every word, ignoring case and tone marks', () => {
    const texts = unitTexts('members-results', versions);
    const found = searchUnitTexts(texts, 'doan VIEN  moi');
    expect(found.map((u) => u.paragraphs)).toEqual([
      ['Kết nạp 1.250 đoàn viên mới, chú trọng thanh niên công nhân.'],
      [],
      [],
    ]);
    expect(searchUnitTexts(texts, 'lớp tìm hiểu')[0]!.paragraphs).toEqual([
      '- Tổ chức 45 lớp tìm hiểu về Đoàn.',
    ]);
    expect(searchUnitTexts(texts, '  ')).toEqual(texts);
  });

  it('quotes a passage with its unit, or attributes it as a list item', () => {
    expect(quotedPassage('Huyện Đoàn Vĩnh Lợi', '- Tổ chức 45 lớp.')).toBe(
      '“Tổ chức 45 lớp.” (Huyện Đoàn Vĩnh Lợi)',
    );
    expect(attributedPassage('Huyện Đoàn Vĩnh Lợi', 'Kết nạp 1.250 đoàn viên.')).toBe(
      '- Huyện Đoàn Vĩnh Lợi: Kết nạp 1.250 đoàn viên.',
    );
  });

  it('adds a passage as a paragraph of its own at the end of the draft', () => {
    expect(withPassage('', 'A')).toBe('A');
    expect(withPassage('Đoạn một.\n\n', 'A')).toBe('Đoạn một.\nA');
  });
});

describe('the suggested sentence from the consolidated appendix', () => {
  const answers = {
    'members-table': membersTable({
      'mem-total': { '2009': 25900, '2010': 26400, '2011': 27000, '2012': 27800, '2013': 28400 },
      'mem-admitted': { '2009': 900, '2010': 1000, '2011': 1100, '2012': 1200, '2013': 800 },
    }),
  };

  it('gives the last year, its change on the first, and a flow’s period sum, the Vietnamese way', () => {
    expect(sentences(answers, 'members-results')).toEqual([
      'Toàn tỉnh có 28.400 đoàn viên, tăng 9,7 % so với năm 2009.',
      'Trong giai đoạn 2009–2013, toàn tỉnh kết nạp 5.000 đoàn viên mới.',
    ]);
  });

  it('says a decrease as such', () => {
    const fewer = {
      'members-table': membersTable({ 'mem-total': { '2009': 30000, '2013': 28400 } }),
    };
    expect(sentences(fewer, 'members-results')).toEqual([
      'Toàn tỉnh có 28.400 đoàn viên, giảm 5,3 % so với năm 2009.',
    ]);
  });

  it('offers nothing for a figure the appendix lacks, nor a change without its first year', () => {
    expect(sentences({}, 'members-results')).toEqual([]);
    const noFirst = { 'members-table': membersTable({ 'mem-total': { '2013': 28400 } }) };
    expect(sentences(noFirst, 'members-results')).toEqual([null]);
    expect(sentences(answers, 'strengths')).toEqual([]);
  });
});
