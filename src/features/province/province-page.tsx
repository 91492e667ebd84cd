// The province office (#/tinh): Theo dõi, Tiếp nhận, Tổng hợp, Báo cáo của Tỉnh (the
// province's own report), a unit's versions, and
// one version read as the unit's review page shows it (composed in by app/).
import type { ReactNode } from 'react';
import type { ReceivedVersion } from '@/domain/rollup/received';
import type { RowMapping } from '@/domain/rollup/row-mapping';
import type { Template } from '@/domain/template/template-schema';
import { viProvince } from '@/i18n/vi-province';
import { viProvinceReport } from '@/i18n/vi-province-report';
import { findTemplate } from '@/templates/template-registry';
import { IntakePanel } from './intake-panel';
import { ModelsPickPanel } from './models-pick-panel';
import { ProvinceReportPanel } from './province-report-panel';
import { RollupPanel, useRollup } from './rollup-panel';
import { TrackerPanel } from './tracker-panel';
import { UnitPanel } from './unit-panel';
import { useOffice } from './use-office';
import './province.css';

export type ProvinceLinks = {
  list: string;
  settings: string;
  tracker: string;
  intake: string;
  rollup: string;
  provinceReport: string;
  // The province report's good models: picking them, editing them, printing them.
  modelsPick: string;
  modelsEdit: (reportId: string) => string;
  modelsReview: (reportId: string) => string;
  report: (reportId: string) => string;
  review: (reportId: string) => string;
  unit: (unitKey: string) => string;
  version: (versionId: string) => string;
};

const NO_MAPPINGS: readonly RowMapping[] = [];

// #/tinh/bao-cao/mo-hinh: the report view with this id picks the units' good models.
export const MODELS_PICK_ID = 'mo-hinh';

export type OfficeView = 'tracker' | 'intake' | 'rollup' | 'report' | 'unit' | 'version';

export function ProvincePage({
  view,
  id,
  links,
  renderVersion,
}: {
  view: OfficeView;
  id: string | null;
  links: ProvinceLinks;
  renderVersion: (version: ReceivedVersion, template: Template) => ReactNode;
}) {
  const office = useOffice();
  const rollup = useRollup(
    office?.units ?? [],
    office?.versions ?? [],
    office?.accepted ?? [],
    office?.mappings ?? NO_MAPPINGS,
  );
  const nav = viProvince.nav;
  const current = view === 'unit' || view === 'version' ? 'tracker' : view;
  const tabs = [
    ['tracker', nav.tracker, links.tracker],
    ['intake', nav.intake, links.intake],
    ['rollup', nav.rollup, links.rollup],
    ['report', viProvinceReport.nav, links.provinceReport],
  ] as const;

  let body: ReactNode;
  if (!office) body = <p>{viProvince.loading}</p>;
  else if (view === 'intake')
    body = <IntakePanel adminCode={office.settings.adminCode} settingsHref={links.settings} />;
  else if (view === 'rollup')
    body = <RollupPanel rollup={rollup} tracker={office.tracker} mappings={office.mappings} />;
  else if (view === 'report' && id === MODELS_PICK_ID)
    body = (
      <ModelsPickPanel
        units={office.units}
        versions={office.versions}
        accepted={office.accepted}
        backHref={links.provinceReport}
        reportHref={links.provinceReport}
        editHref={links.modelsEdit}
        reviewHref={links.modelsReview}
      />
    );
  else if (view === 'report')
    body = (
      <ProvinceReportPanel
        rollup={rollup}
        versions={office.versions}
        accepted={office.accepted}
        reportHref={links.report}
        reviewHref={links.review}
        modelsPickHref={links.modelsPick}
      />
    );
  else if (view === 'unit' && id) {
    const row = office.tracker.find((r) => r.unit.key === id) ?? null;
    const versions = office.versions.filter((v) => v.unitKey === id);
    body = (
      <UnitPanel
        unitName={row?.unit.name ?? versions[0]?.unitName ?? id}
        row={row}
        versions={versions}
        backHref={links.tracker}
        versionHref={links.version}
      />
    );
  } else if (view === 'version' && id) {
    const version = office.versions.find((v) => v.id === id);
    const template = version
      ? findTemplate(version.file.report.templateId, version.file.report.templateVersion)
      : undefined;
    body = (
      <>
        <p>
          <a href={version ? links.unit(version.unitKey) : links.tracker}>{viProvince.view.back}</a>
        </p>
        {!version ? (
          <p role="alert">{viProvince.view.notFound}</p>
        ) : !template ? (
          <p role="alert">{viProvince.view.unknownTemplate}</p>
        ) : (
          renderVersion(version, template)
        )}
      </>
    );
  } else
    body = (
      <TrackerPanel
        rows={office.tracker}
        units={office.units}
        versions={office.versions}
        settings={office.settings}
        unitHref={links.unit}
      />
    );

  return (
    <div className="province">
      <p>
        <a href={links.list}>{nav.back}</a>
      </p>
      <h1 tabIndex={-1}>{viProvince.heading}</h1>
      <nav aria-label={nav.label} className="province-nav">
        {tabs.map(([key, label, href]) => (
          <a key={key} href={href} aria-current={current === key ? 'page' : undefined}>
            {label}
          </a>
        ))}
      </nav>
      {office && office.damaged > 0 ? (
        <p className="notice warning">{viProvince.damaged(office.damaged)}</p>
      ) : null}
      {body}
    </div>
  );
}
