import { describe, expect, it } from 'vitest';
import { formatVietnameseNumber, parseVietnameseNumber } from '@/domain/appendix/numbers';
import { mulberry32 } from '../fixtures/random';

describe('parseVietnameseNumber', () => {
  it.each<[string, string, number]>([
    ['a Vietnamese thousands separator', '1.234', 1234],
    ['plain digits', '1234', 1234],
    ['a Vietnamese decimal comma', '12,5', 12.5],
    ['an English thousands separator', '1,234', 1234],
    ['an English decimal point', '12.5', 12.5],
    ['Vietnamese thousands and decimals', '1.234,5', 1234.5],
    ['English thousands and decimals', '1,234.5', 1234.5],
    ['several Vietnamese groups', '1.234.567', 1234567],
    ['several English groups', '1,234,567', 1234567],
    ['several groups and decimals', '12.345.678,25', 12345678.25],
    ['spaces around and between groups', ' 1 234 ', 1234],
    ['a non-breaking space between groups', '1\u00a0234', 1234],
    ['a narrow non-breaking space between groups', '1\u202f234', 1234],
    ['a trailing percent sign', '12%', 12],
    ['a decimal rate with a spaced percent sign', '12,5 %', 12.5],
    ['a decimal comma after a zero', '0,125', 0.125],
    ['a decimal point after a zero', '0.125', 0.125],
    ['a zero', '0', 0],
    ['a leading zero', '007', 7],
    ['a negative number', '-3', -3],
    ['a minus sign', '\u22123', -3],
    ['an en dash as a minus', '\u20133', -3],
    ['a negative zero', '-0', 0],
    ['a negative grouped decimal', '-1.234,5', -1234.5],
  ])('reads %s ("%s") as %d', (_, input, expected) => {
    expect(parseVietnameseNumber(input)).toBe(expected);
  });

  it.each<[string, string]>([
    ['an empty text', ''],
    ['only spaces', '   '],
    ['only non-breaking spaces', '\u00a0\u202f'],
  ])('reads %s as a blank cell', (_, input) => {
    expect(parseVietnameseNumber(input)).toBeNull();
  });

  it.each<[string, string]>([
    ['letters', 'abc'],
    ['two decimal points', '1.2.3'],
    ['two decimal commas', '1,2,3'],
    ['two minus signs', '--1'],
    ['a lone minus sign', '-'],
    ['an exponent', '1e5'],
    ['a hexadecimal number', '0x10'],
    ['Arabic-Indic digits', '\u0661\u0662'],
    ['Indian grouping', '1,23,456'],
    ['a leading decimal point', '.5'],
    ['a trailing decimal point', '5.'],
    ['a trailing decimal comma', '5,'],
    ['a grouped whole part with a bad group', '1.23,5'],
    ['two decimal separators of each kind', '1.234,5,6'],
    ['a zero before a thousands group with decimals', '0.123,5'],
    ['a number followed by text', '12 người'],
    ['only a percent sign', '%'],
  ])('does not read %s ("%s") as a number', (_, input) => {
    expect(parseVietnameseNumber(input)).toBeUndefined();
  });

  it('reads a decomposed text the same as its composed form', () => {
    expect(parseVietnameseNumber('1.234'.normalize('NFD'))).toBe(1234);
  });
});

describe('formatVietnameseNumber', () => {
  it.each<[number, 'count' | 'percent', string]>([
    [1234, 'count', '1.234'],
    [1234567, 'count', '1.234.567'],
    [999, 'count', '999'],
    [0, 'count', '0'],
    [1234.5, 'count', '1.234,5'],
    [12.25, 'count', '12,25'],
    [12.5, 'percent', '12,5%'],
    [100, 'percent', '100,0%'],
    [0, 'percent', '0,0%'],
    [33.333333, 'percent', '33,3%'],
    [66.666667, 'percent', '66,7%'],
  ])('writes %d as a %s as "%s"', (value, unit, expected) => {
    expect(formatVietnameseNumber(value, unit)).toBe(expected);
  });
});

// A small seeded generator (mulberry32), so a failure can be reproduced.
function generator(seed: number) {
  const next = mulberry32(seed);
  const integer = (max: number) => Math.floor(next() * (max + 1));
  return { next, integer };
}

function cases(seed: number, count: number, make: (g: ReturnType<typeof generator>) => number) {
  const g = generator(seed);
  return Array.from({ length: count }, () => make(g));
}

describe('formatting then parsing', () => {
  // Magnitudes from units to billions, so that every number of groups is covered.
  const magnitude = (g: ReturnType<typeof generator>) => 10 ** g.integer(9);

  it.each<[string, 'count' | 'percent', number[]]>([
    ['whole counts', 'count', cases(1, 200, (g) => g.integer(magnitude(g)))],
    ['negative whole counts', 'count', cases(2, 50, (g) => -g.integer(magnitude(g)))],
    [
      'counts with two decimals',
      'count',
      cases(3, 150, (g) => g.integer(magnitude(g) * 100) / 100),
    ],
    ['rates with one decimal', 'percent', cases(4, 150, (g) => g.integer(1000) / 10)],
    ['whole rates', 'percent', cases(5, 50, (g) => g.integer(100))],
  ])('gives back the number for %s', (_, unit, values) => {
    const failures = values
      .map((value) => ({ value, text: formatVietnameseNumber(value, unit) }))
      .filter(({ value, text }) => parseVietnameseNumber(text) !== value);
    expect(failures).toEqual([]);
  });

  it('generates different numbers from different seeds and the same from the same seed', () => {
    const a = cases(7, 20, (g) => g.integer(1_000_000));
    expect(cases(7, 20, (g) => g.integer(1_000_000))).toEqual(a);
    expect(cases(8, 20, (g) => g.integer(1_000_000))).not.toEqual(a);
    expect(new Set(a).size).toBeGreaterThan(15);
  });
});
