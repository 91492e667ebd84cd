// The device path of one photo: a 12-megapixel (4000 × 3000) camera-like JPEG through
// the built image pipeline chunk in Chromium (decode with EXIF orientation, resize to
// 1600 px, JPEG encode, thumbnail), timed in the page around processPhoto. The page
// draws the photo itself (a gradient, shapes and fine noise: about 3 MB, as hard to
// decode as a phone camera's). One warm-up run, then the median of five; every run goes
// to stderr. No CPU throttling: the figure is this machine's, to compare builds.
//
// Assumes dist/ is built (scripts/bench.ts builds it). Serves it in process on a free
// port and drives the Debian Chromium; stops both at the end.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import type * as PipelineChunk from '@/photos/image-pipeline.chunk';
import { startServer } from '../../src/server/start';
import { chromiumArgs, chromiumPath } from '../../tests/e2e/support/chromium';
import { pipelineChunkUrl } from '../../tests/e2e/support/image-pipeline';
import { median } from './stats';
import type { BenchResult } from './types';

const RUNS = 5;

export async function run(distDir = 'dist'): Promise<BenchResult[]> {
  const dist = resolve(distDir);
  const chunkUrl = pipelineChunkUrl(dist);
  const dataDir = mkdtempSync(join(tmpdir(), 'so-ket-bench-photo-'));
  const server = await startServer({ distDir: dist, dataDir, port: 0 }, 'bench');
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    // No named function bindings in here: tsx (esbuild keepNames) would wrap them in a
    // __name() helper the page does not have.
    const { inputBytes, times } = await page.evaluate(
      async ({ url, runs }) => {
        const chunk = (await import(url)) as typeof PipelineChunk;
        const [width, height] = [4000, 3000];
        const tile = new OffscreenCanvas(509, 503);
        const tileData = new ImageData(tile.width, tile.height);
        let seed = 12;
        for (let i = 0; i < tileData.data.length; i += 1) {
          seed ^= seed << 13;
          seed ^= seed >>> 17;
          seed ^= seed << 5;
          tileData.data[i] = i % 4 === 3 ? 255 : seed & 0xff;
        }
        tile.getContext('2d')!.putImageData(tileData, 0, 0);
        const canvas = new OffscreenCanvas(width, height);
        const context = canvas.getContext('2d')!;
        const sky = context.createLinearGradient(0, 0, 0, height);
        sky.addColorStop(0, '#6fa8dc');
        sky.addColorStop(0.55, '#d9ead3');
        sky.addColorStop(1, '#38761d');
        context.fillStyle = sky;
        context.fillRect(0, 0, width, height);
        for (let i = 0; i < 40; i += 1) {
          context.fillStyle = `hsl(${(i * 47) % 360} 60% 50%)`;
          context.beginPath();
          context.arc((i * 937) % width, (i * 611) % height, 80 + ((i * 53) % 300), 0, 7);
          context.fill();
        }
        context.globalAlpha = 0.1;
        for (let y = 0; y < height; y += tile.height)
          for (let x = 0; x < width; x += tile.width) context.drawImage(tile, x, y);
        const jpeg = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
        canvas.width = canvas.height = 0;
        const file = new File([jpeg], 'IMG_0012.jpg', { type: 'image/jpeg' });

        const times: number[] = [];
        for (let i = 0; i <= runs; i += 1) {
          const start = performance.now();
          const out = await chunk.processPhoto(file);
          const elapsed = performance.now() - start;
          if (out.width !== 1600 || out.height !== 1200)
            throw new Error(`the photo came out ${out.width} × ${out.height}`);
          if (i > 0) times.push(elapsed); // the first run warms up
        }
        return { inputBytes: file.size, times };
      },
      { url: chunkUrl, runs: RUNS },
    );
    console.error(
      `photo-12mp: input ${(inputBytes / 1024 / 1024).toFixed(1)} MB, runs ` +
        `${times.map(Math.round).join(', ')} ms`,
    );
    return [{ name: 'photo-12mp', value: Math.round(median(times)), unit: 'ms' }];
  } finally {
    await browser?.close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
