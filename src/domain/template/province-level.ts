// The province's own report uses the units' template with the differences its
// `provinceLevel` declares (issuer, a few defaults, a required flag, a choice's options).
// The derived template is built here, checked by the same schema, and registered beside
// the units' one under its own id, so a province report is shown and exported with it
// like any report: one template definition, no second copy.
import { provinceTemplateId } from './province-id';
import { templateSchema, type Criterion, type Template } from './template-schema';

export { PROVINCE_ID_SUFFIX, provinceTemplateId } from './province-id';

function overridden(criterion: Criterion, template: Template): Criterion {
  const override = template.provinceLevel?.fields[criterion.id];
  if (!override) return criterion;
  const changes = Object.fromEntries(
    Object.entries(override).filter(([, value]) => value !== undefined),
  );
  return { ...criterion, ...changes } as Criterion;
}

// The province level of a unit template, or null when the template declares none.
export function provinceTemplate(template: Template): Template | null {
  const level = template.provinceLevel;
  if (!level || template.level === 'province') return null;
  const { provinceLevel: _level, ...rest } = template;
  return templateSchema.parse({
    ...rest,
    id: provinceTemplateId(template.id),
    level: 'province',
    units: [level.issuer],
    steps: template.steps.map((step) => ({
      ...step,
      criteria: step.criteria.map((criterion) => overridden(criterion, template)),
    })),
  });
}
