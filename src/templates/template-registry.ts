// Every template this app knows, by id and version. A report is always shown and
// exported with the template it was written against. A template with a province level
// also registers the province's own variant (domain/template/province-level.ts).
import { provinceTemplate, provinceTemplateId } from '@/domain/template/province-level';
import { parseTemplate, type Template } from '@/domain/template/template-schema';
import { soKet5NamNq01BacLieu } from './so-ket-5-nam-nq01-bac-lieu.template';

const unitTemplates: Template[] = [parseTemplate(soKet5NamNq01BacLieu)];

const templates: Template[] = unitTemplates.flatMap((template) => {
  const province = provinceTemplate(template);
  return province ? [template, province] : [template];
});

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
