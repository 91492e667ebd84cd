// The image pipeline chunk of the build being served, run in the page. The app loads it
// lazily (src/photos/load-pipeline.ts) and adds no hook for tests: the chunk's file name
// is read from the build on disk (DIST_DIR, as the server serves it) and the page imports
// it by URL, exactly the file a phone would fetch (and the service worker precaches).
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import type * as PipelineChunk from '@/photos/image-pipeline.chunk';

const ROOT = resolve(import.meta.dirname, '../../..');
export const distDir = resolve(ROOT, process.env.DIST_DIR ?? 'dist');

// "/assets/image-pipeline.chunk-<hash>.js"; throws when the build has none (the pipeline
// was bundled into another chunk, or nothing in the app imports it) or several.
export function pipelineChunkUrl(dir = distDir): string {
  const assets = join(dir, 'assets');
  const files = readdirSync(assets).filter(
    (file) => file.startsWith('image-pipeline.chunk-') && file.endsWith('.js'),
  );
  if (files.length !== 1)
    throw new Error(
      `expected one image-pipeline.chunk-*.js in ${assets}, found ${files.length}: ` +
        'build the app first; the pipeline must stay a lazy chunk of its own',
    );
  return `/assets/${files[0]}`;
}

export function serviceWorkerSource(dir = distDir): string {
  return readFileSync(join(dir, 'sw.js'), 'utf8');
}

export type Rgba = [number, number, number, number];
// A point as fractions of the width and height, e.g. [0.25, 0.5].
export type Point = [number, number];

// What an image Blob is: its type and first bytes, and the image the browser decodes
// from it, with the colours at the given points.
export type Inspected = {
  type: string;
  size: number;
  head: string;
  width: number;
  height: number;
  pixels: Rgba[];
  bytes?: number[];
};

export type Outcome =
  | { ok: true; width: number; height: number; photo: Inspected; thumb: Inspected }
  | {
      ok: false;
      name: string;
      problem: unknown;
      isPhotoProcessingError: boolean;
      message: string;
    };

type Helpers = {
  process: (file: Blob, points: Point[], withBytes?: boolean) => Promise<Outcome>;
  inspect: (blob: Blob, points: Point[], withBytes?: boolean) => Promise<Inspected>;
  bytes: (blob: Blob) => Promise<number[]>;
  // Deterministic noise (xorshift32) for test images: 0…255.
  noise: (length: number, seed: number) => Uint8Array;
};

declare global {
  interface Window {
    pipelineTest?: Helpers;
  }
}

// Opens the app and installs `window.pipelineTest`, which runs the built chunk.
export async function openPipeline(page: Page): Promise<void> {
  await page.goto('/');
  await page.evaluate(async (url) => {
    const chunk = (await import(url)) as typeof PipelineChunk;

    const bytes = async (blob: Blob) => Array.from(new Uint8Array(await blob.arrayBuffer()));
    const inspect = async (blob: Blob, points: Point[], withBytes = false) => {
      const head = new Uint8Array(await blob.slice(0, 3).arrayBuffer());
      const bitmap = await createImageBitmap(blob);
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      bitmap.close();
      const pixels = points.map(([fx, fy]) => {
        const x = Math.min(canvas.width - 1, Math.floor(fx * canvas.width));
        const y = Math.min(canvas.height - 1, Math.floor(fy * canvas.height));
        return Array.from(context.getImageData(x, y, 1, 1).data) as Rgba;
      });
      const inspected: Inspected = {
        type: blob.type,
        size: blob.size,
        head: Array.from(head, (b) => b.toString(16).padStart(2, '0')).join(''),
        width: canvas.width,
        height: canvas.height,
        pixels,
      };
      if (withBytes) inspected.bytes = await bytes(blob);
      return inspected;
    };
    const process = async (file: Blob, points: Point[], withBytes = false): Promise<Outcome> => {
      try {
        const out = await chunk.processPhoto(file);
        return {
          ok: true,
          width: out.width,
          height: out.height,
          photo: await inspect(out.blob, points, withBytes),
          thumb: await inspect(out.thumb, points),
        };
      } catch (error) {
        const e = error as Error & { problem?: unknown };
        return {
          ok: false,
          name: e.name,
          problem: e.problem,
          isPhotoProcessingError: error instanceof chunk.PhotoProcessingError,
          message: e.message,
        };
      }
    };
    const noise = (length: number, seed: number) => {
      const out = new Uint8Array(length);
      let s = seed >>> 0 || 1;
      for (let i = 0; i < length; i += 1) {
        s ^= s << 13;
        s >>>= 0;
        s ^= s >>> 17;
        s ^= s << 5;
        s >>>= 0;
        out[i] = s & 0xff;
      }
      return out;
    };
    window.pipelineTest = { process, inspect, bytes, noise };
  }, pipelineChunkUrl());
}

// Whether a colour is within `tolerance` of the expected one on every channel (JPEG and
// resampling move colours a little; a wrong rotation or a black background moves them
// a lot).
export function near(actual: Rgba | undefined, expected: readonly number[], tolerance = 24) {
  if (!actual) return false;
  return expected.every((value, i) => Math.abs(actual[i]! - value) <= tolerance);
}
