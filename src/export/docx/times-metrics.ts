// Advance widths of Times New Roman (read from its metric-compatible twin Tinos, the font
// the PDF embeds) in thousandths of an em, for the few widths the Word writer needs: the
// appendix columns and orientation (shared with the PDF through planAppendix) and the rule
// under the subject. Word lays out the text itself; these only size boxes.
import { PT } from '@/export/pdf/format';
import type { Measure } from '@/export/pdf/layout';

const CHARACTERS = [
  ...' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~đĐ–—…“”‘’ơưƠƯ',
];

const WIDTHS = {
  normal: [
    250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500,
    500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611,
    556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722,
    722, 611, 333, 278, 333, 469, 500, 333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500,
    278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
    500, 722, 500, 1000, 1000, 444, 444, 333, 333, 529, 542, 722, 776,
  ],
  bold: [
    250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500,
    500, 500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500, 930, 722, 667, 722, 722, 667,
    611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722,
    722, 667, 333, 278, 333, 581, 500, 333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556,
    278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520,
    556, 722, 500, 1000, 1000, 500, 500, 333, 333, 554, 600, 778, 796,
  ],
} as const;

const tables = Object.fromEntries(
  Object.entries(WIDTHS).map(([style, widths]) => [
    style,
    new Map(CHARACTERS.map((character, index) => [character, widths[index]!])),
  ]),
) as Record<keyof typeof WIDTHS, Map<string, number>>;

const FALLBACK = 500;

// Width in mm; a Vietnamese letter is as wide as its base letter (tone marks sit above or
// below), italic is measured as upright.
export const measureTimes: Measure = (text, style, size) => {
  const table = style === 'bold' || style === 'bolditalic' ? tables.bold : tables.normal;
  let total = 0;
  for (const character of text.normalize('NFC')) {
    total +=
      table.get(character) ??
      table.get(
        character
          .normalize('NFD')
          .replace(/[\u0300-\u0309\u0323]/g, '')
          .normalize('NFC'),
      ) ??
      table.get(character.normalize('NFD')[0] ?? '') ??
      FALLBACK;
  }
  return (total / 1000) * size * PT;
};
