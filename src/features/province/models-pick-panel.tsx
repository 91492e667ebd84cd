// Chọn mô hình hay của các đơn vị (#/tinh/bao-cao/mo-hinh): every model of every
// accepted version, by unit in the order of the expected units, with its place, who runs
// it, a summary and the photos the office holds; searchable. "Chọn vào báo cáo của Tỉnh"
// copies one into the models group of the province's own report (the newest one), where
// the wizard's group editor reorders and edits it and the review page prints it.
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useMemo, useState } from 'react';
import { z } from 'zod';
import { groupItemSchema } from '@/domain/report/answer-kinds';
import {
  MODELS_FIELD,
  modelsGroup,
  pickState,
  searchModels,
  unitModels,
  type ModelSource,
  type UnitModel,
} from '@/domain/rollup/province-models';
import type { AcceptedVersion, ExpectedUnit, ReceivedVersion } from '@/domain/rollup/received';
import { viProvinceModels as t } from '@/i18n/vi-province-models';
import { newId } from '@/lib/ids';
import { getDatabase } from '@/storage/db';
import {
  getModelPicks,
  modelPhotoCopies,
  pickModelIntoReport,
} from '@/storage/province-models-repository';
import { listReports } from '@/storage/report-repository';
import { SearchField } from '@/ui/search-field';
import { provinceTemplate } from './use-province-report';
import { useFilePhotoUrls } from './use-file-photo-urls';
import './models-pick.css';

const group = modelsGroup(provinceTemplate);

// The newest province report with its models entries and the office's picks.
async function loadTarget() {
  const db = getDatabase();
  const { reports } = await listReports(db);
  const report = reports.find((r) => r.templateId === provinceTemplate.id && r.deletedAt === null);
  if (!report) return null;
  const row = await db.answers.get([report.id, MODELS_FIELD]);
  const parsed = z.array(groupItemSchema).safeParse(row?.value ?? []);
  return {
    reportId: report.id,
    items: parsed.success ? parsed.data : [],
    picks: await getModelPicks(db, report.id),
  };
}

type Target = NonNullable<Awaited<ReturnType<typeof loadTarget>>>;

// Said inside the card of the model it is about, where the office tapped.
type Message = { key: string; text: string; isError: boolean };

