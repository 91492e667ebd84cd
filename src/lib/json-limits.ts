// A linear pre-scan of JSON, before it is decoded and parsed: how deep it nests, how
// many keys it has and how long its longest string is. It bounds the work a request can
// cause (a body of 200,000 keys cost seconds of CPU in the schema; decoding a string of
// millions of characters costs more than the rest of the checks) and turns nesting too
// deep for the recursive code after it into a clear refusal. Strings are skipped with
// their escapes; the text is not otherwise validated (JSON.parse does that next).
//
// It reads either the text or its UTF-8 bytes: every character it looks at is ASCII,
// and no byte of a multi-byte UTF-8 sequence is, so both give the same answer (string
// lengths are then counted in bytes).
export type JsonLimits = { maxDepth: number; maxKeys: number; maxStringLength?: number };

export type JsonLimitProblem = 'tooDeep' | 'tooManyKeys' | 'stringTooLong';

export function jsonLimitProblem(
  input: string | Uint8Array,
  limits: JsonLimits,
): JsonLimitProblem | null {
  const codeAt =
    typeof input === 'string' ? (i: number) => input.charCodeAt(i) : (i: number) => input[i]!;
  const maxStringLength = limits.maxStringLength ?? Infinity;
  let depth = 0;
  let keys = 0;
  let stringStart = -1;
  for (let i = 0; i < input.length; i += 1) {
    const code = codeAt(i);
    if (stringStart >= 0) {
      if (code === 0x5c)
        i += 1; // backslash: skip the escaped character
      else if (code === 0x22) stringStart = -1;
      else if (i - stringStart >= maxStringLength) return 'stringTooLong';
      continue;
    }
    switch (code) {
      case 0x22: // "
        stringStart = i + 1;
        break;
      case 0x7b: // {
      case 0x5b: // [
        depth += 1;
        if (depth > limits.maxDepth) return 'tooDeep';
        break;
      case 0x7d: // }
      case 0x5d: // ]
        depth -= 1;
        break;
      case 0x3a: // :
        keys += 1;
        if (keys > limits.maxKeys) return 'tooManyKeys';
        break;
    }
  }
  return null;
}
