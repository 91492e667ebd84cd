// Word copies opened the way a person opens them: LibreOffice headless prints each file
// to PDF, for pdftotext to read. One soffice start converts them all (a start costs
// seconds); its profile lives in the scratch folder so runs do not share one.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const SOFFICE_TIMEOUT = 120_000;

// Fails naming the Debian package to install when LibreOffice is missing.
export function requireLibreOffice(): void {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60_000 });
  } catch {
    throw new Error(
      'soffice is missing: the Word copy tests open the file in LibreOffice. Install the ' +
        'Debian package: apt-get install -y libreoffice-writer-nogui',
    );
  }
}

// Prints every file to <outDir>/<its name>.pdf; `scratch` holds LibreOffice's profile.
export function printWithLibreOffice(files: readonly string[], outDir: string, scratch: string) {
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=${pathToFileURL(join(scratch, 'lo-profile')).href}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'pdf',
      '--outdir',
      outDir,
      ...files,
    ],
    { env: { ...process.env, HOME: scratch }, stdio: 'ignore', timeout: SOFFICE_TIMEOUT },
  );
}