function UnitModels({
  version,
  models,
  target,
  busy,
  message,
  pick,
}: {
  version: ReceivedVersion;
  models: readonly UnitModel[];
  target: Target;
  busy: boolean;
  message: Message | null;
  pick: (version: ReceivedVersion, model: UnitModel) => void;
}) {
  const urls = useFilePhotoUrls(version.file);
  const id = useId();
  return (
    <section className="model-pick-unit" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t.unitHeading(version.unitName, models.length)}</h3>
      <p className="model-pick-version">{t.version(version.fingerprint)}</p>
      <ul className="model-pick-list">
        {models.map((model) => {
          const state = pickState(model, target.picks, target.items);
          const missing = model.photos.filter(
            (photo) => !photo.received || !urls.has(photo.photoId),
          );
          return (
            <li key={model.key} className="model-pick">
              <h4>{model.name}</h4>
              {model.whereSince ? (
                <p className="model-pick-meta">{t.place(model.whereSince)}</p>
              ) : null}
              {model.runBy ? <p className="model-pick-meta">{t.runBy(model.runBy)}</p> : null}
              {model.summary ? <p>{model.summary}</p> : null}
              {model.photos.length > missing.length ? (
                <ul className="model-pick-photos">
                  {model.photos.flatMap((photo, index) => {
                    const url = urls.get(photo.photoId);
                    return photo.received && url
                      ? [
                          <li key={`${photo.photoId}-${index}`}>
                            <img src={url} alt={photo.caption || `Ảnh ${index + 1}`} />
                          </li>,
                        ]
                      : [];
                  })}
                </ul>
              ) : null}
              {missing.length > 0 ? (
                <p className="model-pick-meta">{t.photosMissing(missing.length)}</p>
              ) : null}
              {state.picked ? (
                <p className="model-pick-state">
                  <strong>{t.isPicked(state.number)}</strong>
                  {state.newerVersion ? ` ${t.newerVersion}` : ''}
                </p>
              ) : null}
              <button
                type="button"
                className={state.picked ? 'secondary' : undefined}
                disabled={busy}
                aria-label={t.pickLabel(model.name, model.unitName)}
                onClick={() => pick(version, model)}
              >
                {t.pick}
              </button>
              {message?.key === model.key ? (
                <p className={`notice ${message.isError ? 'warning' : 'success'}`} role="status">
                  {message.text}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function ModelsPickPanel({
  units,
  versions,
  accepted,
  backHref,
  reportHref,
  editHref,
  reviewHref,
}: {
  units: readonly ExpectedUnit[];
  versions: readonly ReceivedVersion[];
  accepted: readonly AcceptedVersion[];
  backHref: string;
  reportHref: string;
  editHref: (reportId: string) => string;
  reviewHref: (reportId: string) => string;
}) {
  const id = useId();
  const target = useLiveQuery(loadTarget, []);
  const [query, setQuery] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);

  // The accepted versions in the order of the expected units, then any other unit's.
  const sources = useMemo(() => {
    const byId = new Map(versions.map((v) => [v.id, v]));
    const order = new Map(units.map((u, index) => [u.key, index]));
    return accepted
      .flatMap((a) => {
        const version = byId.get(a.versionId);
        return version ? [version] : [];
      })
      .sort(
        (a, b) =>
          (order.get(a.unitKey) ?? units.length) - (order.get(b.unitKey) ?? units.length) ||
          a.unitName.localeCompare(b.unitName, 'vi'),
      );
  }, [units, versions, accepted]);
  const models = useMemo(
    () =>
      unitModels(
        provinceTemplate,
        sources.map((version): ModelSource => ({
          unitKey: version.unitKey,
          unitName: version.unitName,
          versionId: version.id,
          fingerprint: version.fingerprint,
          answers: version.file.answers,
          photosWithBytes: new Set(
            version.file.photos.filter((photo) => photo.data).map((photo) => photo.id),
          ),
        })),
      ),
    [sources],
  );
  const shown = useMemo(() => searchModels(models, query), [models, query]);

  const pick = async (version: ReceivedVersion, model: UnitModel) => {
    if (!target || !group) return;
    setBusy(true);
    setMessage(null);
    try {
      const copies = await modelPhotoCopies(version.file, model);
      const outcome = await pickModelIntoReport(getDatabase(), target.reportId, model, copies, {
        maxItems: group.maxItems,
        now: new Date().toISOString(),
        newId,
      });
      const key = model.key;
      setMessage(
        outcome.kind === 'added'
          ? { key, text: t.added(model.name, outcome.number, outcome.photosLeft), isError: false }
          : outcome.kind === 'already'
            ? { key, text: t.already(model.name, outcome.number), isError: true }
            : { key, text: t.full(outcome.max), isError: true },
      );
    } catch {
      setMessage({ key: model.key, text: t.failed, isError: true });
    } finally {
      setBusy(false);
    }
  };

  if (target === undefined) return null;
  return (
    <section className="panel models-pick" aria-labelledby={`${id}-h`}>
      <p>
        <a href={backHref}>{t.back}</a>
      </p>
      <h2 id={`${id}-h`}>{t.heading}</h2>
      <p>{t.intro}</p>
      {target === null ? (
        <p role="alert">
          {t.noReport} <a href={reportHref}>{t.toReport}</a>
        </p>
      ) : (
        <>
          <p>{t.picked(target.items.length)}</p>
          <p className="province-report-links">
            <a className="button" href={editHref(target.reportId)}>
              {t.edit}
            </a>{' '}
            <a className="button secondary" href={reviewHref(target.reportId)}>
              {t.review}
            </a>
          </p>
          {models.length === 0 ? (
            <p>{t.none}</p>
          ) : (
            <>
              <SearchField id={`${id}-q`} label={t.search} value={query} onChange={setQuery} />
              <p>{shown.length === 0 ? t.noneFound : t.count(shown.length, models.length)}</p>
              {sources.map((version) => {
                const ofUnit = shown.filter((m) => m.versionId === version.id);
                return ofUnit.length === 0 ? null : (
                  <UnitModels
                    key={version.id}
                    version={version}
                    models={ofUnit}
                    target={target}
                    busy={busy}
                    message={message}
                    pick={(v, m) => void pick(v, m)}
                  />
                );
              })}
            </>
          )}
        </>
      )}
    </section>
  );
}
