// Revision bodies a hostile or broken client sends (issue 14, "the server trusts
// nothing"), each under the size limit: many answer keys, nesting far deeper than a
// report's, one enormous string, and a body just inside the key limit that the server
// must parse and validate in full. Shared by the abuse benchmark's client
// (scripts/bench/server-abuse-client.ts) and the bounded test (server-abuse.test.ts),
// so it imports no test runner.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FIXTURE = fileURLToPath(new URL('../fixtures/reports/full.json', import.meta.url));

export type HostileBody = { name: string; body: string };

export function hostileBodies(reportId: string): HostileBody[] {
  const file = JSON.parse(readFileSync(FIXTURE, 'utf8')) as {
    report: { id: string };
    answers: Record<string, unknown>;
  };
  file.report.id = reportId;
  const withAnswers = (answers: Record<string, unknown>) =>
    JSON.stringify({ ...file, answers: { ...file.answers, ...answers } });
  const keys = (count: number) =>
    Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${i}`, 'x']));
  return [
    // About 2.7 MB: 200,000 answer keys (under the 5 MB limit).
    { name: 'many-keys', body: withAnswers(keys(200_000)) },
    // 19,000 keys: inside the key limit, so it is parsed and checked against the template.
    { name: 'keys-at-limit', body: withAnswers(keys(19_000)) },
    // Nested arrays 500,000 deep in one answer (1 MB).
    {
      name: 'deep-nesting',
      body: withAnswers({ situation: '__DEEP__' }).replace(
        '"__DEEP__"',
        `${'['.repeat(500_000)}${']'.repeat(500_000)}`,
      ),
    },
    // One answer of 4.5 million characters.
    { name: 'huge-string', body: withAnswers({ situation: 'Đ'.repeat(2_250_000) }) },
  ];
}
