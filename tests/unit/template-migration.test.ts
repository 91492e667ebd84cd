// A report written before issue 12 (tests/fixtures/reports/before-issue-12.json, a copy
// of full.json as it was, never regenerated) under the template of today: same id and
// version, every answer read as it was, the new indicators empty, no new error, and a
// row of the unit's own added to it travels through a report file import.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  evaluateAppendix,
  readIndicatorTable,
  type IndicatorTableValue,
} from '@/domain/appendix/evaluate';
import { answersAgainstTemplate, buildReportFile } from '@/domain/report/report-schema';
import { parseImport } from '@/domain/report/import-plan';
import { reportProgress } from '@/domain/report/progress';
import { readReportFile } from '@/export/pdf/report-file-input';
import { defaultTemplate, findTemplate } from '@/templates/template-registry';

const path = fileURLToPath(new URL('../fixtures/reports/before-issue-12.json', import.meta.url));
const text = readFileSync(path, 'utf8');
const raw = JSON.parse(text) as { answers: Record<string, unknown> };

function read() {
  const file = readReportFile(text, path, findTemplate);
  if (!file.ok) throw new Error(file.message);
  return file;
}

const NEW_INDICATORS = [
  'cad-standard',
  'cad-commune-secretaries',
  'cad-commune-rotated',
  'cad-trained-union-secretaries',
  'cad-trained-branch-secretaries',
  'cad-standard-share',
  'cad-commune-rotated-share',
  'cad-trained-union-share',
  'cad-trained-branch-share',
  'mem-dues',
  'mem-cards',
  'mem-dues-share',
  'mem-cards-share',
];

describe('a report written before issue 12', () => {
  it('opens with the template of its id and version, every answer fitting it', () => {
    const file = read();
    expect(file.template).toBe(defaultTemplate);
    expect(file.file.report.templateVersion).toBe(defaultTemplate.version);
    expect(answersAgainstTemplate(file.template, file.answers)).toEqual([]);
  });

  it('reads every appendix table as it was stored, with nothing added', () => {
    const file = read();
    for (const [id, value] of Object.entries(raw.answers)) {
      if (!id.endsWith('-table')) continue;
      expect(readIndicatorTable(file.answers[id])).toEqual(value);
    }
  });

  it('shows the new indicators empty and gains no error', () => {
    const file = read();
    const evaluation = evaluateAppendix(file.template, file.answers);
    const rows = new Map(evaluation.tables.flatMap((t) => t.rows).map((r) => [r.indicator.id, r]));
    for (const id of NEW_INDICATORS) {
      expect(rows.get(id)?.values).toEqual({
        '2009': null,
        '2010': null,
        '2011': null,
        '2012': null,
        '2013': null,
      });
    }
    // A new rate of counts the draft already has is computed at once.
    expect(rows.get('youth-members-share')?.values['2009']).toBeCloseTo(24.9, 1);
    expect(evaluation.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    const progress = reportProgress(file.template, file.answers);
    expect(
      progress.steps.filter((step) => step.stepId.startsWith('appendix-')).map((s) => s.state),
    ).toEqual(Array(7).fill('complete'));
  });

  // The stored draft with rows of the unit's own in its members table, exported as a
  // report file and imported again.
  function withOwnRows(
    custom: IndicatorTableValue['custom'],
    cells: IndicatorTableValue['cells'] = {},
  ) {
    const file = read();
    const members = file.answers['members-table'] as IndicatorTableValue;
    const answers = {
      ...file.answers,
      'members-table': { ...members, cells: { ...members.cells, ...cells }, custom },
    };
    const exported = JSON.stringify(
      buildReportFile(file.file.report, answers, '2013-09-06T02:00:00.000Z'),
    );
    return { answers, parsed: parseImport(exported, exported.length, findTemplate) };
  }

  it('takes a row of the unit’s own, which a report file carries through an import', () => {
    const { answers, parsed } = withOwnRows(
      [{ id: 'custom-blood', label: 'Đoàn viên tham gia hiến máu', kind: 'count' }],
      { 'custom-blood': { '2013': 1250 } },
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
    const imported = parsed.reports[0]!.answers['members-table'];
    expect(imported).toEqual(answers['members-table']);
    const row = evaluateAppendix(defaultTemplate, parsed.reports[0]!.answers)
      .tables.flatMap((t) => t.rows)
      .find((r) => r.indicator.id === 'custom-blood');
    expect(row).toMatchObject({ isCustom: true, values: { '2013': 1250 } });
  });

  it('refuses a file whose own row has a name longer than 200 characters', () => {
    const { parsed } = withOwnRows([{ id: 'custom-long', label: 'x'.repeat(201), kind: 'count' }]);
    expect(parsed.ok).toBe(false);
  });
});
