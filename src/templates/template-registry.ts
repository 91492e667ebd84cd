// Every template this app knows, by id and version. A report is always shown and
// exported with the template it was written against.
//
// The templates arrive already parsed: `npm run templates` checks each source
// (*.template.ts) against the template schema and writes the result as JSON, and
// tests/unit/template-registry.test.ts fails when the JSON differs from what the schema
// makes of the source. So the app reads plain data and never runs zod on a template.
import type { Template } from '@/domain/template/template-schema';
import soKet5NamNq01BacLieu from './so-ket-5-nam-nq01-bac-lieu.template.json' with { type: 'json' };

// JSON widens the literal types (kinds, enums) to string: the test above is the check.
const templates: Template[] = [soKet5NamNq01BacLieu as unknown as Template];

export const defaultTemplate: Template = templates[0]!;

export function findTemplate(id: string, version: number): Template | undefined {
  return templates.find((template) => template.id === id && template.version === version);
}

export function listTemplates(): readonly Template[] {
  return templates;
}
