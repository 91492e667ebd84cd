// What the province office keeps: every version of a unit's report it received (with
// where it came from and when), the expected units, the version accepted for each unit,
// and its own settings. Every record read from storage passes these schemas.
import { z } from 'zod';
import { isoTimeSchema, reportFileSchema, sha256Schema } from '@/domain/report/report-schema';
import { LETTER_LOG_MAX, letterRecordSchema } from '@/domain/letters/letter-log';
import { PROVINCE_REPORTS_MAX, provinceReportStateSchema } from './province-report-state';
import { MAPPINGS_MAX, rowMappingSchema } from './row-mapping';

// A calendar date in Việt Nam (ICT, UTC+7), "2013-09-08".
export const localDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const RECEIPT_KINDS = ['pdf', 'json', 'backup', 'server'] as const;
export type ReceiptKind = (typeof RECEIPT_KINDS)[number];

export const receiptSourceSchema = z.object({
  kind: z.enum(RECEIPT_KINDS),
  // The file's name, or the submission's receipt number from the endpoint.
  name: z.string().max(300),
  // The day it arrived: the day the office says an email came, or the server's receipt
  // (never the sender's clock).
  receivedOn: localDateSchema,
  addedAt: isoTimeSchema,
});
export type ReceiptSource = z.infer<typeof receiptSourceSchema>;

export const RECEIVED_RECORD_VERSION = 1;

export const receivedVersionSchema = z.object({
  recordVersion: z.literal(RECEIVED_RECORD_VERSION),
  // SHA-256 of the version's content (the report, its answers and its photos' hashes;
  // not the export time), so the same version by mail and by the endpoint is one.
  id: sha256Schema,
  unitKey: z.string().min(1).max(120),
  unitName: z.string().min(1).max(200),
  // The fingerprint printed on the PDF of the first file received.
  fingerprint: z.string().regex(/^[0-9a-f]{8}$/),
  file: reportFileSchema,
  sources: z.array(receiptSourceSchema).min(1).max(100),
});
export type ReceivedVersion = z.infer<typeof receivedVersionSchema>;

// A unit's email address, or '' for none.
export const unitEmailSchema = z.union([z.literal(''), z.email().max(254)]);

export const expectedUnitSchema = z.object({
  key: z.string().min(1).max(120),
  name: z.string().trim().min(1).max(200),
  addedByOffice: z.boolean().default(false),
  order: z.number().int().nonnegative(),
  // Where the office's letters to the unit go ('' when not known; absent in records and
  // backups made before it).
  email: unitEmailSchema.default(''),
});
export type ExpectedUnit = z.infer<typeof expectedUnitSchema>;

export const acceptedVersionSchema = z.object({
  unitKey: z.string().min(1).max(120),
  versionId: sha256Schema,
  acceptedAt: isoTimeSchema,
});
export type AcceptedVersion = z.infer<typeof acceptedVersionSchema>;

export const officeSettingsSchema = z.object({
  // The units' deadline (guidance III.2) and the province's own (its report to the centre).
  unitDeadline: localDateSchema.default('2013-09-08'),
  provinceDeadline: localDateSchema.default('2013-09-25'),
  // The endpoint's admin code, which reads every unit's submissions.
  adminCode: z.string().max(200).default(''),
});
export type OfficeSettings = z.infer<typeof officeSettingsSchema>;

// The part of the office's data a backup carries.
export const officeBackupSchema = z.object({
  versions: z.array(receivedVersionSchema),
  units: z.array(expectedUnitSchema),
  accepted: z.array(acceptedVersionSchema),
  settings: officeSettingsSchema,
  // The office's mappings of units' own rows (absent in backups made before them).
  rowMappings: z.array(rowMappingSchema).max(MAPPINGS_MAX).default([]),
  // The office's register of letters (absent in backups made before it).
  letters: z.array(letterRecordSchema).max(LETTER_LOG_MAX).default([]),
  // The province's own reports' appendix snapshots and model picks (absent in backups
  // made before them).
  provinceReports: z.array(provinceReportStateSchema).max(PROVINCE_REPORTS_MAX).default([]),
});
export type OfficeBackup = z.infer<typeof officeBackupSchema>;
