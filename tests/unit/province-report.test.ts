// The province's own report (issue 17): the template at province level (issuer, header in
// both layouts, recipients, signature), its appendix the consolidation snapshot of seven
// fixture units, the change between snapshots, and its PDF read back with pdftotext.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indicatorTableValueSchema, type IndicatorTableValue } from '@/domain/appendix/evaluate';
import { buildReportDocument } from '@/domain/report/document-model';
import {
  hasChanges,
  provinceReportAnswers,
  snapshotChanges,
  takeSnapshot,
  type AppendixSnapshot,
} from '@/domain/rollup/province-report';
import { rollUp, type AcceptedAppendix, type RollupUnit } from '@/domain/rollup/rollup';
import { templateUnits } from '@/domain/rollup/units';
import { provinceTemplate } from '@/domain/template/province-level';
import { renderReportDocx } from '@/export/docx/docx-writer.chunk';
import { readFontFiles } from '@/export/pdf/fonts-node';
import { renderReportPdf } from '@/export/pdf/pdf-writer.chunk';
import { coverageLine } from '@/i18n/vi-province';
import { defaultTemplate, findProvinceTemplate, findTemplate } from '@/templates/template-registry';
import { acceptedUnits } from '../fixtures/rollup-units';
import { pdfTextPages, requireTools } from './poppler';
import { readZip } from './zip';

requireTools(['pdftotext'], 'the province report PDF test');

const province = findProvinceTemplate(defaultTemplate)!;
const units = templateUnits(defaultTemplate);
const NOW = '2013-09-20T03:00:00.000Z';

function snapshotOf(
  accepted: readonly AcceptedAppendix[],
  expected: readonly RollupUnit[] = units,
): AppendixSnapshot {
  const rollup = rollUp(defaultTemplate, expected, accepted);
  return takeSnapshot({
    reportId: 'tinh-1',
    rollup,
    source: coverageLine(rollup.coverage),
    takenAt: NOW,
    versionOf: (key) => {
      const found = accepted.find((a) => a.unitKey === key);
      return found
        ? { versionId: found.fingerprint.padEnd(64, '0'), fingerprint: found.fingerprint }
        : undefined;
    },
  });
}

// The fixture fingerprints are 'f' + 7 digits; a snapshot needs 8 hex digits.
const seven = acceptedUnits(defaultTemplate, units).map((unit, index) => ({
  ...unit,
  fingerprint: `0000000${index}`,
}));

describe('the template at province level', () => {
  it('is registered beside the units template, derived from its provinceLevel', () => {
    expect(province.id).toBe('so-ket-5-nam-nq01-bac-lieu-tinh');
    expect(findTemplate(province.id, province.version)).toBe(province);
    expect(province).toEqual(provinceTemplate(defaultTemplate));
    expect(province.level).toBe('province');
    expect(provinceTemplate(province)).toBeNull();
  });

  it('differs from the units template only in the fields its province level names', () => {
    const overridden = new Set(Object.keys(defaultTemplate.provinceLevel!.fields));
    expect(province.steps.map((s) => s.id)).toEqual(defaultTemplate.steps.map((s) => s.id));
    province.steps.forEach((step, stepIndex) =>
      step.criteria.forEach((criterion, index) => {
        const unitCriterion = defaultTemplate.steps[stepIndex]!.criteria[index]!;
        if (overridden.has(criterion.id)) expect(criterion).not.toEqual(unitCriterion);
        else expect(criterion).toEqual(unitCriterion);
      }),
    );
    expect(province.units).toEqual([defaultTemplate.provinceLevel!.issuer]);
  });

  it.each(['rules-2013', 'older'] as const)(
    'heads the report ĐOÀN TNCS HỒ CHÍ MINH / BCH TỈNH BẠC LIÊU in the %s layout, with the seed’s recipients and signature',
    (layout) => {
      const answers = {
        ...provinceReportAnswers(province, snapshotOf(seven)),
        'header-layout': layout,
        'signer-name': 'Lê Văn Bình',
      };
      const doc = buildReportDocument(province, answers, 'Tỉnh Đoàn Bạc Liêu');
      expect(doc.header).toMatchObject({
        layout,
        union: 'ĐOÀN TNCS HỒ CHÍ MINH',
        superiorBody: '',
        issuingBody: 'BCH TỈNH BẠC LIÊU',
      });
      expect(doc.header.numberLine).toMatch(/-BC\/TĐTN$/);
      expect(doc.header.dateLine).toMatch(/^Bạc Liêu, ngày/);
      expect(doc.closing.recipients).toEqual([
        '- Ban Bí thư TW Đoàn;',
        '- VP 1, VP 2 TW Đoàn;',
        '- Ban Tổ chức TW Đoàn;',
        '- TT Tỉnh Đoàn;',
        '- Các Đoàn trực thuộc;',
        '- Lưu BTC, VP.',
      ]);
      expect(doc.closing).toMatchObject({
        signingLine: 'TM. BAN THƯỜNG VỤ',
        position: 'PHÓ BÍ THƯ THƯỜNG TRỰC',
        signerName: 'Lê Văn Bình',
      });
      expect(doc.body[0]).toMatchObject({ kind: 'paragraph' });
      expect((doc.body[0] as { text: string }).text).toContain('Ban Thường vụ Tỉnh Đoàn Bạc Liêu');
    },
  );

  it('does not ask the province for a superior body', () => {
    const doc = buildReportDocument(province, provinceReportAnswers(province, snapshotOf(seven)));
    expect(doc.body.some((b) => b.kind === 'missing' && b.criterionId === 'superior-body')).toBe(
      false,
    );
  });
});

