import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      ...Object.fromEntries(
        ['html2canvas', 'dompurify', 'canvg'].map((name) => [
          name,
          fileURLToPath(new URL('./src/export/pdf/empty-module.ts', import.meta.url)),
        ]),
      ),
    },
  },
  build: {
    target: 'es2022',
    sourcemap: false,
  },
  preview: { port: 4173, strictPort: true },
});
