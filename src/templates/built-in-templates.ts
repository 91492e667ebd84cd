// The sources of the built-in templates and the JSON each is compiled to (`npm run
// templates`): the template parsed by the schema, then its province variant when it
// declares one. Only the build script and the tests import this: the app reads the JSON.
import { provinceTemplate } from '@/domain/template/province-level';
import {
  parseTemplate,
  type Template,
  type TemplateInput,
} from '@/domain/template/template-schema';
import { soKet5NamNq01BacLieu } from './so-ket-5-nam-nq01-bac-lieu.template';

export const BUILT_IN_TEMPLATES: readonly { input: TemplateInput; jsonPath: string }[] = [
  { input: soKet5NamNq01BacLieu, jsonPath: 'so-ket-5-nam-nq01-bac-lieu.template.json' },
];

export function compileTemplate(input: TemplateInput): Template[] {
  const template = parseTemplate(input);
  const province = provinceTemplate(template);
  return province ? [template, province] : [template];
}
