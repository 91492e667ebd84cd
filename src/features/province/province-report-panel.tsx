// Báo cáo của Tỉnh: makes the province's own report from the units' template at province
// level, its appendix the consolidation of the accepted versions frozen as a snapshot;
// shows which units and versions the snapshot used, and, when the consolidation has
// changed since, what changes (old → new) with a button that updates the appendix.
import { useId, useState } from 'react';
import {
  hasChanges,
  provinceReportAnswers,
  snapshotSource,
  type SnapshotChanges,
} from '@/domain/rollup/province-report';
import type { AcceptedVersion, ReceivedVersion } from '@/domain/rollup/received';
import type { Rollup } from '@/domain/rollup/rollup';
import { coverageLine } from '@/i18n/vi-province';
import { viProvinceModels } from '@/i18n/vi-province-models';
import { viProvinceReport as t } from '@/i18n/vi-province-report';
import { newId } from '@/lib/ids';
import { getDatabase } from '@/storage/db';
import { createProvinceReport, updateProvinceAppendix } from '@/storage/province-report-repository';
import { ProvinceChartsPanel } from './province-charts-panel';
import { officeTemplate } from './use-office';
import {
  currentSnapshot,
  provinceTemplate,
  useProvinceReport,
  type ProvinceReportState,
} from './use-province-report';

const MAX_CELLS_SHOWN = 60;

// What an update changes: the coverage line, the units (added, dropped, another
// version), then every cell old → new, folded (a new unit changes most of them).
function SnapshotChangesView({ changes }: { changes: SnapshotChanges }) {
  const shown = changes.cells.slice(0, MAX_CELLS_SHOWN);
  return (
    <>
      {changes.source ? <p>{t.sourceChange(changes.source.before, changes.source.after)}</p> : null}
      {changes.units.length > 0 ? (
        <ul>
          {changes.units.map((change) => (
            <li key={change.name}>{t.unitChange(change)}</li>
          ))}
        </ul>
      ) : null}
      {shown.length > 0 ? (
        <details className="snapshot-cells">
          <summary>{t.cellsHeading(changes.cells.length)}</summary>
          <ul>
            {shown.map((cell) => (
              <li key={`${cell.criterionId}-${cell.indicatorId}-${cell.year ?? 'target'}`}>
                {t.cellLabel(cell.table, cell.indicator, cell.year)}:{' '}
                <span className="diff-old">{t.cell(cell.before)}</span> →{' '}
                <span className="diff-new">{t.cell(cell.after)}</span>
              </li>
            ))}
          </ul>
          {changes.cells.length > shown.length ? (
            <p>{t.moreCells(changes.cells.length - shown.length)}</p>
          ) : null}
        </details>
      ) : null}
    </>
  );
}

export function ProvinceReportPanel({
  rollup,
  versions,
  accepted,
  reportHref,
  reviewHref,
  modelsPickHref,
}: {
  rollup: Rollup;
  versions: readonly ReceivedVersion[];
  accepted: readonly AcceptedVersion[];
  reportHref: (id: string) => string;
  reviewHref: (id: string) => string;
  modelsPickHref: string;
}) {
  const id = useId();
  const state = useProvinceReport(rollup, versions, accepted);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);
  const line = coverageLine(rollup.coverage);

  const create = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const reportId = newId();
      const now = new Date().toISOString();
      const snapshot = currentSnapshot(reportId, rollup, versions, accepted, now);
      const issuer = provinceTemplate.units[0]!;
      await createProvinceReport(
        getDatabase(),
        {
          id: reportId,
          name: officeTemplate.provinceLevel?.reportName ?? issuer.name,
          unit: { id: issuer.id, name: issuer.name },
          templateId: provinceTemplate.id,
          templateVersion: provinceTemplate.version,
          answers: provinceReportAnswers(provinceTemplate, snapshot),
          now,
        },
        snapshot,
      );
      window.location.hash = reportHref(reportId);
    } catch {
      setMessage({ text: t.createFailed, isError: true });
      setBusy(false);
    }
  };

  const update = async (current: ProvinceReportState) => {
    setBusy(true);
    setMessage(null);
    try {
      await updateProvinceAppendix(
        getDatabase(),
        { ...current.now, takenAt: new Date().toISOString() },
        new Date().toISOString(),
      );
      setMessage({ text: t.updated, isError: false });
    } catch {
      setMessage({ text: t.updateFailed, isError: true });
    } finally {
      setBusy(false);
    }
  };

  const status = message ? (
    <p className={`notice ${message.isError ? 'error' : 'success'}`} role="status">
      {message.text}
    </p>
  ) : null;

  if (state === undefined) return null;
  if (state === null) {
    return (
      <section className="panel province-report" aria-labelledby={`${id}-h`}>
        <h2 id={`${id}-h`}>{t.heading}</h2>
        <p>{t.intro}</p>
        <p>{t.coverageNow(line)}</p>
        {rollup.coverage.included.length === 0 ? <p>{t.noneAccepted}</p> : null}
        <button type="button" disabled={busy} onClick={() => void create()}>
          {busy ? t.creating : t.create}
        </button>
        {status}
      </section>
    );
  }

  const { report, held, changes } = state;
  const isChanged = held === null || (changes !== null && hasChanges(changes));
  return (
    <section className="panel province-report" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t.heading}</h2>
      <p className="province-report-name">{report.name}</p>
      <p className="province-report-links">
        <a className="button" href={reportHref(report.id)}>
          {t.open}
        </a>{' '}
        <a className="button secondary" href={reviewHref(report.id)}>
          {t.review}
        </a>
      </p>
      <p>
        <a href={modelsPickHref}>{viProvinceModels.link}</a>
      </p>
      <h3>{t.snapshotHeading}</h3>
      {held ? (
        <>
          <p>{t.snapshotTaken(held.takenAt, snapshotSource(held) || line)}</p>
          <details>
            <summary>{t.snapshotUnits}</summary>
            <ul>
              {held.included.map((unit) => (
                <li key={unit.key}>{t.snapshotUnit(unit.name, unit.fingerprint)}</li>
              ))}
            </ul>
          </details>
        </>
      ) : (
        <p>{t.snapshotMissing}</p>
      )}
      {isChanged ? (
        <div className="notice warning" role="region" aria-label={t.changed}>
          <p>
            <strong>{t.changed}</strong>
          </p>
          <p>{t.changedHint}</p>
          {changes ? <SnapshotChangesView changes={changes} /> : null}
          <button type="button" disabled={busy} onClick={() => void update(state)}>
            {t.update}
          </button>
        </div>
      ) : (
        <p>{t.upToDate}</p>
      )}
      {status}
      {held ? <ProvinceChartsPanel held={held} /> : null}
    </section>
  );
}
