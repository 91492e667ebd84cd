// Settings: is the data safe on this device (persistent storage, usage), which version
// runs, and "Sao lưu tất cả".
import { useEffect, useState } from 'react';
import { backupFileName, buildBackupFile } from '@/domain/report/backup';
import { viPersist, type PersistAnswer } from '@/i18n/vi-persist';
import { viProvince } from '@/i18n/vi-province';
import { formatNumber, vi } from '@/i18n/vi-report';
import { appVersion } from '@/lib/app-version';
import { downloadJson } from '@/lib/download';
import { getDatabase } from '@/storage/db';
import { listOutbox } from '@/storage/outbox-repository';
import { exportAllReports } from '@/storage/report-repository';
import { exportOffice } from '@/storage/province-repository';
import { AdminCodeSettings } from './admin-code-settings';
import { EmailSettings } from './email-settings';
import { RestorePanel } from './restore-panel';
import { StatusLines } from '@/ui/status-lines';
import { SyncSettings } from './sync-settings';

type StorageInfo = { persisted: boolean | null; usage: number | null; quota: number | null };

function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${formatNumber(Math.round((bytes / 1024 ** 3) * 10) / 10)} GB`;
  if (bytes >= 1024 ** 2) return `${formatNumber(Math.round((bytes / 1024 ** 2) * 10) / 10)} MB`;
  return `${formatNumber(Math.round(bytes / 1024))} KB`;
}

async function readStorage(): Promise<StorageInfo> {
  const storage = navigator.storage;
  const persisted = storage?.persisted ? await storage.persisted().catch(() => null) : null;
  const estimate = storage?.estimate ? await storage.estimate().catch(() => null) : null;
  return { persisted, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null };
}

export function SettingsPage() {
  const [info, setInfo] = useState<StorageInfo | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let isActive = true;
    void readStorage().then((next) => {
      if (isActive) setInfo(next);
    });
    return () => {
      isActive = false;
    };
  }, []);

  // What the browser answered, said in words (it may refuse without asking anyone).
  const [persistAnswer, setPersistAnswer] = useState<PersistAnswer | null>(null);
  const askPersist = async () => {
    const persist = navigator.storage?.persist;
    const granted = persist ? await persist.call(navigator.storage).catch(() => null) : null;
    setPersistAnswer(granted === null ? 'unavailable' : granted ? 'granted' : 'denied');
    setInfo(await readStorage());
  };

  const backup = async () => {
    setError(null);
    try {
      const now = new Date();
      const files = await exportAllReports(getDatabase(), now.toISOString());
      const office = await exportOffice(getDatabase());
      if (files.length === 0 && !office) {
        setMessage(vi.settings.backupEmpty);
        return;
      }
      // Each report's submissions too, so a restored report keeps its history.
      const submissions = await listOutbox(getDatabase());
      const name = backupFileName(now);
      downloadJson(name, buildBackupFile(files, now.toISOString(), office, submissions));
      setMessage(vi.settings.backedUp(files.length, name));
      setInfo(await readStorage());
    } catch {
      setError(vi.errors.actionFailed);
    }
  };

  return (
    <div className="settings">
      <h1 tabIndex={-1}>{vi.settings.heading}</h1>
      <section className="panel" aria-labelledby="storage-heading">
        <h2 id="storage-heading">{vi.settings.storageHeading}</h2>
        {info === null ? (
          <p>{vi.list.loading}</p>
        ) : (
          <>
            <p>
              {info.persisted === true
                ? vi.settings.persisted
                : info.persisted === false
                  ? vi.settings.notPersisted
                  : vi.settings.unknownPersistence}
            </p>
            {info.persisted === false ? (
              <button type="button" className="secondary" onClick={() => void askPersist()}>
                {vi.settings.askPersist}
              </button>
            ) : null}
            <p role="status" className="persist-answer">
              {persistAnswer ? viPersist[persistAnswer] : null}
            </p>
            <p>
              {info.usage !== null && info.quota !== null
                ? vi.settings.usage(formatBytes(info.usage), formatBytes(info.quota))
                : vi.settings.usageUnknown}
            </p>
          </>
        )}
        <p>{vi.settings.version(appVersion)}</p>
      </section>
      <SyncSettings />
      <EmailSettings />
      <section className="panel" aria-labelledby="backup-heading">
        <h2 id="backup-heading">{vi.settings.backupHeading}</h2>
        <p>{vi.settings.backupNote}</p>
        <button type="button" onClick={() => void backup()}>
          {vi.settings.backupAll}
        </button>
        <StatusLines status={message} error={error} />
      </section>
      <RestorePanel />
      <section className="panel" aria-labelledby="office-heading">
        <h2 id="office-heading">{viProvince.nav.office}</h2>
        <p>{viProvince.linkFromSettings}</p>
        <p>
          <a className="button secondary" href="#/tinh">
            {viProvince.officeLink}
          </a>
        </p>
        <AdminCodeSettings />
      </section>
    </div>
  );
}