describe('the province report’s appendix', () => {
  it('equals the consolidation snapshot of the seven accepted units', () => {
    const rollup = rollUp(defaultTemplate, units, seven);
    const snapshot = snapshotOf(seven);
    expect(snapshot.included.map((u) => u.fingerprint)).toEqual(seven.map((u) => u.fingerprint));
    expect(snapshot.missing).toEqual([]);
    for (const table of Object.values(snapshot.tables))
      expect(indicatorTableValueSchema.parse(table)).toEqual(table);
    const doc = buildReportDocument(province, provinceReportAnswers(province, snapshot));
    let compared = 0;
    for (const rolled of rollup.tables) {
      const printed = doc.appendix.tables.find((t) => t.criterionId === rolled.criterionId)!;
      expect(printed.source).toBe('Tổng hợp 7/7 đơn vị');
      for (const row of rolled.rows) {
        if (row.kind === 'typedPercent') continue;
        const printedRow = printed.rows.find((r) => r.indicator.id === row.indicator.id)!;
        for (const year of rollup.years) {
          expect(printedRow.values[year] ?? null, `${row.indicator.id} ${year}`).toBe(
            row.years[year]!.value,
          );
          compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
    // youth-total 2009: 100 × (1 + … + 7)
    const youth = doc.appendix.tables[0]!.rows.find((r) => r.indicator.id === 'youth-total')!;
    expect(youth.values['2009']).toBe(2800);
  });

  it('names the missing unit and leaves a total with a blank part blank, never zero', () => {
    const six = seven.slice(0, 6);
    const blanked = six.map((unit, index) => {
      if (index !== 2) return unit;
      const youth = structuredClone(unit.answers['youth-table']) as IndicatorTableValue;
      delete youth.cells['youth-total']!['2010'];
      return { ...unit, answers: { ...unit.answers, 'youth-table': youth } };
    });
    const snapshot = snapshotOf(blanked);
    expect(snapshot.missing.map((u) => u.name)).toEqual(['Huyện Đoàn Đông Hải']);
    const youth = snapshot.tables['youth-table']!;
    expect(youth.source).toBe('Tổng hợp 6/7 đơn vị — thiếu: Huyện Đoàn Đông Hải');
    expect(youth.cells['youth-total']!['2010']).toBeUndefined();
    expect(youth.cells['youth-total']!['2009']).toBe(2100);
  });
});

describe('a change of the accepted figures', () => {
  it('lists the changed unit and every changed cell old → new, and none once updated', () => {
    const held = snapshotOf(seven.slice(0, 6));
    const changed = seven.map((unit, index) => {
      if (index !== 1) return unit;
      const youth = structuredClone(unit.answers['youth-table']) as IndicatorTableValue;
      youth.cells['youth-total']!['2009'] = 250;
      return {
        ...unit,
        fingerprint: 'abcdef12',
        answers: { ...unit.answers, 'youth-table': youth },
      };
    });
    const now = snapshotOf(changed);
    const changes = snapshotChanges(province, held, now);
    expect(hasChanges(changes)).toBe(true);
    expect(changes.source).toEqual({
      before: 'Tổng hợp 6/7 đơn vị — thiếu: Huyện Đoàn Đông Hải',
      after: 'Tổng hợp 7/7 đơn vị',
    });
    expect(changes.units).toEqual([
      { name: 'Huyện Đoàn Vĩnh Lợi', kind: 'newVersion', before: '00000001', after: 'abcdef12' },
      { name: 'Huyện Đoàn Đông Hải', kind: 'added', before: null, after: '00000006' },
    ]);
    // 2009: 6 units 2.100 before; now + 50 (Vĩnh Lợi) + 700 (Đông Hải).
    expect(changes.cells).toContainEqual(
      expect.objectContaining({
        indicatorId: 'youth-total',
        year: '2009',
        before: 2100,
        after: 2850,
      }),
    );
    expect(changes.cells.every((cell) => cell.before !== cell.after)).toBe(true);
    expect(snapshotChanges(province, now, snapshotOf(changed))).toEqual({
      units: [],
      cells: [],
      source: null,
    });
  });
});

describe('the province report’s PDF', () => {
  it('reads back its header, recipients, signature and the coverage of its appendix', () => {
    const answers = {
      ...provinceReportAnswers(province, snapshotOf(seven.slice(0, 6))),
      'signer-name': 'Lê Văn Bình',
    };
    const { bytes } = renderReportPdf(
      {
        template: province,
        answers,
        unitName: 'Tỉnh Đoàn Bạc Liêu',
        title: 'Báo cáo của Tỉnh Đoàn',
      },
      readFontFiles(),
    );
    const path = join(mkdtempSync(join(tmpdir(), 'so-ket-tinh-')), 'tinh.pdf');
    writeFileSync(path, bytes);
    const pages = pdfTextPages(path);
    const first = pages[0]!;
    expect(first).toContain('ĐOÀN TNCS HỒ CHÍ MINH');
    expect(first).toContain('BCH TỈNH BẠC LIÊU');
    expect(first).not.toContain('TỈNH ĐOÀN BẠC LIÊU\n');
    const all = pages.join('\n');
    for (const line of [
      '- Ban Bí thư TW Đoàn;',
      '- Lưu BTC, VP.',
      'TM. BAN THƯỜNG VỤ',
      'PHÓ BÍ THƯ THƯỜNG TRỰC',
    ])
      expect(all).toContain(line);
    // Every page of the appendix says what it consolidates, continued tables included.
    const start = pages.findIndex((page) => page.includes(defaultTemplate.appendixTitle));
    const appendix = pages.slice(start).filter((page) => page.trim() !== '');
    expect(start).toBeGreaterThan(0);
    expect(appendix.length).toBeGreaterThan(3);
    for (const page of appendix)
      expect(page).toContain('Tổng hợp 6/7 đơn vị — thiếu: Huyện Đoàn Đông Hải');
    expect(all).toContain('2.100');
  });
});

describe('the province report’s Word copy', () => {
  it('heads it without a superior body line and says what each appendix table consolidates', async () => {
    const answers = {
      ...provinceReportAnswers(province, snapshotOf(seven.slice(0, 6))),
      'signer-name': 'Lê Văn Bình',
    };
    const bytes = await renderReportDocx({
      template: province,
      answers,
      unitName: 'Tỉnh Đoàn Bạc Liêu',
      title: 'Báo cáo của Tỉnh Đoàn',
    });
    const xml = readZip(bytes).get('word/document.xml')!.toString('utf8');
    const texts = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!);
    // The header's left column: the issuer, then the separator; no empty line above.
    const issuer = texts.indexOf('BCH TỈNH BẠC LIÊU');
    expect(issuer).toBeGreaterThan(-1);
    expect(texts.slice(0, issuer)).not.toContain('');
    expect(texts).toContain('ĐOÀN TNCS HỒ CHÍ MINH');
    expect(texts).not.toContain('TỈNH ĐOÀN BẠC LIÊU');
    const tables = defaultTemplate.steps.flatMap((step) =>
      step.criteria.filter((c) => c.kind === 'indicatorTable'),
    ).length;
    expect(
      texts.filter((t) => t === 'Tổng hợp 6/7 đơn vị — thiếu: Huyện Đoàn Đông Hải'),
    ).toHaveLength(tables);
    expect(texts).toContain('- Lưu BTC, VP.');
  });
});
