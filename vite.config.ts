import { readFileSync } from 'node:fs';
import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { staticShell } from './src/app/static-shell.ts';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};
const emptyModule = fileURLToPath(new URL('./src/export/pdf/empty-module.ts', import.meta.url));
const zodJitless = fileURLToPath(new URL('./src/lib/zod-jitless.ts', import.meta.url));
const zodMiniJitless = fileURLToPath(new URL('./src/lib/zod-mini-jitless.ts', import.meta.url));

// dist/.vite/chunk-modules.json: for every JS chunk, the modules in it and the chunks it
// imports statically. tests/e2e/first-render-bundle.spec.ts reads it to keep zod, the
// templates and workbox-window out of what the first screen loads.
function chunkModules(): Plugin {
  return {
    name: 'so-ket:chunk-modules',
    apply: 'build',
    generateBundle(_options, bundle) {
      const root = fileURLToPath(new URL('.', import.meta.url));
      const chunks = Object.values(bundle).flatMap((output) =>
        output.type === 'chunk'
          ? [
              {
                file: output.fileName,
                isEntry: output.isEntry,
                imports: output.imports,
                modules: output.moduleIds.map((id) => id.replace(root, '')),
              },
            ]
          : [],
      );
      this.emitFile({
        type: 'asset',
        fileName: '.vite/chunk-modules.json',
        source: JSON.stringify(chunks),
      });
    },
  };
}

// The first screen's static shell (src/app/static-shell.ts) inside #root.
function firstScreenShell(): Plugin {
  return {
    name: 'so-ket:first-screen-shell',
    transformIndexHtml: (html) =>
      html.replace('<div id="root"></div>', `<div id="root">${staticShell()}</div>`),
  };
}

export default defineConfig({
  define: {
    __APP_VERSION__: JSON.stringify(process.env.APP_VERSION ?? pkg.version),
    // Tests build the previous release's database schema with SO_KET_DB_SCHEMA_MAX.
    __DB_SCHEMA_MAX__: JSON.stringify(Number(process.env.SO_KET_DB_SCHEMA_MAX ?? 0) || null),
  },
  plugins: [
    react(),
    chunkModules(),
    firstScreenShell(),
    VitePWA({
      strategies: 'generateSW',
      // Never reload over a half-typed answer: the app asks, saves, then reloads.
      registerType: 'prompt',
      injectRegister: null,
      includeManifestIcons: false,
      manifest: {
        id: '/',
        name: 'Sơ kết NQ01 – Báo cáo sơ kết 5 năm Nghị quyết 01-NQ/ĐTN',
        short_name: 'Sơ kết NQ01',
        description:
          'Viết báo cáo sơ kết 5 năm thực hiện Nghị quyết 01-NQ/ĐTN, dùng được khi không có mạng.',
        lang: 'vi',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        theme_color: '#a4161a',
        background_color: '#f7f4f2',
        categories: ['productivity'],
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          {
            src: '/icons/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      workbox: {
        // Everything the offline job needs: lazy chunks (report screen, PDF writer),
        // fonts, icons (the plugin adds the manifest). Report data lives in IndexedDB,
        // never here.
        globPatterns: ['**/*.{js,css,html,svg,png,ttf,woff2}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
        runtimeCaching: [],
      },
      devOptions: { enabled: false },
    }),
  ],
  resolve: {
    alias: [
      { find: '@', replacement: fileURLToPath(new URL('./src', import.meta.url)) },
      // jsPDF imports these lazily for doc.html() and SVG, which this app never calls.
      { find: 'html2canvas', replacement: emptyModule },
      { find: 'dompurify', replacement: emptyModule },
      { find: 'canvg', replacement: emptyModule },
      // zod as the browser gets it: set to parse without eval before any schema is built
      // (the Content-Security-Policy has no 'unsafe-eval'; see the module).
      { find: /^zod$/, replacement: zodJitless },
      { find: /^zod\/mini$/, replacement: zodMiniJitless },
    ],
  },
  // The export worker (src/export/render-worker.ts) loads the PDF and Word writers with
  // import(): a module worker, split into chunks like the page.
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: false,
    modulePreload: {
      // The list's store is imported without Vite's preload links for its chunks (Dexie,
      // the database, the stored reports' checks): the browser fetches them when it reads
      // the store's imports. On a first visit nothing waits for them (the empty list shows
      // without the store), and the links cost the load's longest task in Lighthouse's
      // trace; the installed app reads them from the cache, where the links only added
      // work (warm offline start 909-1,234 ms with them, 896-1,126 ms without).
      resolveDependencies: (filename, deps) =>
        /(^|\/)list-store-[\w-]+\.js$/.test(filename) ? [] : deps,
    },
  },
  preview: { port: 4173, strictPort: true },
});
