import { describe, expect, it } from 'vitest';
import {
  isBlank,
  splitTextBlocks,
  textLength,
  normalizeText,
  toVietnameseUpper,
} from '@/domain/report/text';

// "Việt Nam" typed on a keyboard that sends base letters and combining marks.
const VIET_NAM_NFD = 'Vie\u0323\u0302t Nam';

describe('normalizeText', () => {
  it.each([
    ['composes a letter with two combining marks', 'e\u0302\u0301', 'ế'],
    ['composes a whole phrase', VIET_NAM_NFD, 'Việt Nam'],
    ['composes đ-words written with combining marks', 'đoa\u0300n', 'đoàn'],
    ['leaves composed text as it is', 'Hồng Dân', 'Hồng Dân'],
    ['leaves ASCII as it is', 'BC/DTN', 'BC/DTN'],
  ])('%s', (_, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
    expect(normalizeText(input).length).toBe(expected.length);
  });
});

describe('textLength', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['Việt Nam', 8],
    [VIET_NAM_NFD, 8],
    ['ế', 1],
    ['e\u0302\u0301', 1],
    ['a\nb', 3],
  ])('counts %j as %i characters', (text, expected) => {
    expect(textLength(text)).toBe(expected);
  });

  it('counts decomposed text like the same composed text', () => {
    expect(VIET_NAM_NFD.length).toBeGreaterThan('Việt Nam'.length);
    expect(textLength(VIET_NAM_NFD)).toBe(textLength('Việt Nam'));
  });
});

describe('isBlank', () => {
  it.each([
    ['', true],
    ['   ', true],
    ['\n\t ', true],
    [' a ', false],
    ['Đ', false],
  ])('reads %j as blank: %s', (text, expected) => {
    expect(isBlank(text)).toBe(expected);
  });
});

describe('splitTextBlocks', () => {
  it('returns no blocks for empty or blank text', () => {
    expect(splitTextBlocks('')).toEqual([]);
    expect(splitTextBlocks('  \n\n \r\n')).toEqual([]);
  });

  it('reads each non-blank line as a paragraph', () => {
    expect(splitTextBlocks('Đoạn một.\n\n  Đoạn hai.  \n')).toEqual([
      { kind: 'paragraph', text: 'Đoạn một.' },
      { kind: 'paragraph', text: 'Đoạn hai.' },
    ]);
  });

  it.each([
    ['\n', 'a\nb'],
    ['\r\n', 'a\r\nb'],
    ['\r', 'a\rb'],
  ])('splits lines at %j', (_, text) => {
    expect(splitTextBlocks(text)).toEqual([
      { kind: 'paragraph', text: 'a' },
      { kind: 'paragraph', text: 'b' },
    ]);
  });

  it.each([
    ['- Ý một', '-', 'Ý một'],
    ['+ Ý hai', '+', 'Ý hai'],
    ['-Không có dấu cách', '-', 'Không có dấu cách'],
    ['   +   thụt lề  ', '+', 'thụt lề'],
  ])('reads %j as a list item', (line, bullet, text) => {
    expect(splitTextBlocks(line)).toEqual([{ kind: 'listItem', bullet, text }]);
  });

  it.each(['* Hạn chế, tồn tại:', '1. Ưu điểm', 'a - b', '• chấm tròn'])(
    'reads %j as a paragraph',
    (line) => {
      expect(splitTextBlocks(line)).toEqual([{ kind: 'paragraph', text: line }]);
    },
  );

  it('mixes paragraphs and list items in order', () => {
    expect(splitTextBlocks('Kết quả:\n- Ý một\n+ Ý phụ\nKết luận.')).toEqual([
      { kind: 'paragraph', text: 'Kết quả:' },
      { kind: 'listItem', bullet: '-', text: 'Ý một' },
      { kind: 'listItem', bullet: '+', text: 'Ý phụ' },
      { kind: 'paragraph', text: 'Kết luận.' },
    ]);
  });

  it('returns the text in NFC', () => {
    expect(splitTextBlocks(`- ${VIET_NAM_NFD}`)).toEqual([
      { kind: 'listItem', bullet: '-', text: 'Việt Nam' },
    ]);
  });
});

describe('toVietnameseUpper', () => {
  it.each([
    ['đoàn khối doanh nghiệp', 'ĐOÀN KHỐI DOANH NGHIỆP'],
    ['Huyện Đoàn Hồng Dân', 'HUYỆN ĐOÀN HỒNG DÂN'],
    ['thành đoàn bạc liêu', 'THÀNH ĐOÀN BẠC LIÊU'],
    ['ưu điểm, hạn chế', 'ƯU ĐIỂM, HẠN CHẾ'],
    [VIET_NAM_NFD, 'VIỆT NAM'],
  ])('turns %j into %j', (input, expected) => {
    expect(toVietnameseUpper(input)).toBe(expected);
  });

  it('returns composed characters for decomposed input', () => {
    expect(toVietnameseUpper(VIET_NAM_NFD)).toBe('VIỆT NAM'.normalize('NFC'));
    expect(toVietnameseUpper(VIET_NAM_NFD).length).toBe(8);
  });
});

describe('normalizeText drops what no document may hold', () => {
  it.each([
    ['a noncharacter U+FFFE', 'a\uFFFEb', 'ab'],
    ['U+FFFF and a plane-1 noncharacter', '\uFFFFa\u{1FFFE}', 'a'],
    ['the U+FDD0 block', 'x\uFDD0\uFDEFy', 'xy'],
    ['a lone high surrogate', 'a\uD800b', 'ab'],
    ['a lone low surrogate', 'a\uDC00b', 'ab'],
    ['C0 controls', 'a\u0000\u0007\u000B\u000C\u001Fb', 'ab'],
    ['DEL and C1 controls', 'a\u007F\u0080\u009Fb', 'ab'],
    ['a carriage return, kept as a line break', 'a\r\nb\rc', 'a\nb\nc'],
  ])('drops %s', (_, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it.each([
    ['tab and newline', 'a\tb\nc'],
    ['a surrogate pair (emoji)', 'Đoàn 👍'],
    ['Vietnamese in NFC', 'Nguyễn Thượng Việt'],
  ])('keeps %s', (_, text) => {
    expect(normalizeText(text)).toBe(text);
  });

  it('is idempotent', () => {
    const text = `e\u0302\u0301\uFFFE\r\n\uD800x`;
    expect(normalizeText(normalizeText(text))).toBe(normalizeText(text));
  });
});
