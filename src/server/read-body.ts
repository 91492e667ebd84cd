// A request body's bytes, at most `maxBytes` of them. On the Node server it reads the
// socket's chunks straight into one buffer: the web-stream path (Request.arrayBuffer)
// copied each chunk through three layers and, under a burst of multi-MB bodies, its
// garbage held the event loop that answers everyone else. Elsewhere (app.request in
// tests) it reads the web Request.
import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';

export type BodyRead = { bytes: Uint8Array } | { tooLarge: true };

const INITIAL_MAX = 1024 * 1024;

type NodeBindings = { incoming?: IncomingMessage };

export async function readBody(c: Context, maxBytes: number): Promise<BodyRead> {
  const declared = Number(c.req.header('content-length'));
  if (declared > maxBytes) return { tooLarge: true };
  const incoming = (c.env as NodeBindings | undefined)?.incoming;
  if (!incoming?.on) {
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    return bytes.length > maxBytes ? { tooLarge: true } : { bytes };
  }
  // Chunks are copied into one buffer as they come, in small steps between other
  // requests, not in one multi-MB copy at the end. It starts at the declared length up
  // to 1 MB (declaring a length costs the sender nothing) and grows to the declared
  // length once that much has come, or by doubling.
  const expected = Number.isInteger(declared) && declared > 0 ? declared : 0;
  let buffer = Buffer.allocUnsafeSlow(expected ? Math.min(expected, INITIAL_MAX) : 64 * 1024);
  let size = 0;
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      if (size + chunk.length > maxBytes) {
        // Stop collecting; Node drops the rest of the body after the answer.
        incoming.off('data', onData);
        resolve({ tooLarge: true });
        return;
      }
      if (size + chunk.length > buffer.length) {
        const grown = Buffer.allocUnsafeSlow(
          Math.min(maxBytes, Math.max(buffer.length * 2, size + chunk.length, expected)),
        );
        buffer.copy(grown, 0, 0, size);
        buffer = grown;
      }
      chunk.copy(buffer, size);
      size += chunk.length;
    };
    incoming.on('data', onData);
    incoming.once('end', () =>
      resolve({ bytes: size === buffer.length ? buffer : buffer.subarray(0, size) }),
    );
    incoming.once('error', reject);
    incoming.once('close', () => {
      if (!incoming.complete) reject(new Error('the client closed the request'));
    });
  });
}
