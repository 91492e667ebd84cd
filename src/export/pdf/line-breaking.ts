// Greedy line breaking by measured width, linear in the text's length: every word is
// measured once, and a run longer than a line (a URL, a pasted string without spaces) is
// cut in one pass over its characters, each measured once (prefix sums, no re-measuring
// of what is left). Pure: the caller gives the width of a text in the style in use.
//
// Rules (FORMAT.md, issue 12):
// - a long run breaks only after / . - ? & = where it has such a character, and never
//   so that the next line starts like a list item ("-", "+", "1.", "a)");
// - a long run with break points starts on the line it follows when that line would
//   otherwise be stretched into gaps wider than three spaces;
// - phrases given as `glue` (names) are never broken between their words.

export type Line = { words: string[]; width: number; indent: number; isLast: boolean };

export type BreakOptions = {
  width: number;
  firstIndent?: number;
  restIndent?: number;
  // Phrases kept on one line (each as it is typed, NFC).
  glue?: readonly string[];
  // Justified text: a long run with break points fills the line before it rather than
  // leaving that line to be stretched.
  justify?: boolean;
};

// Justified lines never get gaps wider than this many spaces.
export const MAX_GAP_IN_SPACES = 3;
// A word with break points is split to fill the line before it only when it is at least
// this share of a line wide (a document symbol like 01-NQ/ĐTN is never split that way).
const SPLIT_TO_FILL_SHARE = 1 / 3;

const BREAK_AFTER = new Set(['/', '.', '-', '?', '&', '=']);
// What must not start a line that continues a run: it would read as a list item.
const LIST_LIKE = /^(?:[-+•*–—]|\d{1,3}[.)]|[a-zđ][.)](?:\s|$))/u;
const COMBINING = /^\p{M}$/u;

// The text's words; the words of a glued phrase become one token (with its spaces).
export function tokens(text: string, glue: readonly string[] = []): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  if (glue.length === 0) return words;
  const phrases = glue.map((phrase) => phrase.split(/\s+/).filter(Boolean));
  const out: string[] = [];
  for (let i = 0; i < words.length;) {
    const phrase = phrases.find(
      (parts) => parts.length > 1 && parts.every((part, j) => matchesWord(words[i + j], part)),
    );
    if (phrase) {
      out.push(words.slice(i, i + phrase.length).join(' '));
      i += phrase.length;
    } else {
      out.push(words[i]!);
      i += 1;
    }
  }
  return out;
}

// A word of a glued phrase, with punctuation allowed after the phrase's last word.
function matchesWord(word: string | undefined, part: string): boolean {
  if (word === undefined) return false;
  return (
    word === part || (word.startsWith(part) && /^[,.;:!?”)»]+$/u.test(word.slice(part.length)))
  );
}

// The characters of a run with combining marks kept on their base character.
function clusters(word: string): string[] {
  const out: string[] = [];
  for (const char of word) {
    if (out.length > 0 && COMBINING.test(char)) out[out.length - 1] += char;
    else out.push(char);
  }
  return out;
}

type Piece = { text: string; width: number };

// A run cut into pieces: the first at most `firstRoom` wide, the others `room`. With
// `onlyAtBreaks`, null when the first piece would need a cut between letters.
function splitRun(
  word: string,
  widthOf: (text: string) => number,
  firstRoom: number,
  room: number,
  onlyAtBreaks = false,
): Piece[] | null {
  const chars = clusters(word);
  const prefix = new Float64Array(chars.length + 1);
  for (let i = 0; i < chars.length; i += 1) prefix[i + 1] = prefix[i]! + widthOf(chars[i]!);
  const startsListLike = (at: number) => LIST_LIKE.test(chars.slice(at, at + 3).join(''));
  const pieces: Piece[] = [];
  let start = 0;
  let limit = firstRoom;
  // Break points (index after a break character) within the current piece.
  let breaks: number[] = [];
  for (let i = 0; i < chars.length; i += 1) {
    if (prefix[i + 1]! - prefix[start]! > limit + 1e-9 && i > start) {
      // The last break point that leaves no list-like start, preferring one after
      // / . ? & = (text extraction such as pdftotext joins a line ending in "-" to the
      // next as a hyphenated word) while it fills at least half the line.
      const valid = breaks.filter((b) => b > start && b <= i && !startsListLike(b));
      const full = (b: number) => prefix[b]! - prefix[start]! >= limit / 2;
      const cut = valid.findLast((b) => chars[b - 1] !== '-' && full(b)) ?? valid.at(-1) ?? -1;
      let end = cut;
      if (end < 0) {
        if (onlyAtBreaks && pieces.length === 0) return null;
        // No break point: between letters, stepping back from a list-like start.
        end = i;
        for (let back = 0; back < 3 && end - 1 > start && startsListLike(end); back += 1) end -= 1;
      }
      pieces.push({ text: chars.slice(start, end).join(''), width: prefix[end]! - prefix[start]! });
      start = end;
      limit = room;
      breaks = breaks.filter((b) => b > start);
    }
    if (BREAK_AFTER.has(chars[i]!) && i + 1 < chars.length) breaks.push(i + 1);
  }
  pieces.push({
    text: chars.slice(start).join(''),
    width: prefix[chars.length]! - prefix[start]!,
  });
  return pieces;
}

