// The submission transport against real HTTP servers on loopback that misbehave: one that
// accepts the connection and never answers (the upload gives up at its timeout and counts
// as a network error, to be retried), one that sends headers and then stalls the body,
// and one that answers 429 with Retry-After.
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { buildReportFile } from '@/domain/report/report-schema';
import type { OutboxEntry } from '@/domain/outbox/outbox-entry';
import { checkAccessCode, createHttpTransport, isEndpointAlive } from '@/sync/http-transport';
import { makeOutboxEntry, makeReportMeta } from './factories';

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function serve(handler: RequestListener): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
}

// A server that reads the request and never answers.
const silent: RequestListener = (request) => request.resume();

function entry(): OutboxEntry {
  const createdAt = '2024-05-10T02:41:00.000Z';
  const body = buildReportFile(makeReportMeta({ id: 'r1' }), {}, createdAt);
  return makeOutboxEntry({ reportId: 'r1', revision: 1, body, createdAt });
}

describe('the HTTP transport', () => {
  it('gives up on a server that never answers at its timeout: a network error', async () => {
    const endpoint = await serve(silent);
    const started = performance.now();
    const outcome = await createHttpTransport(endpoint, 'CODE', 300).send(entry());
    expect(outcome).toEqual({ kind: 'networkError' });
    // It waited for the timeout, not for ever (the bound is generous: a loaded machine).
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('gives a photo upload a second more per 10 KB before giving up', async () => {
    const endpoint = await serve(silent);
    const photo = new Blob([new Uint8Array(5_000)], { type: 'image/jpeg' });
    const started = performance.now();
    const outcome = await createHttpTransport(endpoint, 'CODE', 100).uploadFile(
      'r1',
      'b'.repeat(64),
      photo,
    );
    expect(outcome).toEqual({ kind: 'networkError' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(590); // 100 ms + 5,000 / 10
  });

  it('keeps the status of an answer whose body stalls, without its body', async () => {
    const endpoint = await serve((request, response) => {
      request.resume();
      response.writeHead(201, { 'Content-Type': 'application/json' });
      response.write('{"reportId":'); // and nothing more
    });
    const outcome = await createHttpTransport(endpoint, 'CODE', 300).send(entry());
    expect(outcome).toMatchObject({ kind: 'response', status: 201, body: null });
  });

  it('reads 429 with Retry-After, and sends the code and the JSON body', async () => {
    const seen: {
      auth?: string | undefined;
      type?: string | undefined;
      url?: string | undefined;
      body: string;
    } = {
      body: '',
    };
    const endpoint = await serve((request, response) => {
      seen.auth = request.headers.authorization;
      seen.type = request.headers['content-type'];
      seen.url = request.url;
      request.on('data', (chunk: Buffer) => (seen.body += chunk.toString('utf8')));
      request.on('end', () => {
        response.writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': '7' });
        response.end('{"error":"rateLimited"}');
      });
    });
    const sent = entry();
    const outcome = await createHttpTransport(endpoint, 'CODE-1', 2_000).send(sent);
    expect(outcome).toEqual({
      kind: 'response',
      status: 429,
      body: { error: 'rateLimited' },
      retryAfterSeconds: 7,
    });
    expect(seen).toEqual({
      auth: 'Bearer CODE-1',
      type: 'application/json',
      url: '/api/reports/r1/revisions/1',
      body: JSON.stringify(sent.body),
    });
  });

  it('calls a silent endpoint not alive, and its code check unreachable, at their timeouts', async () => {
    const endpoint = await serve(silent);
    expect(await isEndpointAlive(endpoint, 200)).toBe(false);
    expect(await checkAccessCode(endpoint, 'CODE', 200)).toEqual({ kind: 'unreachable' });
  });
});
