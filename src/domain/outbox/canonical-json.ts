// The bytes a submission's hash is computed over: JSON with object keys sorted at every
// level and no whitespace. The app and the server hash the same value to the same
// string, whatever order the keys arrived in.
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export const SHA256_PATTERN = /^[0-9a-f]{64}$/;

// A report file as the server stores and hashes it (and the app hashes its submission):
// canonical JSON where an empty photo list counts as none. The schema's default adds
// `photos: []` to a body written before photos existed (version 1, an outbox entry
// queued by an older app), and such a body must keep the hash it was first sent with,
// or a repeat after a lost response would look like a conflict.
export function canonicalReportJson(file: object): string {
  const { photos, ...rest } = file as { photos?: unknown };
  return canonicalJson(Array.isArray(photos) && photos.length === 0 ? rest : file);
}
