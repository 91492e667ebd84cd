// Every template this app knows, by id and version. A report is always shown and
// exported with the template it was written against. A template with a province level
// also registers the province's own variant (domain/template/province-level.ts).
//
// The templates arrive already parsed: `npm run templates` checks each source
// (*.template.ts) against the template schema, derives its province variant, and
// writes both as JSON (built-in-templates.ts); tests/unit/template-registry.test.ts
// fails when the JSON differs from what the schema makes of the source. So the app
// reads plain data and never runs zod on a template.
import { provinceTemplateId } from '@/domain/template/province-id';
import type { Template } from '@/domain/template/template-schema';
import soKet5NamNq01BacLieu from './so-ket-5-nam-nq01-bac-lieu.template.json' with { type: 'json' };

// JSON widens the literal types (kinds, enums) to string: the test above is the check.
const templates = [...soKet5NamNq01BacLieu] as unknown as Template[];

const unitTemplates = templates.filter((template) => template.level !== 'province');

export const defaultTemplate: Template = unitTemplates[0]!;

export function findTemplate(id: string, version: number): Template | undefined {
  return templates.find((template) => template.id === id && template.version === version);
}

// The province's own variant of a unit template, when it has one.
export function findProvinceTemplate(template: Template): Template | undefined {
  return findTemplate(provinceTemplateId(template.id), template.version);
}

export function listTemplates(): readonly Template[] {
  return templates;
}
