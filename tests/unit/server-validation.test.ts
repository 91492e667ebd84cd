// The server trusts nothing: each revision is checked against the template it names by
// the app's own import rules, and its size of work is bounded before it is parsed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonLimitProblem } from '@/lib/json-limits';
import { invalidReportAt } from '@/server/server-messages';
import {
  call,
  expectError,
  makeReportFile,
  putRevision,
  readFixture,
  startTestServer,
  type TestServer,
} from './server-harness';

let server: TestServer;
let code = '';
let counter = 0;
const newId = () => `validation-${(counter += 1)}`;

beforeAll(async () => {
  server = await startTestServer();
  code = server.store.addUnit('Huyện Đoàn Hồng Dân', false).code;
});
afterAll(() => server.stop());

describe('jsonLimitProblem', () => {
  it('passes the largest fixture with room to spare', () => {
    const text = JSON.stringify(readFixture('largest'));
    expect(jsonLimitProblem(text, { maxDepth: 8, maxKeys: 5_000 })).toBeNull();
  });

  it.each([
    ['nesting one level too deep', '[[[[1]]]]', { maxDepth: 3, maxKeys: 10 }, 'tooDeep'],
    ['one key too many', '{"a":1,"b":{"c":2}}', { maxDepth: 3, maxKeys: 2 }, 'tooManyKeys'],
  ] as const)('finds %s', (_, text, limits, expected) => {
    expect(jsonLimitProblem(text, limits)).toBe(expected);
  });

  it('does not count brackets and colons inside strings, escaped quotes included', () => {
    expect(jsonLimitProblem('{"a":"[[[[:::\\"[[[[::"}', { maxDepth: 1, maxKeys: 1 })).toBeNull();
  });

  it('finds a string longer than the bound, escapes counted, and reads UTF-8 bytes alike', () => {
    const limits = { maxDepth: 2, maxKeys: 2, maxStringLength: 4 };
    expect(jsonLimitProblem('{"a":"abcd"}', limits)).toBeNull();
    expect(jsonLimitProblem('{"a":"ab\\nc"}', limits)).toBe('stringTooLong');
    // "Đoàn" is 4 characters and 6 bytes.
    const text = '{"a":"Đoàn","b":[1]}';
    expect(jsonLimitProblem(text, limits)).toBeNull();
    expect(jsonLimitProblem(new TextEncoder().encode(text), limits)).toBe('stringTooLong');
    const bytes = new TextEncoder().encode('{"a":"Đ[:","b":{"c":[1]}}');
    expect(jsonLimitProblem(bytes, { maxDepth: 2, maxKeys: 5 })).toBe('tooDeep');
  });
});

describe('a revision checked against its template', () => {
  const refused = async (
    edit: (file: ReturnType<typeof makeReportFile>) => void,
    field: string,
  ) => {
    const id = newId();
    const response = await putRevision(server.url, code, id, 1, makeReportFile(id, edit));
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      error: 'invalidReport',
      issues: [field],
      message: invalidReportAt(field),
    });
  };

  it('refuses an unknown field', () =>
    refused((f) => void (f.answers['no-such-field'] = 'x'), 'answers.no-such-field'));

  it('refuses an unknown choice', () =>
    refused((f) => void (f.answers['signer-position'] = 'vua'), 'answers.signer-position'));

  it('refuses 200,000 characters in “Ký hiệu văn bản”', () =>
    refused(
      (f) => void (f.answers['document-symbol'] = 'X'.repeat(200_000)),
      'answers.document-symbol',
    ));

  it('refuses two models with the same id', () =>
    refused((f) => {
      f.answers.models = [
        { id: 'm1', values: { name: 'A' } },
        { id: 'm1', values: { name: 'B' } },
      ];
    }, 'answers.models.1.id'));

  it('refuses more models than the template allows', () =>
    refused((f) => {
      f.answers.models = Array.from({ length: 31 }, (_, i) => ({ id: `m${i}`, values: {} }));
    }, 'answers.models'));

  it('refuses a template it does not have', async () => {
    const id = newId();
    const file = makeReportFile(id, (f) => void (f.report.templateId = 'other-template'));
    expectError(await putRevision(server.url, code, id, 1, file), 400, 'unknownTemplate');
  });

  it('answers nesting deeper than a report with 400, not 500', async () => {
    const id = newId();
    const file = JSON.stringify(makeReportFile(id)).replace(
      '"answers":{',
      `"answers":{"deep":${'['.repeat(5_000)}${']'.repeat(5_000)},`,
    );
    expectError(await putRevision(server.url, code, id, 1, file), 400, 'tooDeep');
  });

  it('refuses 200,000 answer keys before parsing them', async () => {
    const id = newId();
    const keys = Array.from({ length: 200_000 }, (_, i) => `"k${i}":"v"`).join(',');
    const file = JSON.stringify(makeReportFile(id)).replace('"answers":{', `"answers":{${keys},`);
    expectError(await putRevision(server.url, code, id, 1, file), 400, 'tooManyKeys');
  });

  it('stores text normalised: U+FFFE, a lone surrogate and controls dropped, NFC', async () => {
    const id = newId();
    const file = makeReportFile(id, (f) => {
      f.answers['signer-name'] = 'Nguye\u0302\u0303n\uFFFE Văn\u0001 A\uD800';
    });
    expect((await putRevision(server.url, code, id, 1, file)).status).toBe(201);
    const admin = server.store.addUnit('Ban Tổ chức', true).code;
    const stored = await call(`${server.url}/api/reports/${id}/revisions/1`, { code: admin });
    expect(
      (stored.body.report as { answers: Record<string, unknown> }).answers['signer-name'],
    ).toBe('Nguyễn Văn A');
  });
});
