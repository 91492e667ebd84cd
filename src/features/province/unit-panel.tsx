// One unit's versions (Tiếp nhận phiên bản): where and when each came, the one accepted,
// and a newer one shown against it (changed paragraphs and cells, old and new) until
// the office accepts it. Totals use accepted versions only.
import { useId, useState } from 'react';
import type { CellValue } from '@/domain/appendix/evaluate';
import { diffVersions } from '@/domain/rollup/version-diff';
import type { TrackerRow } from '@/domain/rollup/tracker';
import { byArrival, firstReceipt } from '@/domain/rollup/tracker';
import type { ReceivedVersion } from '@/domain/rollup/received';
import { formatLocalDate, viProvince } from '@/i18n/vi-province';
import { getDatabase } from '@/storage/db';
import { acceptVersion } from '@/storage/province-repository';
import { findTemplate } from '@/templates/template-registry';
import { UnitLetters } from './unit-letters';

const t = viProvince.unit;

const cellText = (value: CellValue | null) =>
  value === null || value === '' ? t.blank : String(value);

function VersionDiffView({
  accepted,
  version,
}: {
  accepted: ReceivedVersion;
  version: ReceivedVersion;
}) {
  const template = findTemplate(
    version.file.report.templateId,
    version.file.report.templateVersion,
  );
  if (!template) return null;
  const diff = diffVersions(template, accepted.file.answers, version.file.answers);
  if (diff.texts.length + diff.cells.length + diff.others.length === 0) return <p>{t.noDiff}</p>;
  return (
    <div className="version-diff">
      <h4>{t.diffHeading}</h4>
      {diff.texts.map((change) => (
        <div key={change.criterionId} className="diff-text">
          <p className="field-label">{change.label}</p>
          {change.removed.map((p, i) => (
            <p key={`r${i}`} className="diff-old">
              <span className="diff-tag">{t.removed}:</span> {p}
            </p>
          ))}
          {change.added.map((p, i) => (
            <p key={`a${i}`} className="diff-new">
              <span className="diff-tag">{t.added}:</span> {p}
            </p>
          ))}
        </div>
      ))}
      {diff.cells.length > 0 ? (
        <>
          <p className="field-label">{t.cellsHeading}</p>
          <ul>
            {diff.cells.map((cell) => (
              <li key={`${cell.indicatorId}-${cell.year ?? 'target'}`}>
                {t.cell(cell.indicator, cell.year)}:{' '}
                <span className="diff-old">{cellText(cell.before)}</span> →{' '}
                <span className="diff-new">{cellText(cell.after)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {diff.others.length > 0 ? <p>{t.others(diff.others.join(', '))}</p> : null}
    </div>
  );
}

export function UnitPanel({
  unitName,
  row,
  versions,
  backHref,
  versionHref,
}: {
  unitName: string;
  row: TrackerRow | null;
  versions: readonly ReceivedVersion[];
  backHref: string;
  versionHref: (versionId: string) => string;
}) {
  const id = useId();
  const [message, setMessage] = useState<string | null>(null);
  const own = [...versions].sort(byArrival);
  const accepted = row?.accepted ?? null;
  const accept = async (version: ReceivedVersion) => {
    await acceptVersion(getDatabase(), version.unitKey, version.id, new Date());
    setMessage(t.acceptedNow);
  };
  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <p>
        <a href={backHref}>{t.back}</a>
      </p>
      <h2 id={`${id}-heading`}>{t.heading(unitName)}</h2>
      <UnitLetters row={row} />
      {own.length === 0 ? <p>{t.none}</p> : null}
      <ul className="cards">
        {own.map((version) => {
          const isAccepted = accepted?.id === version.id;
          return (
            <li key={version.id} className="card">
              <h3>{t.version(version.fingerprint, version.file.report.revision)}</h3>
              <p className="card-meta">
                {t.receivedBy(
                  formatLocalDate(firstReceipt(version)),
                  [...new Set(version.sources.map((s) => viProvince.kinds[s.kind]))].join(', '),
                )}
              </p>
              <div className="button-row">
                <a className="button secondary" href={versionHref(version.id)}>
                  {t.view}
                </a>
                {isAccepted ? (
                  <strong>{t.accepted}</strong>
                ) : (
                  <button type="button" onClick={() => void accept(version)}>
                    {t.accept}
                  </button>
                )}
              </div>
              {accepted && !isAccepted ? (
                <VersionDiffView accepted={accepted} version={version} />
              ) : null}
            </li>
          );
        })}
      </ul>
      <div role="status" aria-live="polite">
        {message ? <p>{message}</p> : null}
      </div>
    </section>
  );
}
