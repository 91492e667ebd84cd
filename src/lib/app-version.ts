declare const __APP_VERSION__: string | undefined;

// The version baked in at build time (package.json, or APP_VERSION).
export const appVersion: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev';
