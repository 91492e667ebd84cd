// The embedded fonts read from disk, for the Node command and tests.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FontFiles } from './pdf-writer.chunk';

export function readFontFiles(): FontFiles {
  const read = (style: string) =>
    readFileSync(fileURLToPath(new URL(`./fonts/tinos-${style}.ttf`, import.meta.url))).toString(
      'base64',
    );
  return {
    normal: read('normal'),
    bold: read('bold'),
    italic: read('italic'),
    bolditalic: read('bolditalic'),
  };
}
