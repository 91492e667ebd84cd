// Removes the web server's data directory made for this run (playwright.config.ts).
import { rmSync } from 'node:fs';

export default function globalTeardown(): void {
  const dir = process.env.E2E_DATA_DIR;
  if (dir && dir.includes('so-ket-e2e-data-')) rmSync(dir, { recursive: true, force: true });
}
