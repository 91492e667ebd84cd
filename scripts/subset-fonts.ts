// Makes the embedded PDF fonts: Tinos (SIL OFL 1.1 as Debian ships it; a metric twin of Times New Roman)
// from Debian's fonts-croscore 20201225-1, subset to src/export/pdf/font-coverage.ts.
// Run by hand after `apt-get install fonts-croscore`; the results are committed, with
// the licence, because users' machines have no Debian packages.
//   npx tsx scripts/subset-fonts.ts
import { readFileSync, writeFileSync } from 'node:fs';
import subsetFont from 'subset-font';
import { FONT_RANGES } from '../src/export/pdf/font-coverage';

const source = process.env.FONT_DIR ?? '/usr/share/fonts/truetype/croscore';
const styles = {
  normal: 'Regular',
  bold: 'Bold',
  italic: 'Italic',
  bolditalic: 'BoldItalic',
} as const;

const text = FONT_RANGES.flatMap(([from, to]) =>
  Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i)),
).join('');

for (const [style, file] of Object.entries(styles)) {
  const input = readFileSync(`${source}/Tinos-${file}.ttf`);
  const output = await subsetFont(input, text, { targetFormat: 'truetype' });
  const target = `src/export/pdf/fonts/tinos-${style}.ttf`;
  writeFileSync(target, output);
  console.log(`${target}: ${input.length} → ${output.length} bytes`);
}
