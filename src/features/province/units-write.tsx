// "Các đơn vị viết", beside a narrative field of the province's own report (below it on
// a phone): what each unit wrote for the same criterion in its accepted version, one fold
// per unit, searchable, each paragraph inserted quoted or as "Huyện Đoàn …: …"; above
// them the sentences the consolidated appendix gives for the criterion, inserted only
// when tapped.
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useMemo, useState } from 'react';
import type { Answers } from '@/domain/report/answers';
import {
  attributedPassage,
  quotedPassage,
  searchUnitTexts,
  suggestionFigures,
  unitTexts,
} from '@/domain/rollup/units-write';
import type { Criterion, Template } from '@/domain/template/template-schema';
import { suggestionSentence, viUnitsWrite as t } from '@/i18n/vi-province-report';
import { getDatabase } from '@/storage/db';
import { SearchField } from '@/ui/search-field';
import {
  getReceivedVersion,
  listAcceptedVersions,
  listExpectedUnits,
} from '@/storage/province-repository';
import { defaultUnits, officeTemplate } from './use-office';
import './units-write.css';

// The two ways a unit's paragraph goes into the draft.
const INSERTS = [
  { text: t.quote, label: t.quoteLabel, make: quotedPassage },
  { text: t.attribute, label: t.attributeLabel, make: attributedPassage },
];

// The accepted versions' answers, in the order of the expected units.
async function loadAccepted() {
  const db = getDatabase();
  const [units, accepted] = await Promise.all([
    listExpectedUnits(db, defaultUnits),
    listAcceptedVersions(db),
  ]);
  const byUnit = new Map(accepted.map((a) => [a.unitKey, a.versionId]));
  const versions = await Promise.all(
    units.map(async (unit) => {
      const versionId = byUnit.get(unit.key);
      const version = versionId ? await getReceivedVersion(db, versionId) : null;
      return version ? [{ unitName: unit.name, answers: version.file.answers }] : [];
    }),
  );
  return versions.flat();
}

export function UnitsWrite({
  template,
  criterion,
  answers,
  insert,
}: {
  template: Template;
  criterion: Criterion;
  answers: Answers;
  insert: (passage: string) => void;
}) {
  const id = useId();
  const accepted = useLiveQuery(loadAccepted, []);
  const [query, setQuery] = useState('');
  const [inserted, setInserted] = useState(false);
  const texts = useMemo(
    () => (accepted ? unitTexts(criterion.id, accepted) : []),
    [accepted, criterion.id],
  );
  const shown = useMemo(() => searchUnitTexts(texts, query), [texts, query]);
  const sentences = useMemo(
    () =>
      suggestionFigures(
        template,
        officeTemplate.provinceLevel?.suggestions ?? [],
        answers,
        criterion.id,
      ).flatMap((figures) => {
        const sentence = suggestionSentence(figures);
        return sentence ? [sentence] : [];
      }),
    [template, answers, criterion.id],
  );
  const put = (passage: string) => {
    insert(passage);
    setInserted(true);
  };
  const isFiltered = query.trim() !== '';
  const silent = texts.filter((text) => text.paragraphs.length === 0).map((u) => u.unitName);
  const written = shown.filter((text) => text.paragraphs.length > 0);

  return (
    <section className="units-write" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t.heading}</h3>
      {sentences.length > 0 ? (
        <div className="units-write-suggestions">
          <p className="field-label">{t.suggestionHeading}</p>
          {sentences.map((sentence) => (
            <div key={sentence} className="unit-passage">
              <p>{sentence}</p>
              <button
                type="button"
                className="secondary"
                aria-label={t.insertSuggestionLabel(sentence)}
                onClick={() => put(sentence)}
              >
                {t.insertSuggestion}
              </button>
            </div>
          ))}
        </div>
      ) : null}
      {!accepted ? (
        <p>{t.loading}</p>
      ) : accepted.length === 0 ? (
        <p>{t.noneAccepted}</p>
      ) : silent.length === texts.length ? (
        <p className="field-help">{t.nobody}</p>
      ) : (
        <>
          <p className="field-help">{t.hint}</p>
          <SearchField id={`${id}-q`} label={t.search} value={query} onChange={setQuery} />
          {isFiltered && written.length === 0 ? <p>{t.noMatch}</p> : null}
          {written.map((text) => (
            // A search opens every unit with a match; clearing it folds them again.
            <details key={`${text.unitName}-${isFiltered}`} open={isFiltered || undefined}>
              <summary>{t.unit(text.unitName, text.paragraphs.length, isFiltered)}</summary>
              {text.paragraphs.map((paragraph, index) => (
                <div key={index} className="unit-passage">
                  <p>{paragraph}</p>
                  <div className="button-row">
                    {INSERTS.map(({ text: label, label: name, make }) => (
                      <button
                        key={label}
                        type="button"
                        className="secondary"
                        aria-label={name(index + 1, text.unitName)}
                        onClick={() => put(make(text.unitName, paragraph))}
                      >
                        {label}
                      </button>
                    ))}
                  </div>
                </div>
              ))}
            </details>
          ))}
          {silent.length > 0 ? <p className="field-help">{t.nothing(silent.join(', '))}</p> : null}
        </>
      )}
      <p role="status" className="units-write-status">
        {inserted ? t.inserted(criterion.label) : ''}
      </p>
    </section>
  );
}
