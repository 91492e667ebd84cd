// The id of a unit template's province variant (province-level.ts), without the schema:
// the registry reads it at start, before any zod has loaded.
export const PROVINCE_ID_SUFFIX = '-tinh';

export function provinceTemplateId(templateId: string): string {
  return `${templateId}${PROVINCE_ID_SUFFIX}`;
}
