// Reads the report file (so-ket.json) back out of a PDF, without a PDF library: enough
// of the format (PDF 1.7 § 7) for the files this app writes and for the same files
// re-saved by common tools. The trailer and cross-reference table (or, from PDF 1.5 on,
// cross-reference and object streams), the catalogue's /Names /EmbeddedFiles name tree,
// the file specification, and its stream (uncompressed or Flate, decoded with the
// platform's DecompressionStream: browsers and Node 20). A damaged cross-reference is
// rebuilt by scanning for "n g obj". The file's /Params /Size and /CheckSum (MD5) are
// checked when present.
//
// Never throws on any input: bytes that are not a PDF give 'not-pdf'; a PDF without the
// file, or one this reader cannot follow, gives 'none'. Every walk is bounded (nesting,
// name tree depth, objects visited, decoded size), so hostile input ends quickly.
import { EMBEDDED_REPORT_NAME } from '@/domain/report/fingerprint';
import { md5Hex } from '@/lib/md5';

export type EmbeddedReportResult =
  { kind: 'found'; text: string } | { kind: 'none' } | { kind: 'not-pdf' };

// A report file without photo bytes is tens of kilobytes; this bounds a decoded stream.
const MAX_DECODED_BYTES = 32 * 1024 * 1024;
// Rebuilding the cross-reference reads the whole file as text: only up to this size.
const MAX_SCAN_BYTES = 64 * 1024 * 1024;
const MAX_NESTING = 64;
const MAX_TREE_DEPTH = 32;
const MAX_LOOKUPS = 10_000;
const MAX_XREF_SECTIONS = 64;

class PdfName {
  constructor(readonly name: string) {}
}
class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}
class PdfString {
  constructor(readonly bytes: Uint8Array) {}
}
type PdfDict = Map<string, PdfValue>;
type PdfValue = null | boolean | number | PdfName | PdfRef | PdfString | PdfValue[] | PdfDict;
type PdfStream = { dict: PdfDict; data: Uint8Array };
type PdfObject = { value: PdfValue; stream: PdfStream | null };

class Unreadable extends Error {}

function fail(why: string): never {
  throw new Unreadable(why);
}

const isWhite = (c: number) => c === 0 || c === 9 || c === 10 || c === 12 || c === 13 || c === 32;
const isDelimiter = (c: number) =>
  c === 40 ||
  c === 41 ||
  c === 60 ||
  c === 62 ||
  c === 91 ||
  c === 93 ||
  c === 123 ||
  c === 125 ||
  c === 47 ||
  c === 37;
const isRegular = (c: number) => !isWhite(c) && !isDelimiter(c);

