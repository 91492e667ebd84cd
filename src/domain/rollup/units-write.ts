// "Các đơn vị viết": what the units wrote for a narrative field of the province's own
// report (the same criterion of their accepted versions), searched without regard to
// case or tone marks, quoted or attributed when inserted; and sentences built from the
// province's consolidated appendix (the template's provinceLevel.suggestions). Pure.
import { evaluateAppendix } from '@/domain/appendix/evaluate';
import type { Answers } from '@/domain/report/answers';
import { splitTextBlocks } from '@/domain/report/text';
import type { Template } from '@/domain/template/template-schema';

export type UnitText = { unitName: string; paragraphs: string[] };

// Each unit's paragraphs (list items as written, with their bullet) for `criterionId`;
// units that wrote nothing there have no paragraphs.
export function unitTexts(
  criterionId: string,
  versions: readonly { unitName: string; answers: Record<string, unknown> }[],
): UnitText[] {
  return versions.map(({ unitName, answers }) => {
    const value = answers[criterionId];
    return {
      unitName,
      paragraphs:
        typeof value === 'string'
          ? splitTextBlocks(value).map((block) =>
              block.kind === 'listItem' ? `${block.bullet} ${block.text}` : block.text,
            )
          : [],
    };
  });
}

// Lower case, NFC, tone marks and the stroke of đ dropped: "Đoàn viên" → "doan vien".
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLocaleLowerCase('vi')
    .replace(/\s+/g, ' ')
    .trim();
}

// The paragraphs holding every word of the query; all of them for an empty query.
export function searchUnitTexts(texts: readonly UnitText[], query: string): UnitText[] {
  const words = searchKey(query).split(' ').filter(Boolean);
  if (words.length === 0) return [...texts];
  return texts.map((text) => ({
    unitName: text.unitName,
    paragraphs: text.paragraphs.filter((paragraph) => {
      const key = searchKey(paragraph);
      return words.every((word) => key.includes(word));
    }),
  }));
}

const withoutBullet = (paragraph: string) => paragraph.replace(/^[-+]\s+/, '');

// A passage quoted with its source: “…” (Huyện Đoàn Vĩnh Lợi).
export function quotedPassage(unitName: string, paragraph: string): string {
  return `“${withoutBullet(paragraph)}” (${unitName})`;
}

// A passage attributed as a list item: "- Huyện Đoàn Vĩnh Lợi: …".
export function attributedPassage(unitName: string, paragraph: string): string {
  return `- ${unitName}: ${withoutBullet(paragraph)}`;
}

// The text of a field with `passage` added as its own paragraph at the end.
export function withPassage(current: string, passage: string): string {
  const trimmed = current.replace(/\s+$/, '');
  return trimmed === '' ? passage : `${trimmed}\n${passage}`;
}

export type SuggestionFigures = {
  sentence: string;
  indicatorId: string;
  value: number;
  // Against the first review year (stocks only; null for a flow or a first year of 0).
  changePercent: number | null;
  firstYear: string;
  lastYear: string;
};

// The suggestions of a narrative field whose indicator has what the sentence needs in the
// province report's appendix: a stock its last year's value (and the first year's for
// the change), a flow every year's (summed).
export function suggestionFigures(
  template: Template,
  suggestions: readonly { criterionId: string; indicatorId: string; sentence: string }[],
  answers: Answers,
  criterionId: string,
): SuggestionFigures[] {
  const wanted = suggestions.filter((s) => s.criterionId === criterionId);
  if (wanted.length === 0) return [];
  const evaluation = evaluateAppendix(template, answers);
  const rows = new Map(
    evaluation.tables.flatMap((table) => table.rows.map((row) => [row.indicator.id, row])),
  );
  const years = evaluation.years;
  const firstYear = years[0]!;
  const lastYear = years.at(-1)!;
  return wanted.flatMap((suggestion) => {
    const row = rows.get(suggestion.indicatorId);
    if (!row) return [];
    const values = years.map((year) => row.values[year] ?? null);
    if (row.indicator.measure === 'flow') {
      if (values.some((v) => v === null)) return [];
      const value = (values as number[]).reduce((a, b) => a + b, 0);
      return [{ ...suggestion, value, changePercent: null, firstYear, lastYear }];
    }
    const last = values.at(-1);
    const first = values[0];
    if (last === null || last === undefined) return [];
    const changePercent =
      first === null || first === undefined || first === 0
        ? null
        : Math.round(((last - first) / first) * 1000) / 10;
    return [{ ...suggestion, value: last, changePercent, firstYear, lastYear }];
  });
}
