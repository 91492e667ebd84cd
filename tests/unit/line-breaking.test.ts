// Line breaking by measured width: linear in the text's length, long runs broken only at
// their break points and never so that a line reads as a list item, names kept whole.
import { describe, expect, it } from 'vitest';
import { breakLines, tokens, withBreakOpportunities, type Line } from '@/export/pdf/line-breaking';

// A monospaced measure: every character 2 mm wide; counts what it measures.
function counting() {
  const counter = { calls: 0, characters: 0 };
  const widthOf = (text: string) => {
    counter.calls += 1;
    counter.characters += [...text].length;
    return [...text].length * 2;
  };
  return { counter, widthOf };
}

const texts = (lines: readonly Line[]) => lines.map((line) => line.words.join(' '));

describe('line breaking', () => {
  it('measures a run of 4n characters with about 4 times the work of n, not 16 times', () => {
    const work = (n: number) => {
      const { counter, widthOf } = counting();
      const lines = breakLines('x'.repeat(n), widthOf, { width: 160 });
      expect(lines.map((line) => line.words.join('')).join('')).toBe('x'.repeat(n));
      return counter;
    };
    const small = work(20_000);
    const large = work(80_000);
    // Linear: 4× (a little slack for the per-line constant); quadratic would be 16×.
    expect(large.characters / small.characters).toBeLessThan(4.5);
    expect(large.calls / small.calls).toBeLessThan(4.5);
    expect(large.characters).toBeLessThan(80_000 * 3);
  });

  it('breaks a 200,000-character run into lines that each fit the width', () => {
    const { widthOf } = counting();
    const lines = breakLines('a'.repeat(200_000), widthOf, { width: 160 });
    expect(lines).toHaveLength(Math.ceil(200_000 / 80));
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(160);
  });

  it('breaks a URL only after / . - ? & = and never before a list-like start', () => {
    const { widthOf } = counting();
    const url =
      'https://tinhdoanbaclieu.vn/van-ban/huong-dan-so-ket-5-nam-nghi-quyet-01-nq-dtn/-1.-muc-luc?nam=2013&loai=huong-dan&id=2087';
    const lines = breakLines(url, widthOf, { width: 40 });
    expect(lines.length).toBeGreaterThan(3);
    expect(texts(lines).join('')).toBe(url);
    for (const [index, line] of lines.entries()) {
      const text = line.words.join(' ');
      expect(line.width).toBeLessThanOrEqual(40);
      if (index < lines.length - 1) expect('/.-?&=').toContain(text.at(-1));
      if (index > 0) expect(text).not.toMatch(/^(?:[-+]|\d{1,3}[.)])/);
    }
  });

  it('starts a long URL on the line before it instead of stretching that line', () => {
    const { widthOf } = counting();
    const url = 'https://tinhdoanbaclieu.vn/van-ban/huong-dan-so-ket-nghi-quyet-01';
    const lines = breakLines(`Xem tại ${url} để biết thêm.`, widthOf, { width: 60, justify: true });
    // The first line carries the URL's start rather than 'Xem tại' alone.
    expect(lines[0]!.words.slice(0, 2)).toEqual(['Xem', 'tại']);
    expect(lines[0]!.words[2]).toMatch(/^https:\/\//);
    expect(texts(lines).join('').replace(/\s/g, '')).toBe(`Xemtại${url}đểbiếtthêm.`);
  });

  it('keeps glued names on one line', () => {
    const { widthOf } = counting();
    const subject =
      'Sơ kết Nghị quyết của Ban Chấp hành Tỉnh Đoàn Bạc Liêu về Đoàn TNCS Hồ Chí Minh';
    const glue = ['Ban Chấp hành', 'Tỉnh Đoàn', 'Bạc Liêu', 'Hồ Chí Minh'];
    expect(tokens(subject, glue)).toContain('Hồ Chí Minh');
    for (let width = 30; width <= 120; width += 2) {
      const lines = texts(breakLines(subject, widthOf, { width, glue }));
      for (const name of glue) expect(lines.some((line) => line.includes(name))).toBe(true);
    }
  });
});

describe('break opportunities for Word', () => {
  const marked = (text: string) => withBreakOpportunities(text).replace(/\u200b/g, '|');

  it('lets a long URL break only after / . - ? & =', () => {
    expect(marked('Xem https://tinhdoan.baclieu.gov.vn/tin-tuc?id=12&trang=3 nhé')).toBe(
      'Xem https:/|/|tinhdoan.|baclieu.|gov.|vn/|tin-|tuc?|id=|12&|trang=|3 nhé',
    );
  });

  it('never lets the next line start like a list item', () => {
    expect(marked('https://example.org/a/1.-x/-b/2)/cccccccccc')).toBe(
      'https:/|/|example.|org/|a/1.-|x/-|b/2)/|cccccccccc',
    );
  });

  it('leaves words shorter than 30 characters and runs without break characters alone', () => {
    const text = 'Nghị quyết 01-NQ/ĐTN ' + 'x'.repeat(40);
    expect(withBreakOpportunities(text)).toBe(text);
  });
});
