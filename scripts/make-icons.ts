// Renders the app icons (192, 512, and a maskable 512 with the star inside the safe
// zone) from one SVG with headless Chromium. Run by hand; the PNGs are committed.
//   npx tsx scripts/make-icons.ts
import { chromium } from 'playwright-core';

const star = 'M32 12l5.9 12 13.1 1.9-9.5 9.3 2.2 13.1L32 42.1 20.3 48.3l2.2-13.1-9.5-9.3 13.1-1.9z';
const svg = (maskable: boolean) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">` +
  `<rect width="64" height="64" ${maskable ? '' : 'rx="12"'} fill="#a4161a"/>` +
  `<g transform="${maskable ? 'translate(12.8 12.8) scale(0.6)' : ''}"><path d="${star}" fill="#ffd54f"/></g>` +
  `<text x="32" y="${maskable ? 47 : 58}" font-family="sans-serif" font-size="${maskable ? 5 : 7}" font-weight="700" text-anchor="middle" fill="#fff">NQ01</text></svg>`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
const page = await browser.newPage();
for (const [name, size, maskable] of [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['icon-maskable-512.png', 512, true],
  ['apple-touch-icon-180.png', 180, true],
] as const) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${svg(maskable).replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
  );
  await page.screenshot({ path: `public/icons/${name}`, omitBackground: true });
  console.log(`public/icons/${name}`);
}
await browser.close();
