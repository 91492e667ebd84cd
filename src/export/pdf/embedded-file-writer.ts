// Writes a file into a PDF as an embedded file ("attachment", PDF 1.7 § 7.11.4) while
// jsPDF builds the document: the file stream (Flate, with /Params /Size and /CheckSum, the
// MD5 of the file's bytes), its file specification (/AFRelationship /Data), the catalogue's
// /Names /EmbeddedFiles name tree and /AF. jsPDF has no public API for this; it publishes
// events while it writes (postPutResources: every page and resource is out, the info
// dictionary and catalogue are not yet; putCatalog: inside the catalogue's dictionary),
// and its `internal` object writes objects and streams. This module knows only that
// narrow interface; pdf-writer.chunk.ts (the one module that imports jsPDF) hands it over.
import { md5Hex } from '@/lib/md5';

// The parts of jsPDF's `internal` used here (jsPDF 4.2.1, src/jspdf.js: API.internal).
export type PdfInternals = {
  events: { subscribe(topic: string, callback: () => void): unknown };
  newObject(): number;
  write(...parts: string[]): void;
  putStream(options: {
    data: string;
    filters: string[];
    objectId: number;
    additionalKeyValues: { key: string; value: string | number }[];
  }): void;
};

export type EmbeddedFile = {
  name: string; // ASCII
  mimeType: string; // type/subtype, ASCII
  description: string; // ASCII
  bytes: Uint8Array;
};

// Bytes as jsPDF's output strings carry them: one character per byte.
function binaryString(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return text;
}

// A PDF name: characters outside the regular ones written as #xx (PDF 1.7 § 7.3.5).
function pdfName(text: string): string {
  return `/${text.replace(/[^A-Za-z0-9.\-_+]/g, (c) => `#${c.charCodeAt(0).toString(16).padStart(2, '0')}`)}`;
}

// A PDF literal string of printable ASCII.
function pdfString(text: string): string {
  if (!/^[\x20-\x7e]*$/.test(text)) throw new Error(`not printable ASCII: ${text}`);
  return `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

export function attachEmbeddedFile(internal: PdfInternals, file: EmbeddedFile): void {
  const name = pdfString(file.name);
  let fileSpec = 0;
  let nameTree = 0;
  internal.events.subscribe('postPutResources', () => {
    const stream = internal.newObject();
    internal.putStream({
      data: binaryString(file.bytes),
      filters: ['FlateEncode'],
      objectId: stream,
      additionalKeyValues: [
        { key: 'Type', value: '/EmbeddedFile' },
        { key: 'Subtype', value: pdfName(file.mimeType) },
        {
          key: 'Params',
          value: `<< /Size ${file.bytes.length} /CheckSum <${md5Hex(file.bytes)}> >>`,
        },
      ],
    });
    internal.write('endobj');
    fileSpec = internal.newObject();
    internal.write(
      `<< /Type /Filespec /F ${name} /UF ${name} /Desc ${pdfString(file.description)}`,
      `/EF << /F ${stream} 0 R /UF ${stream} 0 R >> /AFRelationship /Data >>`,
    );
    internal.write('endobj');
    nameTree = internal.newObject();
    internal.write(`<< /Names [${name} ${fileSpec} 0 R] >>`);
    internal.write('endobj');
  });
  internal.events.subscribe('putCatalog', () => {
    if (nameTree === 0) return;
    internal.write(`/Names << /EmbeddedFiles ${nameTree} 0 R >>`);
    internal.write(`/AF [${fileSpec} 0 R]`);
  });
}
