import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseTemplate, type Criterion } from '@/domain/template/template-schema';
import { BUILT_IN_TEMPLATES, compileTemplate } from '@/templates/built-in-templates';
import { soKet5NamNq01BacLieu } from '@/templates/so-ket-5-nam-nq01-bac-lieu.template';
import { defaultTemplate, findTemplate, listTemplates } from '@/templates/template-registry';
import { stepOf } from './factories';

const template = parseTemplate(soKet5NamNq01BacLieu);
const allCriteria: Criterion[] = template.steps.flatMap((step) => step.criteria);

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('the built-in template so-ket-5-nam-nq01-bac-lieu', () => {
  it('parses against the template schema', () => {
    expect(() => parseTemplate(soKet5NamNq01BacLieu)).not.toThrow();
  });

  it('is the default template of the registry', () => {
    expect(defaultTemplate).toEqual(template);
    // With the province's own variant of it (province-report.test.ts).
    expect(listTemplates().map((t) => [t.id, t.level])).toEqual([
      [template.id, 'unit'],
      [`${template.id}-tinh`, 'province'],
    ]);
    expect(listTemplates()[0]).toEqual(template);
  });

  // The app ships the JSON and never parses a template: this is the check that it is
  // valid. When it fails, run `npm run templates`.
  it('ships as JSON that is exactly what the schema makes of each source', async () => {
    for (const { input, jsonPath } of BUILT_IN_TEMPLATES) {
      const json: unknown = JSON.parse(
        await readFile(new URL(`../../src/templates/${jsonPath}`, import.meta.url), 'utf8'),
      );
      expect(json, `${jsonPath} is stale: run npm run templates`).toEqual(compileTemplate(input));
    }
    expect(listTemplates()).toEqual(
      BUILT_IN_TEMPLATES.flatMap(({ input }) => compileTemplate(input)),
    );
  });

  it('is found by its id and version only', () => {
    expect(findTemplate('so-ket-5-nam-nq01-bac-lieu', 1)).toBe(defaultTemplate);
    expect(findTemplate('so-ket-5-nam-nq01-bac-lieu', 2)).toBeUndefined();
    expect(findTemplate('other', 1)).toBeUndefined();
  });

  it('has the steps of the report body in the order of the guidance', () => {
    expect(template.steps.slice(0, 12).map((step) => step.id)).toEqual([
      'document-info',
      'opening',
      'situation',
      'direction',
      'cadres',
      'members',
      'consolidation',
      'renewal',
      'targets',
      'assessment',
      'directions',
      'proposals',
    ]);
  });

  it('puts only appendix steps after the report body, then the models document', () => {
    const main = template.steps.filter((step) => step.document === 'main');
    const rest = main.slice(12).map((step) => step.id);
    expect(rest.filter((id) => !id.startsWith('appendix-'))).toEqual([]);
    expect(template.steps.slice(main.length).map((step) => [step.id, step.document])).toEqual([
      ['models', 'models'],
      ['materials', 'models'],
    ]);
    expect(template.documents.map((document) => document.numberField)).toEqual([
      'models-document-number',
    ]);
  });

  it.each([
    { stepId: 'direction', count: 3 },
    { stepId: 'cadres', count: 8 },
    { stepId: 'members', count: 5 },
    { stepId: 'consolidation', count: 5 },
    { stepId: 'renewal', count: 4 },
  ])('has $count checklist prompts in the $stepId step', ({ stepId, count }) => {
    const checklists = stepOf(template, stepId).criteria.filter((c) => c.kind === 'checklist');
    expect(checklists).toHaveLength(1);
    expect(checklists[0]?.id).toBe(`${stepId}-prompts`);
    expect(checklists[0]?.kind === 'checklist' && checklists[0].prompts).toHaveLength(count);
  });

  it('has exactly 25 checklist prompts in all', () => {
    const prompts = allCriteria.flatMap((c) => (c.kind === 'checklist' ? c.prompts : []));
    expect(prompts).toHaveLength(25);
  });

  it.each(['direction', 'cadres', 'members', 'consolidation', 'renewal'])(
    'asks for required results and optional limitations in the "%s" step',
    (stepId) => {
      const criteria = stepOf(template, stepId).criteria;
      expect(criteria.find((c) => c.id === `${stepId}-results`)).toMatchObject({
        kind: 'longText',
        required: true,
      });
      expect(criteria.find((c) => c.id === `${stepId}-limitations`)).toMatchObject({
        kind: 'longText',
        required: false,
        heading: '* Hạn chế, tồn tại:',
      });
    },
  );

  it('uses every step id once', () => {
    const ids = template.steps.map((step) => step.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('uses every criterion id once across all steps', () => {
    const ids = allCriteria.map((criterion) => criterion.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('uses every prompt id and option value once within its criterion', () => {
    for (const criterion of allCriteria) {
      const ids =
        criterion.kind === 'checklist'
          ? criterion.prompts.map((p) => p.id)
          : criterion.kind === 'choice'
            ? criterion.options.map((o) => o.value)
            : [];
      expect(new Set(ids).size, criterion.id).toBe(ids.length);
    }
  });

  it('uses every unit id once', () => {
    const ids = template.units.map((unit) => unit.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps every document field in the document-info step', () => {
    const documentInfoIds = stepOf(template, 'document-info').criteria.map((c) => c.id);
    expect(documentInfoIds).toEqual(expect.arrayContaining(Object.values(template.documentFields)));
  });

  it('writes all of its text in NFC', () => {
    const texts = strings(soKet5NamNq01BacLieu);
    expect(texts.length).toBeGreaterThan(100);
    expect(texts.filter((text) => text !== text.normalize('NFC'))).toEqual([]);
  });

  it('names the unit in the default of the opening paragraph', () => {
    const opening = stepOf(template, 'opening').criteria[0];
    expect(opening?.kind === 'longText' && opening.default).toContain('{unit}');
  });
});
