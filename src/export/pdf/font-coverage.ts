// The characters the embedded font keeps: Latin and every Vietnamese letter, typographic
// quotes, dashes and the ellipsis. scripts/subset-fonts.ts subsets the font to exactly
// these; the PDF export replaces anything else with a visible marker and says which.
export const FONT_RANGES: readonly (readonly [number, number])[] = [
  [0x20, 0x7e],
  [0xa0, 0xff],
  [0x102, 0x103],
  [0x110, 0x111],
  [0x128, 0x129],
  [0x168, 0x169],
  [0x1a0, 0x1a1],
  [0x1af, 0x1b0],
  [0x1ea0, 0x1ef9],
  [0x2010, 0x2026],
  [0x20ab, 0x20ac],
];

export const UNSUPPORTED_MARKER = '[?]';

export function isCovered(codePoint: number): boolean {
  return FONT_RANGES.some(([from, to]) => codePoint >= from && codePoint <= to);
}

// NFC text with every character the font cannot draw replaced by the marker; the
// replaced characters are collected in `found`.
export function coverText(text: string, found: Set<string>): string {
  let result = '';
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0)!;
    if (code === 0x09) result += ' ';
    else if (isCovered(code)) result += char;
    else {
      found.add(char);
      result += UNSUPPORTED_MARKER;
    }
  }
  return result;
}
