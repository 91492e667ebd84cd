// Import, one of the doors text enters by: over-long text is refused naming its field,
// text with noncharacters or controls is taken in normalised (as the editor stores it).
import { describe, expect, it } from 'vitest';
import { parseImport } from '@/domain/report/import-plan';
import { buildReportFile } from '@/domain/report/report-schema';
import { findTemplate } from '@/templates/template-registry';
import { makeReportMeta, NOW } from './factories';

function importText(answers: Record<string, unknown>) {
  const text = JSON.stringify(buildReportFile(makeReportMeta(), answers as never, NOW));
  return parseImport(text, text.length, findTemplate);
}

describe('import of text', () => {
  it('takes in text with U+FFFE, a lone surrogate and controls, normalised', () => {
    const parsed = importText({
      'signer-name': 'Nguye\u0302\u0303n\uFFFE Văn\u0000 A',
      'direction-results': 'Dòng một\r\nDòng\uD800 hai\u0085',
    });
    expect(parsed.ok && parsed.reports[0]!.answers).toEqual({
      'signer-name': 'Nguyễn Văn A',
      'direction-results': 'Dòng một\nDòng hai',
    });
  });

  it('refuses a long text over twice its maximum, naming the field', () => {
    expect(importText({ 'direction-results': 'a'.repeat(40_001) })).toEqual({
      ok: false,
      problem: {
        code: 'invalidReport',
        reportName: makeReportMeta().name,
        field: 'answers.direction-results',
      },
    });
  });

  it('refuses 200,000 characters in “Ký hiệu văn bản”', () => {
    expect(importText({ 'document-symbol': 'X'.repeat(200_000) })).toMatchObject({
      ok: false,
      problem: { code: 'invalidReport', field: 'answers.document-symbol' },
    });
  });

  it('takes in a long text over its maximum but within twice, to be shown with its error', () => {
    const long = 'a'.repeat(40_000);
    const parsed = importText({ 'direction-results': long });
    expect(parsed.ok && parsed.reports[0]!.answers['direction-results']).toBe(long);
  });

  it('names the entry field of an over-long model', () => {
    expect(
      importText({
        models: [{ id: 'm1', values: { name: 'Mô hình', content: 'x'.repeat(20_001) } }],
      }),
    ).toMatchObject({
      ok: false,
      problem: { code: 'invalidReport', field: 'answers.models.0.values.content' },
    });
  });
});
