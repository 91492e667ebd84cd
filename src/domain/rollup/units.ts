// Which unit a received report belongs to. A unit picked from the template's list
// carries its id; a unit typed in as free text has none and is known by its name
// (diacritics, case and spacing aside), so the office can add it to the expected list.
import { asciiSlug } from '@/domain/report/report-schema';
import type { Template } from '@/domain/template/template-schema';
import type { RollupUnit } from './rollup';

export function unitKeyOf(unit: { id: string | null; name: string }): string {
  return unit.id ?? `ten-${asciiSlug(unit.name.normalize('NFC')) || 'khong-ten'}`;
}

// The template's units: the expected list before the office adds its own.
export function templateUnits(template: Template): RollupUnit[] {
  return template.units.map((unit) => ({ key: unit.id, name: unit.name }));
}
