// Small settings in the settings table: the sync endpoint and the unit's access code.
import { z } from 'zod';
import type { SoKetDatabase } from './db';

export const syncSettingsSchema = z.object({
  // null: the same origin's /api, when it answers.
  endpoint: z.string().max(500).nullable().default(null),
  accessCode: z.string().max(200).default(''),
});
export type SyncSettings = z.infer<typeof syncSettingsSchema>;

const SYNC_KEY = 'sync';

export async function getSyncSettings(db: SoKetDatabase): Promise<SyncSettings> {
  const row = await db.settings.get(SYNC_KEY);
  const parsed = syncSettingsSchema.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data : syncSettingsSchema.parse({});
}

export async function saveSyncSettings(db: SoKetDatabase, settings: SyncSettings): Promise<void> {
  await db.settings.put({ key: SYNC_KEY, value: syncSettingsSchema.parse(settings) });
}
