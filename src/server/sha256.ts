// SHA-256 in hex, with Node's crypto (the store and the revision check, which runs in a
// worker thread that never opens the database).
import { createHash } from 'node:crypto';

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
