// On a unit's page: the address the office's letters go to (an optional field of the
// expected unit), and Soạn công văn when the unit is late or its report has gaps.
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import type { TrackerRow } from '@/domain/rollup/tracker';
import { unitEmailSchema } from '@/domain/rollup/received';
import { unitLetters } from '@/domain/letters/letter-log';
import { ictDate } from '@/domain/rollup/tracker';
import { letterDate, viLetters } from '@/i18n/vi-letters';
import { getDatabase } from '@/storage/db';
import { listLetters } from '@/storage/letter-repository';
import { getOfficeSettings, saveUnitEmail } from '@/storage/province-repository';
import { LetterComposer, rowLetterKind } from './letter-composer';
import { defaultUnits } from './use-office';

const t = viLetters;

export function UnitLetters({ row }: { row: TrackerRow | null }) {
  const id = useId();
  const settings = useLiveQuery(() => getOfficeSettings(getDatabase()), []);
  const letters = useLiveQuery(() => listLetters(getDatabase()), []);
  const [email, setEmail] = useState(row?.unit.email ?? '');
  const [isComposing, setIsComposing] = useState(false);
  const [message, setMessage] = useState<{ isError: boolean; text: string } | null>(null);
  if (!row) return <p>{t.unitEmail.notExpected}</p>;
  const kind = rowLetterKind(row);
  const sent = unitLetters(letters ?? [], row.unit.key);

  const save = async () => {
    const address = email.trim();
    if (!unitEmailSchema.safeParse(address).success) {
      setMessage({ isError: true, text: t.unitEmail.invalid });
      return;
    }
    try {
      await saveUnitEmail(getDatabase(), defaultUnits, row.unit.key, address);
      setMessage({ isError: false, text: address ? t.unitEmail.saved : t.unitEmail.cleared });
    } catch {
      setMessage({ isError: true, text: t.unitEmail.failed });
    }
  };

  return (
    <div className="unit-letters">
      <form
        className="unit-email"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <label className="field-label" htmlFor={`${id}-email`}>
          {t.unitEmail.label}
        </label>
        <span className="field-help" id={`${id}-email-help`}>
          {t.unitEmail.help}
        </span>
        <div className="button-row">
          <input
            id={`${id}-email`}
            type="email"
            value={email}
            maxLength={254}
            aria-describedby={`${id}-email-help`}
            aria-invalid={message?.isError ? true : undefined}
            onChange={(event) => setEmail(event.target.value)}
          />
          <button type="submit" className="secondary">
            {t.unitEmail.save}
          </button>
        </div>
        <div role="status" aria-live="polite">
          {message && !message.isError ? <p>{message.text}</p> : null}
        </div>
        {message?.isError ? (
          <p role="alert" className="field-error">
            {message.text}
          </p>
        ) : null}
      </form>
      {!kind ? (
        <p>{t.nothingToChase}</p>
      ) : !settings ? null : isComposing ? (
        <LetterComposer
          row={row}
          kind={kind}
          deadlines={settings}
          email={row.unit.email}
          onClose={() => setIsComposing(false)}
        />
      ) : (
        <p>
          <button type="button" onClick={() => setIsComposing(true)}>
            {t.compose}
          </button>
        </p>
      )}
      <h3>{t.sentHeading}</h3>
      {sent.length === 0 ? (
        <p>{t.noneSent}</p>
      ) : (
        <ul className="sent-letters">
          {sent.map((record) => (
            <li key={record.id}>
              {t.sentLine(
                `${record.letter.number.trim() || '…'}-${record.letter.symbol}`,
                letterDate(record.letter.date),
                t.kinds[record.letter.kind],
                letterDate(record.replyBy),
              )}{' '}
              <span className="card-meta">
                {t.sentBy(
                  record.channels.map((channel) => t.channels[channel]).join(', '),
                  letterDate(ictDate(new Date(record.updatedAt))),
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
