// Every template this app knows, by id and version. A report is always shown and
// exported with the template it was written against.
import { parseTemplate, type Template } from '@/domain/template/template-schema';
import { soKet5NamNq01BacLieu } from './so-ket-5-nam-nq01-bac-lieu.template';

const templates: Template[] = [parseTemplate(soKet5NamNq01BacLieu)];

export const defaultTemplate: Template = templates[0]!;

export function findTemplate(id: string, version: number): Template | undefined {
  return templates.find((template) => template.id === id && template.version === version);
}

export function listTemplates(): readonly Template[] {
  return templates;
}
