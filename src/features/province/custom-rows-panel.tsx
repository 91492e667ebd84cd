// A table's units' own rows ("Chỉ tiêu khác") in Tổng hợp: listed per unit, and mapped
// together by the office into one row the consolidation sums (row-mapping.ts). The
// mapped rows themselves are shown in the table above (rollup-panel.tsx).
import { useId, useState } from 'react';
import type { RolledTable } from '@/domain/rollup/rollup';
import { mapRows, unmapRows, type RowMapping } from '@/domain/rollup/row-mapping';
import { figure, viProvince } from '@/i18n/vi-province';
import { newId } from '@/lib/ids';
import { getDatabase } from '@/storage/db';
import { saveRowMappings } from '@/storage/province-repository';

const t = viProvince.rollup;
const m = t.mapping;

const rowKey = (unitKey: string, label: string) => `${unitKey}\u0000${label}`;

export function CustomRowsPanel({
  table,
  years,
  mappings,
}: {
  table: RolledTable;
  years: readonly string[];
  mappings: readonly RowMapping[];
}) {
  const id = useId();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [into, setInto] = useState('');
  const [name, setName] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const own = mappings.filter((mapping) => mapping.criterionId === table.criterionId);
  const target = own.find((mapping) => mapping.id === into);
  const entries = table.customRows.flatMap((group) =>
    group.entries.map((entry) => ({ ...entry, label: group.label })),
  );
  const mappable = entries.some((entry) => entry.isMappable);
  if (entries.length === 0 && own.length === 0) return null;

  const toggle = (key: string, label: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(key);
    else next.delete(key);
    setSelected(next);
    // The first row picked names a new mapped row, until the office types another name.
    if (on && selected.size === 0 && name === '') setName(label);
  };

  const save = async (next: readonly RowMapping[], done: string) => {
    try {
      await saveRowMappings(getDatabase(), next);
      setStatus(done);
      return true;
    } catch {
      setStatus(m.saveFailed);
      return false;
    }
  };

  const map = async () => {
    const members = entries
      .filter((entry) => selected.has(rowKey(entry.unitKey, entry.label)))
      .map((entry) => ({ unitKey: entry.unitKey, label: entry.label }));
    const result = mapRows(mappings, {
      criterionId: table.criterionId,
      members,
      ...(target ? { intoId: target.id } : {}),
      label: name,
      newId: newId(),
    });
    if (!result.ok) {
      setStatus(m[result.problem]);
      return;
    }
    if (await save(result.mappings, m.mapped(result.mapping.label, members.length))) {
      setSelected(new Set());
      setName('');
      setInto('');
    }
  };

  return (
    <div className="custom-rows">
      {entries.length > 0 ? (
        <fieldset>
          <legend>{t.custom}</legend>
          {mappable ? <p className="hint">{m.hint}</p> : null}
          <ul className="custom-row-list">
            {entries.map((entry) => {
              const key = rowKey(entry.unitKey, entry.label);
              const values = years
                .map((year) => {
                  const v = entry.values[year];
                  return `${year}: ${v === null || v === undefined ? '…' : figure(v, entry.unit)}`;
                })
                .join('; ');
              const text = `${entry.label} — ${entry.unitName}: ${values}`;
              return (
                <li key={key}>
                  {entry.isMappable ? (
                    <label className="choice">
                      <input
                        type="checkbox"
                        checked={selected.has(key)}
                        aria-label={m.pick(entry.label, entry.unitName)}
                        onChange={(e) => toggle(key, entry.label, e.target.checked)}
                      />
                      <span>{text}</span>
                    </label>
                  ) : (
                    <span>
                      {text} ({m.notMappable})
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
          {mappable ? (
            <div className="map-form">
              {own.length > 0 ? (
                <>
                  <label className="field-label" htmlFor={`${id}-into`}>
                    {m.into}
                  </label>
                  <select id={`${id}-into`} value={into} onChange={(e) => setInto(e.target.value)}>
                    <option value="">{m.newRow}</option>
                    {own.map((mapping) => (
                      <option key={mapping.id} value={mapping.id}>
                        {mapping.label}
                      </option>
                    ))}
                  </select>
                </>
              ) : null}
              {target ? null : (
                <>
                  <label className="field-label" htmlFor={`${id}-name`}>
                    {m.name}
                  </label>
                  <input
                    id={`${id}-name`}
                    type="text"
                    value={name}
                    maxLength={400}
                    onChange={(e) => setName(e.target.value)}
                  />
                </>
              )}
              <div className="button-row">
                <button type="button" onClick={() => void map()}>
                  {m.map}
                </button>
              </div>
            </div>
          ) : null}
        </fieldset>
      ) : null}
      {own.length > 0 ? (
        <>
          <h4>{m.mappedHeading}</h4>
          <ul className="mapped-list">
            {own.map((mapping) => (
              <li key={mapping.id}>
                <strong>{mapping.label}</strong>:{' '}
                {mapping.members
                  .map((member) =>
                    m.member(
                      table.mappedRows
                        .find((row) => row.mappingId === mapping.id)
                        ?.members.find((x) => x.unitKey === member.unitKey)?.unitName ??
                        member.unitKey,
                      member.label,
                    ),
                  )
                  .join('; ')}{' '}
                <button
                  type="button"
                  className="secondary"
                  onClick={() =>
                    void save(unmapRows(mappings, mapping.id), m.unmapped(mapping.label))
                  }
                >
                  {m.unmap(mapping.label)}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <div role="status" aria-live="polite">
        {status ? <p>{status}</p> : null}
      </div>
    </div>
  );
}
