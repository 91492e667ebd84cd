// Gzip size of the JS and CSS the browser must load before the first render: the entry
// script, its modulepreloads and stylesheets named in dist/index.html (lazy chunks excluded).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { kb } from './stats';
import type { BenchResult } from './types';

export function firstRenderFiles(distDir: string): string[] {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const refs = [
    ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="(?:modulepreload|stylesheet)"[^>]+href="([^"]+)"/g),
    ...html.matchAll(
      /<link[^>]+href="([^"]+\.(?:js|css))"[^>]+rel="(?:modulepreload|stylesheet)"/g,
    ),
  ].map((match) => match[1]!);
  return [...new Set(refs)];
}

export async function run(): Promise<BenchResult[]> {
  const distDir = 'dist';
  const bytes = firstRenderFiles(distDir)
    .map(
      (ref) => gzipSync(readFileSync(join(distDir, ref.replace(/^\//, ''))), { level: 9 }).length,
    )
    .reduce((sum, size) => sum + size, 0);
  return [{ name: 'first-render-js-gzip', value: kb(bytes), unit: 'KB' }];
}
