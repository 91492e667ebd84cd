// Base64 (RFC 4648, with padding, no line breaks) for photos inside report and backup
// files, without Buffer (the browser has none) and without btoa/atob (they go through
// "binary strings", and Node's are slow: 6 s for 100 MB). A table lookup over bytes,
// with TextEncoder/TextDecoder between bytes and text, handles 100 MB in well under a
// second. Decoding is strict: whitespace, padding in the middle, a character outside
// the alphabet or a length that is not a multiple of 4 are refused.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const PAD = 61; // '='
const ENCODE = Uint8Array.from(ALPHABET, (char) => char.charCodeAt(0));
const DECODE = new Int16Array(256).fill(-1);
for (let i = 0; i < ALPHABET.length; i += 1) DECODE[ALPHABET.charCodeAt(i)] = i;

// Bytes of text per step: a multiple of 3 bytes in, 4 characters out, so steps join.
const ENCODE_CHUNK = 3 * 256 * 1024;
const DECODE_CHUNK = 4 * 256 * 1024;

export class Base64Error extends Error {
  constructor() {
    super('not valid base64');
    this.name = 'Base64Error';
  }
}

export function bytesToBase64(bytes: Uint8Array): string {
  // The output is ASCII, which UTF-8 decodes as is (and fastest, in Node and browsers).
  const decoder = new TextDecoder();
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += ENCODE_CHUNK) {
    const chunk = bytes.subarray(start, start + ENCODE_CHUNK);
    const out = new Uint8Array(Math.ceil(chunk.length / 3) * 4);
    const whole = chunk.length - (chunk.length % 3);
    let o = 0;
    for (let i = 0; i < whole; i += 3) {
      const n = (chunk[i]! << 16) | (chunk[i + 1]! << 8) | chunk[i + 2]!;
      out[o] = ENCODE[n >>> 18]!;
      out[o + 1] = ENCODE[(n >>> 12) & 63]!;
      out[o + 2] = ENCODE[(n >>> 6) & 63]!;
      out[o + 3] = ENCODE[n & 63]!;
      o += 4;
    }
    const rest = chunk.length - whole;
    if (rest > 0) {
      const n = (chunk[whole]! << 16) | (rest === 2 ? chunk[whole + 1]! << 8 : 0);
      out[o] = ENCODE[n >>> 18]!;
      out[o + 1] = ENCODE[(n >>> 12) & 63]!;
      out[o + 2] = rest === 2 ? ENCODE[(n >>> 6) & 63]! : PAD;
      out[o + 3] = PAD;
    }
    parts.push(decoder.decode(out));
  }
  return parts.join('');
}

function paddingOf(text: string): number {
  return text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
}

// The number of bytes base64 text stands for, from its length and padding (not an
// integer when the length is not a multiple of 4).
export function base64DecodedLength(text: string): number {
  return (text.length / 4) * 3 - paddingOf(text);
}

export function base64ToBytes(text: string): Uint8Array {
  if (text.length % 4 !== 0) throw new Base64Error();
  const padding = paddingOf(text);
  const out = new Uint8Array(base64DecodedLength(text));
  const encoder = new TextEncoder();
  const buffer = new Uint8Array(DECODE_CHUNK);
  let o = 0;
  for (let start = 0; start < text.length; start += DECODE_CHUNK) {
    const piece = text.slice(start, start + DECODE_CHUNK);
    const isLast = start + DECODE_CHUNK >= text.length;
    const { read, written } = encoder.encodeInto(piece, buffer);
    // A character outside ASCII takes more than one byte: not base64.
    if (read !== piece.length || written !== piece.length) throw new Base64Error();
    const groups = written - (isLast && padding > 0 ? 4 : 0);
    for (let i = 0; i < groups; i += 4) {
      const a = DECODE[buffer[i]!]!;
      const b = DECODE[buffer[i + 1]!]!;
      const c = DECODE[buffer[i + 2]!]!;
      const d = DECODE[buffer[i + 3]!]!;
      if ((a | b | c | d) < 0) throw new Base64Error();
      const n = (a << 18) | (b << 12) | (c << 6) | d;
      out[o] = n >>> 16;
      out[o + 1] = (n >>> 8) & 255;
      out[o + 2] = n & 255;
      o += 3;
    }
    if (groups < written) {
      // The last group: "xx==" or "xxx=".
      const a = DECODE[buffer[groups]!]!;
      const b = DECODE[buffer[groups + 1]!]!;
      const c = padding === 1 ? DECODE[buffer[groups + 2]!]! : 0;
      if ((a | b | c) < 0) throw new Base64Error();
      const n = (a << 18) | (b << 12) | (c << 6);
      out[o] = n >>> 16;
      if (padding === 1) out[o + 1] = (n >>> 8) & 255;
    }
  }
  return out;
}
