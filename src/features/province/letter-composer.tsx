// Soạn công văn: the draft letter to one unit (a reminder or a request for completion,
// domain/letters/letter.ts) as editable fields, then its PDF, its Word copy, or an email
// to the unit whose body is the letter. Changing the date or the reply date drafts the
// body again, unless the office has edited it by hand.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useRef, useState } from 'react';
import {
  defaultReplyBy,
  draftLetter,
  letterKindFor,
  letterSchema,
  type Letter,
  type LetterDeadlines,
  type LetterKind,
} from '@/domain/letters/letter';
import type { TrackerRow } from '@/domain/rollup/tracker';
import { ictDate } from '@/domain/rollup/tracker';
import type { Template } from '@/domain/template/template-schema';
import { letterMailto, renderLetterFile, saveLetterFile } from '@/export/letters/letter-files';
import type { LetterChannel } from '@/domain/letters/letter-log';
import { nextLetterNumber } from '@/domain/letters/letter-log';
import { unitEmailSchema } from '@/domain/rollup/received';
import { newId } from '@/lib/ids';
import { getDatabase } from '@/storage/db';
import { listLetters, saveIssuedLetter } from '@/storage/letter-repository';
import { letterDate, viLetters } from '@/i18n/vi-letters';
import { findTemplate } from '@/templates/template-registry';
import { officeTemplate } from './use-office';

const t = viLetters;

// The template a unit's letter is drafted with: its latest version's, or the office's.
export function letterTemplate(row: TrackerRow): Template | undefined {
  return row.latest
    ? findTemplate(row.latest.file.report.templateId, row.latest.file.report.templateVersion)
    : officeTemplate;
}

export function rowLetterKind(row: TrackerRow): LetterKind | null {
  return letterKindFor(row, letterTemplate(row));
}

type Status = { kind: 'info' | 'error'; text: string } | null;

type StringField = Exclude<keyof Letter, 'kind' | 'unitKey' | 'unitName' | 'date' | 'recipients'>;
// The fields edited as one line.
type TextField = Exclude<StringField, 'body'>;

