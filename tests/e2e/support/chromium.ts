// The Debian Chromium and the arguments that keep it quiet on a closed network
// (../shared/docs/STACK.md, "Browser tests"). Browsers are never downloaded.
import { statfsSync } from 'node:fs';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Chromium keeps its shared memory in /dev/shm; where that is small (a container's 64 MB)
// it must use /tmp instead, which costs 7-13 % more CPU in the e2e suite (measured on 19
// tests, 2 cores). STACK.md: the flag only "where /dev/shm is small".
function isShmSmall(): boolean {
  try {
    const fs = statfsSync('/dev/shm');
    return fs.blocks * fs.bsize < 1024 ** 3;
  } catch {
    return true;
  }
}

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  ...(isShmSmall() ? ['--disable-dev-shm-usage'] : []),
];
