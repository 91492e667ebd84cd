// A bad network in front of the server: an HTTP proxy on 127.0.0.1 that passes the
// app's files through untouched and, for submissions (/api/reports…), with a seeded
// PRNG, drops the request (the socket is destroyed, nothing reaches the server), drops
// the response (the server stores the revision, then the client's socket is destroyed
// before it hears back) or sends the request twice (one answer returns). Faults are
// bounded in number and in time, after which everything passes, so a test always ends.
import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { mulberry32 } from '../../fixtures/random';

export type FlakyProxyOptions = {
  // Where the real server listens: loopback only.
  upstream: string;
  seed: number;
  dropRequest: number;
  dropResponse: number;
  duplicate: number;
  maxFaults: number;
  faultWindowMs: number;
  // Only paths that start with this are disturbed.
  pathPrefix: string;
  // The clock of the fault window (a test on a virtual clock passes its own).
  now: () => number;
};

export type FlakyProxyStats = {
  requests: number;
  droppedRequests: number;
  droppedResponses: number;
  duplicated: number;
  passed: number;
};

export type FlakyProxy = {
  url: string;
  stats: FlakyProxyStats;
  // Submissions the proxy holds now (read, on their way to the server or back).
  inFlight: () => number;
  close: () => Promise<void>;
};

const DEFAULTS = {
  seed: 1,
  dropRequest: 0.3,
  dropResponse: 0.3,
  duplicate: 0.1,
  maxFaults: 60,
  faultWindowMs: 60_000,
  pathPrefix: '/api/reports',
  now: () => Date.now(),
} satisfies Omit<FlakyProxyOptions, 'upstream'>;

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
]);

function forwardHeaders(headers: IncomingHttpHeaders, host: string): IncomingHttpHeaders {
  const result: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!HOP_BY_HOP.has(name)) result[name] = value;
  }
  result.host = host;
  return result;
}

function readBody(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

type Upstream = { status: number; headers: IncomingHttpHeaders; body: Buffer };

export async function startFlakyProxy(
  options: Partial<FlakyProxyOptions> & { upstream: string },
): Promise<FlakyProxy> {
  const config = { ...DEFAULTS, ...options };
  const target = new URL(config.upstream);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(target.hostname)) {
    throw new Error(`the flaky proxy only fronts a loopback server, not ${target.hostname}`);
  }
  // The same seed gives the same faults in order.
  const random = mulberry32(config.seed);
  const stats: FlakyProxyStats = {
    requests: 0,
    droppedRequests: 0,
    droppedResponses: 0,
    duplicated: 0,
    passed: 0,
  };
  const startedAt = config.now();
  let faults = 0;
  let inFlight = 0;

  // A whole request to the server, answer buffered.
  const send = (req: IncomingMessage, body: Buffer): Promise<Upstream> =>
    new Promise((resolve, reject) => {
      const outgoing = httpRequest(
        {
          hostname: target.hostname.replace(/^\[|\]$/g, ''),
          port: target.port,
          method: req.method,
          path: req.url,
          headers: { ...forwardHeaders(req.headers, target.host), 'content-length': body.length },
        },
        (response) => {
          readBody(response).then(
            (responseBody) =>
              resolve({
                status: response.statusCode ?? 502,
                headers: response.headers,
                body: responseBody,
              }),
            reject,
          );
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });

  const reply = (res: ServerResponse, upstream: Upstream) => {
    const headers = forwardHeaders(upstream.headers, target.host);
    delete headers.host;
    res.writeHead(upstream.status, { ...headers, 'content-length': upstream.body.length });
    res.end(upstream.body);
  };

  // Everything else (the app, its chunks, the health check): streamed through.
  const pass = (req: IncomingMessage, res: ServerResponse) => {
    const outgoing = httpRequest(
      {
        hostname: target.hostname.replace(/^\[|\]$/g, ''),
        port: target.port,
        method: req.method,
        path: req.url,
        headers: forwardHeaders(req.headers, target.host),
      },
      (response) => {
        res.writeHead(response.statusCode ?? 502, forwardHeaders(response.headers, target.host));
        response.pipe(res);
      },
    );
    outgoing.on('error', () => res.destroy());
    req.pipe(outgoing);
  };

  const canFault = () =>
    faults < config.maxFaults && config.now() - startedAt < config.faultWindowMs;

  const server = createServer((req, res) => {
    if (!(req.url ?? '').startsWith(config.pathPrefix)) {
      pass(req, res);
      return;
    }
    stats.requests += 1;
    // One draw a request, whether or not faults are still allowed, so the sequence of
    // decisions only depends on the seed and the order of requests.
    const draw = random();
    const fault = !canFault()
      ? 'none'
      : draw < config.dropRequest
        ? 'dropRequest'
        : draw < config.dropRequest + config.dropResponse
          ? 'dropResponse'
          : draw < config.dropRequest + config.dropResponse + config.duplicate
            ? 'duplicate'
            : 'none';
    if (fault !== 'none') faults += 1;
    if (fault === 'dropRequest') {
      stats.droppedRequests += 1;
      req.socket.destroy();
      return;
    }
    // Until its connection closes, whatever became of it.
    inFlight += 1;
    res.once('close', () => {
      inFlight -= 1;
    });
    void (async () => {
      try {
        const body = await readBody(req);
        if (fault === 'duplicate') {
          stats.duplicated += 1;
          const [first] = await Promise.all([send(req, body), send(req, body)]);
          reply(res, first);
          return;
        }
        const answer = await send(req, body);
        if (fault === 'dropResponse') {
          stats.droppedResponses += 1;
          req.socket.destroy();
          return;
        }
        stats.passed += 1;
        reply(res, answer);
      } catch {
        req.socket.destroy();
      }
    })();
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    inFlight: () => inFlight,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