function latin1(bytes: Uint8Array, start = 0, end = bytes.length): string {
  let text = '';
  for (let i = start; i < end; i += 0x8000)
    text += String.fromCharCode(...bytes.subarray(i, Math.min(end, i + 0x8000)));
  return text;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

// The syntax of objects (§ 7.3) from a position in the file's bytes.
class Lexer {
  constructor(
    readonly bytes: Uint8Array,
    public pos: number,
  ) {}

  skipWhite() {
    const b = this.bytes;
    while (this.pos < b.length) {
      const c = b[this.pos]!;
      if (isWhite(c)) this.pos += 1;
      else if (c === 37) {
        while (this.pos < b.length && b[this.pos] !== 10 && b[this.pos] !== 13) this.pos += 1;
      } else break;
    }
  }

  // A keyword or number as text, without moving past it.
  peekWord(): string {
    this.skipWhite();
    let end = this.pos;
    while (end < this.bytes.length && isRegular(this.bytes[end]!)) end += 1;
    return latin1(this.bytes, this.pos, end);
  }

  word(): string {
    const word = this.peekWord();
    this.pos += word.length;
    return word;
  }

  value(depth = 0): PdfValue {
    if (depth > MAX_NESTING) fail('nesting');
    this.skipWhite();
    const b = this.bytes;
    if (this.pos >= b.length) fail('end of file');
    const c = b[this.pos]!;
    if (c === 47) return this.name();
    if (c === 40) return this.literalString();
    if (c === 60 && b[this.pos + 1] === 60) return this.dict(depth);
    if (c === 60) return this.hexString();
    if (c === 91) {
      this.pos += 1;
      const items: PdfValue[] = [];
      for (;;) {
        this.skipWhite();
        if (this.pos >= b.length) fail('unterminated array');
        if (b[this.pos] === 93) {
          this.pos += 1;
          return items;
        }
        items.push(this.value(depth + 1));
      }
    }
    const word = this.word();
    if (word === '') fail(`unexpected byte ${c}`);
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    const number = Number(word);
    if (!Number.isFinite(number) || !/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) fail(`token ${word}`);
    // "num gen R" is a reference.
    if (/^\d+$/.test(word)) {
      const save = this.pos;
      const gen = this.peekWord();
      if (/^\d+$/.test(gen)) {
        this.pos += gen.length;
        if (this.peekWord() === 'R') {
          this.pos += 1;
          return new PdfRef(number, Number(gen));
        }
      }
      this.pos = save;
    }
    return number;
  }

  name(): PdfName {
    this.pos += 1;
    const b = this.bytes;
    const out: number[] = [];
    while (this.pos < b.length && isRegular(b[this.pos]!)) {
      const c = b[this.pos]!;
      const hi = hexValue(b[this.pos + 1] ?? 0);
      const lo = hexValue(b[this.pos + 2] ?? 0);
      if (c === 35 && hi >= 0 && lo >= 0) {
        out.push(hi * 16 + lo);
        this.pos += 3;
      } else {
        out.push(c);
        this.pos += 1;
      }
    }
    return new PdfName(latin1(Uint8Array.from(out)));
  }

  literalString(): PdfString {
    const b = this.bytes;
    const out: number[] = [];
    let level = 1;
    this.pos += 1;
    while (this.pos < b.length) {
      const c = b[this.pos++]!;
      if (c === 40) level += 1;
      else if (c === 41 && (level -= 1) === 0) return new PdfString(Uint8Array.from(out));
      if (c !== 92) {
        out.push(c);
        continue;
      }
      const e = b[this.pos++] ?? 0;
      const escapes: Record<number, number> = { 110: 10, 114: 13, 116: 9, 98: 8, 102: 12 };
      if (escapes[e] !== undefined) out.push(escapes[e]);
      else if (e >= 48 && e <= 55) {
        let code = e - 48;
        for (let n = 0; n < 2 && (b[this.pos] ?? 0) >= 48 && (b[this.pos] ?? 0) <= 55; n += 1)
          code = code * 8 + (b[this.pos++]! - 48);
        out.push(code & 0xff);
      } else if (e === 13) {
        if (b[this.pos] === 10) this.pos += 1;
      } else if (e !== 10) out.push(e);
    }
    fail('unterminated string');
  }

  hexString(): PdfString {
    const b = this.bytes;
    const digits: number[] = [];
    this.pos += 1;
    while (this.pos < b.length && b[this.pos] !== 62) {
      const v = hexValue(b[this.pos]!);
      if (v >= 0) digits.push(v);
      else if (!isWhite(b[this.pos]!)) fail('hex string');
      this.pos += 1;
    }
    if (this.pos >= b.length) fail('unterminated hex string');
    this.pos += 1;
    if (digits.length % 2 === 1) digits.push(0);
    const out = new Uint8Array(digits.length / 2);
    for (let i = 0; i < out.length; i += 1) out[i] = digits[2 * i]! * 16 + digits[2 * i + 1]!;
    return new PdfString(out);
  }

  dict(depth: number): PdfDict {
    const b = this.bytes;
    this.pos += 2;
    const dict: PdfDict = new Map();
    for (;;) {
      this.skipWhite();
      if (this.pos >= b.length) fail('unterminated dictionary');
      if (b[this.pos] === 62 && b[this.pos + 1] === 62) {
        this.pos += 2;
        return dict;
      }
      const key = this.value(depth + 1);
      if (!(key instanceof PdfName)) fail('dictionary key');
      dict.set(key.name, this.value(depth + 1));
    }
  }
}

function isDict(value: PdfValue | undefined): value is PdfDict {
  return value instanceof Map;
}

function indexOf(bytes: Uint8Array, needle: string, from: number, to = bytes.length): number {
  const first = needle.charCodeAt(0);
  outer: for (let i = from; i + needle.length <= to; i += 1) {
    if (bytes[i] !== first) continue;
    for (let j = 1; j < needle.length; j += 1)
      if (bytes[i + j] !== needle.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}

function lastIndexOf(bytes: Uint8Array, needle: string, from: number, lowest: number): number {
  for (let i = Math.min(from, bytes.length - needle.length); i >= Math.max(0, lowest); i -= 1) {
    let j = 0;
    while (j < needle.length && bytes[i + j] === needle.charCodeAt(j)) j += 1;
    if (j === needle.length) return i;
  }
  return -1;
}

async function inflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('deflate'));
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > MAX_DECODED_BYTES) fail('decoded stream too large');
      chunks.push(value);
    }
  } catch (error) {
    void reader.cancel().catch(() => undefined);
    throw error instanceof Unreadable ? error : new Unreadable('bad Flate data');
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

// The PNG predictors (§ 7.4.4.4, Predictor ≥ 10) that cross-reference streams use.
function unpredict(data: Uint8Array, parms: PdfValue | undefined): Uint8Array {
  if (!isDict(parms)) return data;
  const predictor = parms.get('Predictor');
  if (predictor === undefined || predictor === 1) return data;
  if (typeof predictor !== 'number' || predictor < 10) fail('predictor');
  const colors = Number(parms.get('Colors') ?? 1);
  const bits = Number(parms.get('BitsPerComponent') ?? 8);
  const columns = Number(parms.get('Columns') ?? 1);
  const bpp = Math.max(1, Math.ceil((colors * bits) / 8));
  const rowLength = Math.ceil((colors * bits * columns) / 8);
  if (!(rowLength > 0 && rowLength < 1 << 20)) fail('predictor columns');
  const rows = Math.floor(data.length / (rowLength + 1));
  const out = new Uint8Array(rows * rowLength);
  for (let r = 0; r < rows; r += 1) {
    const type = data[r * (rowLength + 1)]!;
    const src = r * (rowLength + 1) + 1;
    const dst = r * rowLength;
    for (let i = 0; i < rowLength; i += 1) {
      const left = i >= bpp ? out[dst + i - bpp]! : 0;
      const up = r > 0 ? out[dst - rowLength + i]! : 0;
      const upLeft = r > 0 && i >= bpp ? out[dst - rowLength + i - bpp]! : 0;
      let add = 0;
      if (type === 1) add = left;
      else if (type === 2) add = up;
      else if (type === 3) add = (left + up) >> 1;
      else if (type === 4) {
        const p = left + up - upLeft;
        const pa = Math.abs(p - left);
        const pb = Math.abs(p - up);
        const pc = Math.abs(p - upLeft);
        add = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      } else if (type !== 0) fail('PNG filter type');
      out[dst + i] = (data[src + i]! + add) & 0xff;
    }
  }
  return out;
}

type XrefEntry = { offset: number } | { container: number; index: number };

class PdfFile {
  private readonly entries = new Map<number, XrefEntry>();
  private readonly cache = new Map<number, Promise<PdfObject>>();
  private readonly objectStreams = new Map<number, Promise<Map<number, PdfValue>>>();
  private lookups = 0;
  trailer: PdfDict = new Map();

  constructor(readonly bytes: Uint8Array) {}

  // The cross-reference chain from the last startxref (§ 7.5.5, § 7.5.8).
  async readXref(): Promise<void> {
    const b = this.bytes;
    // The file ends with "startxref", the offset and "%%EOF" (§ 7.5.5), give or take junk.
    const at = lastIndexOf(b, 'startxref', b.length - 9, b.length - 4096);
    if (at < 0) fail('no startxref');
    const lexer = new Lexer(b, at + 9);
    let offset = Number(lexer.word());
    const seen = new Set<number>();
    for (let section = 0; Number.isInteger(offset); section += 1) {
      if (section > MAX_XREF_SECTIONS || seen.has(offset) || offset < 0 || offset >= b.length)
        fail('xref chain');
      seen.add(offset);
      const dict = (await this.readXrefSection(offset)) ?? fail('xref section');
      if (this.trailer.size === 0) this.trailer = dict;
      const hybrid = dict.get('XRefStm');
      if (typeof hybrid === 'number' && !seen.has(hybrid)) {
        seen.add(hybrid);
        await this.readXrefSection(hybrid);
      }
      const prev = dict.get('Prev');
      offset = typeof prev === 'number' ? prev : NaN;
    }
  }

  // One section: a table with its trailer, or a cross-reference stream. Entries already
  // known (from a later update) win.
  private async readXrefSection(offset: number): Promise<PdfDict | null> {
    const lexer = new Lexer(this.bytes, offset);
    if (lexer.peekWord() === 'xref') {
      lexer.word();
      for (;;) {
        const word = lexer.word();
        if (word === 'trailer') {
          const trailer = lexer.value();
          return isDict(trailer) ? trailer : null;
        }
        const first = Number(word);
        const count = Number(lexer.word());
        if (!Number.isInteger(first) || !Number.isInteger(count) || count < 0) return null;
        if (count > this.bytes.length / 18) return null;
        for (let i = 0; i < count; i += 1) {
          const entryOffset = Number(lexer.word());
          lexer.word();
          const type = lexer.word();
          if (type === 'n' && !this.entries.has(first + i) && entryOffset > 0)
            this.entries.set(first + i, { offset: entryOffset });
          else if (type !== 'n' && type !== 'f') return null;
        }
      }
    }
    const object = await this.parseObjectAt(offset, null);
    if (!object.stream || (object.stream.dict.get('Type') as PdfName)?.name !== 'XRef') return null;
    const dict = object.stream.dict;
    const data = await this.decodeStream(object.stream);
    const widths = dict.get('W');
    if (!Array.isArray(widths) || widths.length !== 3) return null;
    const w = widths.map(Number);
    if (w.some((n) => !Number.isInteger(n) || n < 0 || n > 8)) return null;
    const size = Number(dict.get('Size'));
    const index = dict.get('Index') ?? [0, size];
    if (!Array.isArray(index)) return null;
    const rowLength = w[0]! + w[1]! + w[2]!;
    let row = 0;
    const field = (start: number, width: number, fallback: number) => {
      if (width === 0) return fallback;
      let value = 0;
      for (let i = 0; i < width; i += 1) value = value * 256 + data[start + i]!;
      return value;
    };
    for (let i = 0; i + 1 < index.length; i += 2) {
      const first = Number(index[i]);
      const count = Number(index[i + 1]);
      if (!Number.isInteger(first) || !Number.isInteger(count) || count < 0) return null;
      for (let n = 0; n < count; n += 1, row += 1) {
        const start = row * rowLength;
        if (start + rowLength > data.length) return dict;
        const type = field(start, w[0]!, 1);
        const a = field(start + w[0]!, w[1]!, 0);
        const c = field(start + w[0]! + w[1]!, w[2]!, 0);
        if (this.entries.has(first + n)) continue;
        if (type === 1) this.entries.set(first + n, { offset: a });
        else if (type === 2) this.entries.set(first + n, { container: a, index: c });
      }
    }
    return dict;
  }

  // A damaged or missing cross-reference: every "n g obj" in the file, the last one of a
  // number winning (as an update would), and the trailer of the last "trailer" or
  // cross-reference stream that names a /Root.
  async rebuild(): Promise<void> {
    if (this.bytes.length > MAX_SCAN_BYTES) fail('too large to scan');
    this.entries.clear();
    this.cache.clear();
    this.objectStreams.clear();
    this.trailer = new Map();
    // One character per byte (windows-1252 is single-byte), so offsets stay byte offsets.
    const text = new TextDecoder('windows-1252').decode(this.bytes);
    for (const match of text.matchAll(/(?<![0-9])(\d{1,10})\s+(\d{1,5})\s+obj\b/g))
      this.entries.set(Number(match[1]), { offset: match.index });
    for (const match of text.matchAll(/trailer\s*<</g)) {
      try {
        const trailer = new Lexer(this.bytes, match.index + 7).value();
        if (isDict(trailer) && trailer.has('Root')) this.trailer = trailer;
      } catch {
        // A damaged trailer: keep looking.
      }
    }
    if (this.trailer.has('Root')) return;
    for (const [num, entry] of this.entries) {
      if (!('offset' in entry)) continue;
      try {
        const object = await this.object(num);
        const dict = object.stream?.dict ?? object.value;
        if (isDict(dict) && dict.has('Root')) this.trailer = dict;
        else if (isDict(dict) && (dict.get('Type') as PdfName)?.name === 'Catalog')
          this.trailer.set('Root', new PdfRef(num, 0));
      } catch {
        // Not an object this reader can parse: ignore it.
      }
    }
  }

  // "n g obj" at an offset; a stream keeps its raw (encoded) bytes.
  private async parseObjectAt(offset: number, expected: number | null): Promise<PdfObject> {
    const lexer = new Lexer(this.bytes, offset);
    const num = Number(lexer.word());
    lexer.word();
    if (lexer.word() !== 'obj') fail('obj');
    if (expected !== null && num !== expected) fail('object number');
    const value = lexer.value();
    if (lexer.peekWord() !== 'stream' || !isDict(value)) return { value, stream: null };
    lexer.pos += 6;
    if (this.bytes[lexer.pos] === 13) lexer.pos += 1;
    if (this.bytes[lexer.pos] === 10) lexer.pos += 1;
    const start = lexer.pos;
    let length = value.get('Length');
    if (length instanceof PdfRef) {
      const resolved = await this.resolve(length);
      length = typeof resolved === 'number' ? resolved : null;
    }
    let end = typeof length === 'number' ? start + length : -1;
    const endsWell =
      Number.isInteger(end) &&
      end <= this.bytes.length &&
      end >= start &&
      indexOf(this.bytes, 'endstream', end, Math.min(this.bytes.length, end + 32)) >= 0;
    if (!endsWell) {
      end = indexOf(this.bytes, 'endstream', start);
      if (end < 0) fail('no endstream');
      while (end > start && (this.bytes[end - 1] === 10 || this.bytes[end - 1] === 13)) end -= 1;
    }
    return { value, stream: { dict: value, data: this.bytes.subarray(start, end) } };
  }

  async object(num: number): Promise<PdfObject> {
    if ((this.lookups += 1) > MAX_LOOKUPS) fail('too many lookups');
    let cached = this.cache.get(num);
    if (!cached) {
      cached = this.loadObject(num);
      this.cache.set(num, cached);
    }
    return cached;
  }

  private async loadObject(num: number): Promise<PdfObject> {
    const entry = this.entries.get(num) ?? fail(`object ${num} not in the xref`);
    if ('offset' in entry) return this.parseObjectAt(entry.offset, num);
    // In an object stream (§ 7.5.7): never a stream itself.
    let container = this.objectStreams.get(entry.container);
    if (!container) {
      container = this.readObjectStream(entry.container);
      this.objectStreams.set(entry.container, container);
    }
    const value = (await container).get(num);
    if (value === undefined) fail(`object ${num} not in its object stream`);
    return { value, stream: null };
  }

  private async readObjectStream(num: number): Promise<Map<number, PdfValue>> {
    const entry = this.entries.get(num);
    if (!entry || !('offset' in entry)) fail('object stream');
    const { stream } = await this.parseObjectAt(entry.offset, num);
    if (!stream) fail('object stream without stream');
    const data = await this.decodeStream(stream);
    const count = Number(stream.dict.get('N'));
    const first = Number(stream.dict.get('First'));
    if (!Number.isInteger(count) || !Number.isInteger(first) || count < 0 || first < 0)
      fail('object stream header');
    const lexer = new Lexer(data, 0);
    const pairs: [number, number][] = [];
    for (let i = 0; i < count && lexer.pos < first; i += 1)
      pairs.push([Number(lexer.word()), Number(lexer.word())]);
    const objects = new Map<number, PdfValue>();
    for (const [objectNum, offset] of pairs) {
      try {
        objects.set(objectNum, new Lexer(data, first + offset).value());
      } catch {
        // One damaged object leaves the others readable.
      }
    }
    return objects;
  }

  async resolve(value: PdfValue | undefined, depth = 0): Promise<PdfValue | undefined> {
    if (!(value instanceof PdfRef)) return value;
    if (depth > 16) fail('reference chain');
    const object = await this.object(value.num);
    return this.resolve(object.stream ? object.stream.dict : object.value, depth + 1);
  }

  async stream(value: PdfValue | undefined): Promise<PdfStream> {
    if (!(value instanceof PdfRef)) fail('stream must be indirect');
    return (await this.object(value.num)).stream ?? fail('not a stream');
  }

  async decodeStream(stream: PdfStream): Promise<Uint8Array> {
    const filter = stream.dict.get('Filter');
    const filters = (Array.isArray(filter) ? filter : filter === undefined ? [] : [filter]).map(
      (f) => (f instanceof PdfName ? f.name : fail('filter')),
    );
    const parmsValue = stream.dict.get('DecodeParms');
    const parms = Array.isArray(parmsValue) ? parmsValue : [parmsValue];
    let data = stream.data;
    for (const [i, name] of filters.entries()) {
      if (name !== 'FlateDecode' && name !== 'Fl') fail(`filter ${name}`);
      data = unpredict(await inflate(data), parms[i] ?? undefined);
    }
    return data;
  }
}

function textString(value: PdfValue | undefined): string | null {
  if (!(value instanceof PdfString)) return null;
  const b = value.bytes;
  if (b[0] === 0xfe && b[1] === 0xff) {
    let text = '';
    for (let i = 2; i + 1 < b.length; i += 2) text += String.fromCharCode(b[i]! * 256 + b[i + 1]!);
    return text;
  }
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf)
    return new TextDecoder().decode(b.subarray(3));
  return latin1(b);
}

