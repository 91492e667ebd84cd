// Small settings in the settings table: the sync endpoint and the unit's access code.
import { z } from 'zod';
import { hasTable, type SoKetDatabase } from './db';

export const syncSettingsSchema = z.object({
  // null: the same origin's /api, when it answers.
  endpoint: z.string().max(500).nullable().default(null),
  accessCode: z.string().max(200).default(''),
});
export type SyncSettings = z.infer<typeof syncSettingsSchema>;

const SYNC_KEY = 'sync';

export async function getSyncSettings(db: SoKetDatabase): Promise<SyncSettings> {
  if (!hasTable(db, 'settings')) return syncSettingsSchema.parse({});
  const row = await db.settings.get(SYNC_KEY);
  const parsed = syncSettingsSchema.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data : syncSettingsSchema.parse({});
}

export async function saveSyncSettings(db: SoKetDatabase, settings: SyncSettings): Promise<void> {
  await db.settings.put({ key: SYNC_KEY, value: syncSettingsSchema.parse(settings) });
}

export const emailSettingsSchema = z.object({
  // null: the template's recipient (btckt2012@gmail.com for the built-in template).
  recipient: z.email().max(200).nullable().default(null),
});
export type EmailSettings = z.infer<typeof emailSettingsSchema>;

const EMAIL_KEY = 'email';

export async function getEmailSettings(db: SoKetDatabase): Promise<EmailSettings> {
  if (!hasTable(db, 'settings')) return emailSettingsSchema.parse({});
  const row = await db.settings.get(EMAIL_KEY);
  const parsed = emailSettingsSchema.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data : emailSettingsSchema.parse({});
}

export async function saveEmailSettings(db: SoKetDatabase, settings: EmailSettings): Promise<void> {
  await db.settings.put({ key: EMAIL_KEY, value: emailSettingsSchema.parse(settings) });
}
