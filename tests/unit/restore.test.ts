import { describe, expect, it } from 'vitest';
import { REPORT_RECORD_VERSION, restoreAnswers, restoreReport } from '@/storage/restore';
import { makeStoredReport, NOW } from './factories';

function recordWithout(...keys: string[]): Record<string, unknown> {
  const record: Record<string, unknown> = { ...makeStoredReport() };
  for (const key of keys) delete record[key];
  return record;
}

describe('restoreReport', () => {
  it('restores a valid record as it is', () => {
    const record = makeStoredReport({ deletedAt: NOW, lastExportedAt: NOW, revision: 4 });
    expect(restoreReport(structuredClone(record))).toEqual({ ok: true, value: record });
  });

  it('fills in deletedAt, lastExportedAt and recordVersion when they are missing', () => {
    const restored = restoreReport(recordWithout('deletedAt', 'lastExportedAt', 'recordVersion'));
    expect(restored).toEqual({ ok: true, value: makeStoredReport() });
    expect(restored.ok && restored.value.recordVersion).toBe(REPORT_RECORD_VERSION);
  });

  it('drops fields the record does not know', () => {
    const restored = restoreReport({ ...makeStoredReport(), legacy: true });
    expect(restored.ok && restored.value).not.toHaveProperty('legacy');
  });

  it.each<[string, Record<string, unknown>]>([
    ['without a name', recordWithout('name')],
    ['without a unit', recordWithout('unit')],
    ['without a template id', recordWithout('templateId')],
    ['without times', recordWithout('createdAt', 'updatedAt')],
    ['with a name that is a number', { ...makeStoredReport(), name: 5 }],
    ['with a revision given as a string', { ...makeStoredReport(), revision: '3' }],
    ['with a deletion time that is not ISO', { ...makeStoredReport(), deletedAt: 'yesterday' }],
    ['with a unit of the wrong shape', { ...makeStoredReport(), unit: 'Hồng Dân' }],
    ['from a newer record version', { ...makeStoredReport(), recordVersion: 2 }],
  ])('returns a record %s as damaged with its id and raw data', (_, raw) => {
    const restored = restoreReport(raw);
    expect(restored.ok).toBe(false);
    if (restored.ok) return;
    expect(restored.damaged.id).toBe('report-1');
    expect(restored.damaged.raw).toBe(raw);
    expect(restored.damaged.reason).not.toBe('');
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'report-1'],
    ['a number', 42],
    ['an array', [makeStoredReport()]],
    ['an object with a numeric id', { ...makeStoredReport(), id: 1 }],
    ['an object without an id', recordWithout('id')],
  ])('returns %s as damaged without an id', (_, raw) => {
    expect(() => restoreReport(raw)).not.toThrow();
    const restored = restoreReport(raw);
    expect(restored).toMatchObject({ ok: false, damaged: { id: null } });
    expect(!restored.ok && restored.damaged.raw).toBe(raw);
  });

  it('names the broken field in the reason', () => {
    const restored = restoreReport({ ...makeStoredReport(), name: 5 });
    expect(!restored.ok && restored.damaged.reason).toContain('name');
  });
});

describe('restoreAnswers', () => {
  it('keeps answers of every valid shape', () => {
    const rows = [
      { fieldId: 'place', value: 'Hồng Dân' },
      { fieldId: 'recipients', value: ['Lưu VP'] },
      { fieldId: 'document-date', value: { day: '', month: '', year: '2013' } },
    ];
    expect(restoreAnswers(rows)).toEqual({
      answers: {
        place: 'Hồng Dân',
        recipients: ['Lưu VP'],
        'document-date': { day: '', month: '', year: '2013' },
      },
      damaged: [],
    });
  });

  it('separates damaged rows from good ones', () => {
    const rows = [
      { fieldId: 'place', value: 'Hồng Dân' },
      { fieldId: 'revision', value: 5 },
      { fieldId: 'nothing', value: null },
      { fieldId: 'recipients', value: ['Lưu VP', 3] },
      { fieldId: 'date', value: { day: '1' } },
      { fieldId: 'signer-name', value: 'Nguyễn Văn A' },
    ];
    expect(restoreAnswers(rows)).toEqual({
      answers: { place: 'Hồng Dân', 'signer-name': 'Nguyễn Văn A' },
      damaged: [
        { fieldId: 'revision', raw: 5 },
        { fieldId: 'nothing', raw: null },
        { fieldId: 'recipients', raw: ['Lưu VP', 3] },
        { fieldId: 'date', raw: { day: '1' } },
      ],
    });
  });

  it('returns nothing for no rows', () => {
    expect(restoreAnswers([])).toEqual({ answers: {}, damaged: [] });
  });
});
