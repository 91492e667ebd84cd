// `npm run templates`: checks every built-in template against the template schema and
// writes it, parsed (defaults filled in) and with its province variant, as plain JSON
// beside its source. The app reads that JSON without running zod;
// tests/unit/template-registry.test.ts fails when the JSON is not what the schema makes
// of the source (an invalid template, or one changed without running this command).
import { writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { BUILT_IN_TEMPLATES, compileTemplate } from '@/templates/built-in-templates';

for (const { input, jsonPath } of BUILT_IN_TEMPLATES) {
  const path = new URL(`../src/templates/${jsonPath}`, import.meta.url);
  const json = JSON.stringify(compileTemplate(input));
  const options = (await resolveConfig(path)) ?? {};
  writeFileSync(path, await format(json, { ...options, parser: 'json' }));
  console.log(`wrote src/templates/${jsonPath}`);
}
