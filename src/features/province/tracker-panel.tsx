// Theo dõi: one row per expected unit against the deadline, the province's own deadline
// with the days left, units the office adds, and received units outside the list.
import { useId, useState } from 'react';
import { daysBetween, ictDate, type TrackerRow } from '@/domain/rollup/tracker';
import { unitKeyOf } from '@/domain/rollup/units';
import type { OfficeSettings, ReceivedVersion } from '@/domain/rollup/received';
import type { ExpectedUnit } from '@/domain/rollup/received';
import { formatLocalDate, statusText, viProvince } from '@/i18n/vi-province';
import { getDatabase } from '@/storage/db';
import { addExpectedUnit, saveOfficeSettings } from '@/storage/province-repository';
import { viLetters } from '@/i18n/vi-letters';
import { ScrollTable } from '@/ui/scroll-table';
import { LetterComposer, rowLetterKind } from './letter-composer';
import { defaultUnits } from './use-office';

const t = viProvince.tracker;

export function TrackerPanel({
  rows,
  units,
  versions,
  settings,
  unitHref,
}: {
  rows: readonly TrackerRow[];
  units: readonly ExpectedUnit[];
  versions: readonly ReceivedVersion[];
  settings: OfficeSettings;
  unitHref: (unitKey: string) => string;
}) {
  const id = useId();
  const [deadline, setDeadline] = useState(settings.unitDeadline);
  const [provinceDeadline, setProvinceDeadline] = useState(settings.provinceDeadline);
  const [newUnit, setNewUnit] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  // The unit whose letter is being drafted (Soạn công văn), under the table.
  const [composing, setComposing] = useState<string | null>(null);
  const composingRow = rows.find((row) => row.unit.key === composing);
  const composingKind = composingRow ? rowLetterKind(composingRow) : null;
  const today = ictDate(new Date());
  const received = rows.filter((row) => row.status !== 'notReceived').length;
  const outside = [
    ...new Map(
      versions
        .filter((v) => !units.some((u) => u.key === v.unitKey))
        .map((v) => [v.unitKey, v.unitName]),
    ),
  ];

  const saveDeadlines = async () => {
    await saveOfficeSettings(getDatabase(), {
      ...settings,
      unitDeadline: deadline,
      provinceDeadline,
    });
    setMessage(t.deadlinesSaved);
  };
  const add = async (key: string, name: string) => {
    await addExpectedUnit(getDatabase(), defaultUnits, { key, name });
    setMessage(t.unitAdded(name));
  };

  return (
    <section className="panel province-tracker" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t.heading}</h2>
      <div className="deadlines">
        <p>
          <label className="field-label" htmlFor={`${id}-deadline`}>
            {t.deadline}
          </label>
          <input
            id={`${id}-deadline`}
            type="date"
            value={deadline}
            onChange={(event) => event.target.value && setDeadline(event.target.value)}
          />{' '}
          <span>{t.daysLeft(daysBetween(today, settings.unitDeadline))}</span>
        </p>
        <p>
          <label className="field-label" htmlFor={`${id}-province`}>
            {t.provinceDeadline}
          </label>
          <input
            id={`${id}-province`}
            type="date"
            value={provinceDeadline}
            onChange={(event) => event.target.value && setProvinceDeadline(event.target.value)}
          />{' '}
          <span>{t.daysLeft(daysBetween(today, settings.provinceDeadline))}</span>
        </p>
        <button type="button" className="secondary" onClick={() => void saveDeadlines()}>
          {t.saveDeadlines}
        </button>
      </div>
      <p className="tracker-count">
        <strong>{t.received(received, rows.length)}</strong> (
        {formatLocalDate(settings.unitDeadline)})
      </p>
      <ScrollTable
        label={t.heading}
        columns={[
          t.columns.unit,
          t.columns.status,
          t.columns.when,
          t.columns.required,
          t.columns.appendix,
          t.columns.accepted,
          viLetters.column,
        ]}
      >
        {rows.map((row) => (
          <tr key={row.unit.key} data-status={row.status}>
            <th scope="row" className="sticky-col">
              <a href={unitHref(row.unit.key)} aria-label={t.open(row.unit.name)}>
                {row.unit.name}
              </a>
            </th>
            <td>{statusText(row)}</td>
            <td>
              {row.firstReceivedOn
                ? `${formatLocalDate(row.firstReceivedOn)}, ${row.kinds.map((k) => viProvince.kinds[k]).join(', ')}`
                : t.none}
            </td>
            <td>{row.required ? t.required(row.required.done, row.required.total) : t.none}</td>
            <td>
              {row.appendix ? t.appendix(row.appendix.errors, row.appendix.warnings) : t.none}
            </td>
            <td>
              {row.accepted ? t.acceptedFingerprint(row.accepted.fingerprint) : t.none}
              {row.hasNewerThanAccepted ? ` (${t.newer})` : ''}
            </td>
            <td>
              {rowLetterKind(row) ? (
                <button
                  type="button"
                  className="secondary"
                  aria-label={viLetters.composeFor(row.unit.name)}
                  onClick={() => setComposing(row.unit.key)}
                >
                  {viLetters.compose}
                </button>
              ) : (
                t.none
              )}
            </td>
          </tr>
        ))}
      </ScrollTable>
      {composingRow && composingKind ? (
        <LetterComposer
          key={composingRow.unit.key}
          row={composingRow}
          kind={composingKind}
          deadlines={settings}
          email={composingRow.unit.email}
          onClose={() => setComposing(null)}
        />
      ) : null}
      {outside.length > 0 ? (
        <>
          <h3>{t.outside}</h3>
          <ul>
            {outside.map(([key, name]) => (
              <li key={key}>
                <a href={unitHref(key)}>{name}</a>{' '}
                <button type="button" className="secondary" onClick={() => void add(key, name)}>
                  {t.addToList(name)}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <form
        className="add-unit"
        onSubmit={(event) => {
          event.preventDefault();
          const name = newUnit.trim().normalize('NFC');
          if (!name) return;
          setNewUnit('');
          void add(unitKeyOf({ id: null, name }), name);
        }}
      >
        <label className="field-label" htmlFor={`${id}-unit`}>
          {t.addUnitLabel}
        </label>
        <div className="button-row">
          <input
            id={`${id}-unit`}
            value={newUnit}
            maxLength={200}
            onChange={(event) => setNewUnit(event.target.value)}
          />
          <button type="submit">{t.addUnit}</button>
        </div>
      </form>
      <div role="status" aria-live="polite">
        {message ? <p>{message}</p> : null}
      </div>
    </section>
  );
}