export function LetterComposer({
  row,
  kind,
  deadlines,
  email,
  onClose,
}: {
  row: TrackerRow;
  kind: LetterKind;
  deadlines: LetterDeadlines;
  email: string;
  onClose: () => void;
}) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const template = letterTemplate(row) ?? officeTemplate;
  const today = ictDate(new Date());
  const draft = (date: string, replyBy: string) =>
    draftLetter({ kind, row, template, today: date, deadlines, replyBy, email });
  const [replyBy, setReplyBy] = useState(() => defaultReplyBy(today, deadlines));
  const [letter, setLetter] = useState<Letter>(() => draft(today, replyBy));
  const [isBodyEdited, setIsBodyEdited] = useState(false);
  const [recipients, setRecipients] = useState(letter.recipients.join('\n'));
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);
  // The letter's record in the register: the same one however often it is exported.
  const [letterId] = useState(newId);
  const letters = useLiveQuery(() => listLetters(getDatabase()), []);
  const [isNumberTyped, setIsNumberTyped] = useState(false);
  // The next free number of the year, until the office types one.
  useEffect(() => {
    if (!letters || isNumberTyped) return;
    const next = nextLetterNumber(
      letters.filter((record) => record.id !== letterId),
      letter.date,
    );
    setLetter((current) => (current.number === next ? current : { ...current, number: next }));
  }, [letters, isNumberTyped, letterId, letter.date]);

  useEffect(() => {
    heading.current?.scrollIntoView?.({ block: 'start' });
    heading.current?.focus();
  }, []);

  const set = (field: StringField, value: string) => {
    if (field === 'number') setIsNumberTyped(true);
    setLetter((current) => ({ ...current, [field]: value }));
  };
  const redate = (date: string, reply: string) => {
    setLetter((current) =>
      isBodyEdited ? { ...current, date } : { ...current, date, body: draft(date, reply).body },
    );
  };

  // The letter as it will be printed, or null (with the reason shown) when a field is bad.
  const checked = (): Letter | null => {
    const parsed = letterSchema.safeParse({
      ...letter,
      recipients: recipients.split('\n').filter((line) => line.trim() !== ''),
    });
    if (parsed.success) return parsed.data;
    const field = String(parsed.error.issues[0]?.path[0] ?? 'body') as keyof typeof t.fields;
    setStatus({ kind: 'error', text: t.invalid(t.fields[field] ?? t.fields.body) });
    return null;
  };

  // Files the letter in the register (its number checked free) and then delivers it; a
  // number already given to another letter of the year stops it with the next free one.
  const issue = async (ready: Letter, channel: LetterChannel, deliver: () => void) => {
    const outcome = await saveIssuedLetter(getDatabase(), {
      id: letterId,
      letter: ready,
      replyBy,
      channel,
      now: new Date(),
    });
    if (!outcome.ok) {
      setStatus({
        kind: 'error',
        text: t.numberTaken(
          ready.number.trim(),
          outcome.takenBy.letter.unitName,
          letterDate(outcome.takenBy.letter.date),
          outcome.next,
        ),
      });
      return false;
    }
    deliver();
    return true;
  };

  const exportFile = async (format: 'pdf' | 'docx') => {
    const ready = checked();
    if (!ready) return;
    setBusy(true);
    setStatus({ kind: 'info', text: t.preparing });
    try {
      const file = await renderLetterFile(ready, format);
      if (await issue(ready, format, () => saveLetterFile(file)))
        setStatus({ kind: 'info', text: format === 'pdf' ? t.pdfDone : t.docxDone });
    } catch {
      setStatus({ kind: 'error', text: t.exportFailed });
    } finally {
      setBusy(false);
    }
  };

  const sendEmail = async () => {
    const ready = checked();
    if (!ready) return;
    const address = ready.email.trim();
    if (!unitEmailSchema.safeParse(address).success) {
      setStatus({ kind: 'error', text: t.invalidEmail });
      return;
    }
    const opened = await issue(ready, 'email', () => {
      const link = document.createElement('a');
      link.href = letterMailto(ready);
      link.click();
    }).catch(() => {
      setStatus({ kind: 'error', text: t.exportFailed });
      return false;
    });
    if (opened) setStatus({ kind: 'info', text: t.emailOpened(address) });
  };

  // One line of text; a long one (the subject line, the addressee) wraps on a phone.
  const input = (
    field: TextField,
    extra: { type?: string; maxLength?: number; wraps?: boolean } = {},
  ) => (
    <p>
      <label className="field-label" htmlFor={`${id}-${field}`}>
        {t.fields[field]}
      </label>
      {extra.wraps ? (
        <textarea
          id={`${id}-${field}`}
          className="line-input"
          rows={1}
          value={letter[field]}
          maxLength={extra.maxLength ?? 300}
          onChange={(event) => set(field, event.target.value.replace(/\n/g, ' '))}
        />
      ) : (
        <input
          id={`${id}-${field}`}
          type={extra.type ?? 'text'}
          value={letter[field]}
          maxLength={extra.maxLength ?? 300}
          onChange={(event) => set(field, event.target.value)}
        />
      )}
    </p>
  );

  return (
    <section className="panel letter-composer" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        {t.heading[kind](row.unit.name)}
      </h3>
      <p className="field-help">{t.intro}</p>
      <div className="letter-grid">
        {input('number', { maxLength: 20 })}
        {input('symbol', { maxLength: 60 })}
        <p>
          <label className="field-label" htmlFor={`${id}-date`}>
            {t.fields.date}
          </label>
          <input
            id={`${id}-date`}
            type="date"
            value={letter.date}
            onChange={(event) => event.target.value && redate(event.target.value, replyBy)}
          />
        </p>
        <p>
          <label className="field-label" htmlFor={`${id}-reply`}>
            {t.fields.replyBy}
          </label>
          <input
            id={`${id}-reply`}
            type="date"
            value={replyBy}
            onChange={(event) => {
              if (!event.target.value) return;
              setReplyBy(event.target.value);
              redate(letter.date, event.target.value);
            }}
          />
        </p>
      </div>
      {input('subjectLine', { maxLength: 500, wraps: true })}
      {input('salutation', { maxLength: 500, wraps: true })}
      <p>
        <label className="field-label" htmlFor={`${id}-body`}>
          {t.fields.body}
        </label>
        <span className="field-help" id={`${id}-body-help`}>
          {t.fields.bodyHelp}
        </span>
        <textarea
          id={`${id}-body`}
          aria-describedby={`${id}-body-help`}
          value={letter.body}
          rows={14}
          onChange={(event) => {
            setIsBodyEdited(true);
            set('body', event.target.value);
          }}
        />
      </p>
      {isBodyEdited ? (
        <p className="field-help">
          {t.bodyEdited}{' '}
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setIsBodyEdited(false);
              setLetter((current) => ({ ...current, body: draft(current.date, replyBy).body }));
            }}
          >
            {t.redraft}
          </button>
        </p>
      ) : null}
      <p>
        <label className="field-label" htmlFor={`${id}-recipients`}>
          {t.fields.recipients}
        </label>
        <textarea
          id={`${id}-recipients`}
          className="letter-recipients"
          value={recipients}
          onChange={(event) => setRecipients(event.target.value)}
        />
      </p>
      <div className="letter-grid">
        {input('signingLine')}
        {input('position')}
        {input('signerName')}
        {input('email', { type: 'email', maxLength: 254 })}
      </div>
      <div className="button-row">
        <button type="button" disabled={busy} onClick={() => void exportFile('pdf')}>
          {t.pdf}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() => void exportFile('docx')}
        >
          {t.docx}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() => void sendEmail()}
        >
          {t.email}
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          {t.close}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {status?.kind === 'info' ? <p>{status.text}</p> : null}
      </div>
      {status?.kind === 'error' ? (
        <p role="alert" className="field-error">
          {status.text}
        </p>
      ) : null}
    </section>
  );
}
