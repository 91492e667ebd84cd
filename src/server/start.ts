// Starts the server in this process: for `npm start`, tests and benchmarks.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createServerApp } from './app';
import { readConfig, type ServerConfig } from './config';
import { warmRevisionCheck } from './revision-check-pool';
import { Store } from './store';

export type RunningServer = { url: string; port: number; store: Store; close: () => Promise<void> };

// `now`: the server's clock (rate limits, receipts); tests move it on themselves.
export function startServer(
  overrides: Partial<ServerConfig> = {},
  version = 'dev',
  now?: () => Date,
): Promise<RunningServer> {
  const config = { ...readConfig({}), ...overrides };
  const store = new Store(config.dataDir);
  store.removeOrphanFiles();
  warmRevisionCheck();
  const app = createServerApp({ config, store, version, ...(now && { now }) });
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
      const port = (info as AddressInfo).port;
      resolve({
        url: `http://${config.host}:${port}`,
        port,
        store,
        // Stops accepting, then drops kept-alive connections (a browser holds them open,
        // and close() alone would wait for them), then closes the database.
        close: () =>
          new Promise((done) => {
            server.close(() => {
              store.close();
              done();
            });
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
  });
}
