// A report's metadata (who, which template, when), the part of a stored report the list
// shows. Built with zod/mini: the list checks every stored report with it before the
// rest of the schemas (zod's classic build) have loaded (issue 18). reportFileSchema
// (./report-schema.ts) embeds these same schemas, so app, backups and server keep one
// definition.
import { z } from 'zod/mini';

export const REPORT_NAME_MAX = 200;

export const isoTimeSchema = z.iso.datetime({ offset: true });

export const reportUnitSchema = z.object({
  id: z.nullable(z.string().check(z.minLength(1), z.maxLength(100))),
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(REPORT_NAME_MAX)),
});

export const reportMetaSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(100)),
  name: z.string().check(z.maxLength(REPORT_NAME_MAX)),
  unit: reportUnitSchema,
  templateId: z.string().check(z.minLength(1), z.maxLength(100)),
  templateVersion: z.int().check(z.positive()),
  createdAt: isoTimeSchema,
  updatedAt: isoTimeSchema,
  // Counts saved changes to the content: every write of answers, and renames. Moving to
  // and from the trash or exporting does not change it.
  revision: z.int().check(z.nonnegative()),
});
export type ReportMeta = z.infer<typeof reportMetaSchema>;
