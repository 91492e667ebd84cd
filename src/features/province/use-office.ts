// The office's data, live from IndexedDB (every read through the repositories' schemas),
// with the tracker computed from it.
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { trackerRows } from '@/domain/rollup/tracker';
import { templateUnits } from '@/domain/rollup/units';
import { getDatabase } from '@/storage/db';
import {
  getOfficeSettings,
  listAcceptedVersions,
  listExpectedUnits,
  listReceivedVersions,
  listRowMappings,
} from '@/storage/province-repository';
import { defaultTemplate, findTemplate } from '@/templates/template-registry';

export const officeTemplate = defaultTemplate;
export const defaultUnits = templateUnits(officeTemplate);

async function loadOffice() {
  const db = getDatabase();
  const [received, units, accepted, settings, mappings] = await Promise.all([
    listReceivedVersions(db),
    listExpectedUnits(db, defaultUnits),
    listAcceptedVersions(db),
    getOfficeSettings(db),
    listRowMappings(db),
  ]);
  return {
    versions: received.items,
    damaged: received.damaged,
    units,
    accepted,
    settings,
    mappings,
  };
}

export type OfficeData = Awaited<ReturnType<typeof loadOffice>>;

export function useOffice() {
  const data = useLiveQuery(loadOffice, []);
  const tracker = useMemo(
    () =>
      data
        ? trackerRows(
            (version) =>
              findTemplate(version.file.report.templateId, version.file.report.templateVersion),
            data.units,
            data.versions,
            data.accepted,
            data.settings.unitDeadline,
          )
        : null,
    [data],
  );
  return data && tracker ? { ...data, tracker } : null;
}
