// Vietnamese keyboards (Telex/VNI on some platforms) can produce decomposed Unicode.
// Every text is stored, compared, counted and rendered in NFC.
export function toNfc(text: string): string {
  return text.normalize('NFC');
}

// Length as a person counts it: user-perceived characters of the NFC text.
export function textLength(text: string): number {
  return [...toNfc(text)].length;
}

export function isBlank(text: string): boolean {
  return text.trim().length === 0;
}

export type TextBlock =
  { kind: 'paragraph'; text: string } | { kind: 'listItem'; bullet: '-' | '+'; text: string };

// Long answers are paragraphs separated by line breaks; a line starting with "-" or "+"
// is a list item. The review page and the exports share this reading.
export function splitTextBlocks(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const rawLine of toNfc(text).split(/\r\n|\r|\n/)) {
    const line = rawLine.trim();
    if (line.length === 0) continue;
    const bullet = line[0];
    if (bullet === '-' || bullet === '+') {
      blocks.push({ kind: 'listItem', bullet, text: line.slice(1).trim() });
    } else {
      blocks.push({ kind: 'paragraph', text: line });
    }
  }
  return blocks;
}

// Upper case with the Vietnamese rules (đ → Đ and every tone mark kept).
export function toVietnameseUpper(text: string): string {
  return toNfc(text).toLocaleUpperCase('vi');
}
