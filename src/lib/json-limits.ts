// A linear pre-scan of JSON text, before it is parsed: how deep it nests and how many
// keys it has. It bounds the work a request can cause (a body of 200,000 keys cost
// seconds of CPU in the schema) and turns nesting too deep for the recursive code after
// it into a clear refusal. Strings are skipped with their escapes; the text is not
// otherwise validated (JSON.parse does that next).
export type JsonLimits = { maxDepth: number; maxKeys: number };

export type JsonLimitProblem = 'tooDeep' | 'tooManyKeys';

export function jsonLimitProblem(text: string, limits: JsonLimits): JsonLimitProblem | null {
  let depth = 0;
  let keys = 0;
  let isInString = false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (isInString) {
      if (code === 0x5c)
        i += 1; // backslash: skip the escaped character
      else if (code === 0x22) isInString = false;
      continue;
    }
    switch (code) {
      case 0x22: // "
        isInString = true;
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