// The name tree's entries (§ 7.9.6): (key, value) pairs of /Names, then its /Kids.
async function nameTreeEntries(
  pdf: PdfFile,
  node: PdfValue | undefined,
  visit: (key: string | null, value: PdfValue) => Promise<boolean>,
  depth = 0,
  seen = new Set<PdfValue>(),
): Promise<boolean> {
  if (depth > MAX_TREE_DEPTH || seen.has(node ?? null)) return false;
  seen.add(node ?? null);
  const dict = await pdf.resolve(node);
  if (!isDict(dict)) return false;
  const names = await pdf.resolve(dict.get('Names'));
  if (Array.isArray(names)) {
    for (let i = 0; i + 1 < names.length; i += 2)
      if (await visit(textString(await pdf.resolve(names[i])), names[i + 1]!)) return true;
  }
  const kids = await pdf.resolve(dict.get('Kids'));
  if (Array.isArray(kids)) {
    for (const kid of kids)
      if (await nameTreeEntries(pdf, kid, visit, depth + 1, seen)) return true;
  }
  return false;
}

async function findReport(pdf: PdfFile): Promise<string | null> {
  const root = await pdf.resolve(pdf.trailer.get('Root'));
  if (!isDict(root)) return null;
  const names = await pdf.resolve(root.get('Names'));
  if (!isDict(names)) return null;
  let found: string | null = null;
  await nameTreeEntries(pdf, names.get('EmbeddedFiles'), async (key, value) => {
    const spec = await pdf.resolve(value);
    if (!isDict(spec)) return false;
    const fileName =
      textString(await pdf.resolve(spec.get('UF'))) ?? textString(await pdf.resolve(spec.get('F')));
    if (fileName !== EMBEDDED_REPORT_NAME && key !== EMBEDDED_REPORT_NAME) return false;
    const files = await pdf.resolve(spec.get('EF'));
    if (!isDict(files)) return false;
    const stream = await pdf.stream(files.get('F') ?? files.get('UF'));
    const bytes = await pdf.decodeStream(stream);
    const params = await pdf.resolve(stream.dict.get('Params'));
    if (isDict(params)) {
      const size = await pdf.resolve(params.get('Size'));
      if (typeof size === 'number' && size !== bytes.length) return false;
      const checksum = await pdf.resolve(params.get('CheckSum'));
      if (checksum instanceof PdfString && checksum.bytes.length === 16) {
        const expected = [...checksum.bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
        if (md5Hex(bytes) !== expected) return false;
      }
    }
    try {
      found = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return false;
    }
    return true;
  });
  return found;
}

async function readWith(pdf: PdfFile, rebuild: boolean): Promise<string | null> {
  if (rebuild) await pdf.rebuild();
  else await pdf.readXref();
  return findReport(pdf);
}

export async function readEmbeddedReportNow(input: Uint8Array): Promise<EmbeddedReportResult> {
  try {
    const bytes = input instanceof Uint8Array ? input : new Uint8Array(0);
    // The header may follow a little junk (§ 7.5.2 readers accept it within 1 KB).
    if (indexOf(bytes, '%PDF-', 0, Math.min(bytes.length, 1024 + 5)) < 0)
      return { kind: 'not-pdf' };
    for (const rebuild of [false, true]) {
      try {
        const text = await readWith(new PdfFile(bytes), rebuild);
        if (text !== null) return { kind: 'found', text };
      } catch {
        // Unreadable this way: try the next, then give up.
      }
    }
    return { kind: 'none' };
  } catch {
    return { kind: 'none' };
  }
}
