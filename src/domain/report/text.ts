// Characters no document may hold: C0 and C1 controls except tab and line feed, lone
// surrogates and Unicode noncharacters (U+FFFE in a Word file makes it unopenable).
const DROPPED_CHARACTERS = /(?![\t\n])[\p{Cc}\p{Cs}\p{Noncharacter_Code_Point}]/gu;

// The one normalisation of every text the app takes in (editor, import, server) and puts
// out (PDF, Word): line breaks as \n, the characters above dropped, then NFC (Vietnamese
// keyboards, Telex/VNI on some platforms, can produce decomposed Unicode).
export function normalizeText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(DROPPED_CHARACTERS, '').normalize('NFC');
}

// Length as a person counts it: characters (code points) of the normalised text.
export function textLength(text: string): number {
  return [...normalizeText(text)].length;
}

// The one rule for every length limit. A field declares its maximum once (the template's
// maxLength, itemMaxLength or captionMaxLength; defaults per kind in template-schema.ts).
// Over the maximum the text is kept and shown with its error (tooLong), so a person can
// shorten what they pasted; nothing longer than twice the maximum is taken in at all: the
// editor refuses it with a message before storing, import and the server refuse it with
// the field's path. What is stored is never dropped when read back.
export function acceptedLength(maxLength: number): number {
  return maxLength * 2;
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
  for (const rawLine of normalizeText(text).split(/\r\n|\r|\n/)) {
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
  return normalizeText(text).toLocaleUpperCase('vi');
}