const hasBreakPoint = (word: string) => [...BREAK_AFTER].some((char) => word.includes(char));

// Word breaks lines itself and cuts an overlong run anywhere. A zero-width space after
// each break character of a run too long for a line (the same rule as the PDF: after
// / . - ? & =, never before a list-like start) gives it the only places to break.
const ZERO_WIDTH_SPACE = '\u200b';
const LONG_RUN = 30;

export function withBreakOpportunities(text: string): string {
  return text.replace(/\S{30,}/gu, (word) => {
    const chars = clusters(word);
    if (chars.length < LONG_RUN) return word;
    let out = '';
    for (let i = 0; i < chars.length; i += 1) {
      out += chars[i]!;
      const isBreak = BREAK_AFTER.has(chars[i]!) && i + 1 < chars.length;
      if (isBreak && !LIST_LIKE.test(chars.slice(i + 1, i + 4).join(''))) out += ZERO_WIDTH_SPACE;
    }
    return out;
  });
}

export function breakLines(
  text: string,
  widthOf: (text: string) => number,
  options: BreakOptions,
): Line[] {
  const { width, firstIndent = 0, restIndent = 0, glue, justify = false } = options;
  const space = widthOf(' ');
  const lines: Line[] = [];
  let current: string[] = [];
  let currentWidth = 0;
  const indent = () => (lines.length === 0 ? firstIndent : restIndent);
  const available = () => width - indent();
  const push = () => {
    lines.push({ words: current, width: currentWidth, indent: indent(), isLast: false });
    current = [];
    currentWidth = 0;
  };
  const add = (word: string, wordWidth: number) => {
    currentWidth = current.length === 0 ? wordWidth : currentWidth + space + wordWidth;
    current.push(word);
  };
  // The gap between words if the current line were justified as it is.
  const stretchedGap = () =>
    current.length < 2 ? 0 : space + (available() - currentWidth) / (current.length - 1);

  for (const word of tokens(text, glue)) {
    const wordWidth = widthOf(word);
    if (
      current.length === 0
        ? wordWidth <= available()
        : currentWidth + space + wordWidth <= available()
    ) {
      add(word, wordWidth);
      continue;
    }
    const longRun = wordWidth > available() || (justify && wordWidth > width * SPLIT_TO_FILL_SHARE);
    let pieces: Piece[] | null = null;
    if (current.length > 0 && longRun && hasBreakPoint(word)) {
      // Fill this line with the run's first piece, cut at a break point, rather than
      // leaving wide gaps or a short line before it.
      const room = available() - currentWidth - space;
      const tooWide =
        wordWidth > available() || (justify && stretchedGap() > space * MAX_GAP_IN_SPACES);
      if (tooWide && room > 0) pieces = splitRun(word, widthOf, room, width - restIndent, true);
      if (pieces && pieces[0]!.text === '') pieces = null;
    }
    if (!pieces) {
      if (current.length > 0) push();
      if (wordWidth <= available()) {
        add(word, wordWidth);
        continue;
      }
      pieces = splitRun(word, widthOf, available(), width - restIndent)!;
    }
    pieces.forEach((piece, index) => {
      if (index > 0) push();
      add(piece.text, piece.width);
    });
  }
  if (current.length > 0) push();
  if (lines.length > 0) lines[lines.length - 1]!.isLast = true;
  return lines;
}
