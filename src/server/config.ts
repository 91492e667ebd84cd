// Server settings from the environment, with the defaults `npm start` runs on.
import { resolve } from 'node:path';

export type ServerConfig = {
  port: number;
  host: string;
  dataDir: string;
  distDir: string;
  corsOrigins: string[];
  maxJsonBytes: number;
  maxFileBytes: number;
  // Uploaded files a unit may keep, in all and for reports it has not sent yet.
  fileQuotaBytes: number;
  pendingFileBytes: number;
  // Requests per minute per access code; 0 turns the limit off.
  rateLimitPerMinute: number;
  // Failed authentications per minute per client address (bursts of 10); 0 turns it off.
  authFailuresPerMinute: number;
};

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isFinite(n) && n >= 0 ? n : fallback;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    port: positive(env.PORT, 4173),
    host: env.HOST ?? '127.0.0.1',
    dataDir: resolve(env.DATA_DIR ?? 'data'),
    distDir: resolve(env.DIST_DIR ?? 'dist'),
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    maxJsonBytes: positive(env.MAX_JSON_BYTES, 5 * 1024 * 1024),
    maxFileBytes: positive(env.MAX_FILE_BYTES, 10 * 1024 * 1024),
    fileQuotaBytes: positive(env.FILE_QUOTA_BYTES, 500 * 1024 * 1024),
    pendingFileBytes: positive(env.PENDING_FILE_BYTES, 60 * 1024 * 1024),
    rateLimitPerMinute: positive(env.RATE_LIMIT_PER_MINUTE, 120),
    authFailuresPerMinute: positive(env.AUTH_FAILURES_PER_MINUTE, 10),
  };
}
