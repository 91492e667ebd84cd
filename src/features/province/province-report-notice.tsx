// On the province's own report (wizard and review): "Số liệu tổng hợp đã thay đổi" when
// the consolidation of the accepted versions differs from the snapshot its appendix
// holds, with a link to the office's page that shows the change and updates it. The
// update happens there, not under the open form.
import type { AcceptedVersion, ReceivedVersion } from '@/domain/rollup/received';
import type { RowMapping } from '@/domain/rollup/row-mapping';
import type { ExpectedUnit } from '@/domain/rollup/received';
import { hasChanges } from '@/domain/rollup/province-report';
import { viProvinceReport as t } from '@/i18n/vi-province-report';
import { useRollup } from './rollup-panel';
import { useOffice } from './use-office';
import { useProvinceReport } from './use-province-report';

const NO_UNITS: readonly ExpectedUnit[] = [];
const NO_VERSIONS: readonly ReceivedVersion[] = [];
const NO_ACCEPTED: readonly AcceptedVersion[] = [];
const NO_MAPPINGS: readonly RowMapping[] = [];

export function ProvinceReportNotice({
  reportId,
  updateHref,
}: {
  reportId: string;
  updateHref: string;
}) {
  const office = useOffice();
  const versions = office?.versions ?? NO_VERSIONS;
  const accepted = office?.accepted ?? NO_ACCEPTED;
  const rollup = useRollup(
    office?.units ?? NO_UNITS,
    versions,
    accepted,
    office?.mappings ?? NO_MAPPINGS,
  );
  const state = useProvinceReport(rollup, versions, accepted, reportId);
  if (!office || !state) return null;
  if (state.held !== null && (state.changes === null || !hasChanges(state.changes))) return null;
  return (
    <p className="notice warning" role="status">
      <strong>{t.changed}</strong>. <a href={updateHref}>{t.seeChanges}</a>
    </p>
  );
}
