// "Gửi email": attachments chosen here, then the share sheet or a mailto: link. The
// other documents of the report that have entries (the summary of good models) go with
// the review report: their PDF always, their Word copy when the Word copy is ticked.
import { useId, useState } from 'react';
import { vi } from '@/i18n/vi-report';
import {
  MAIL_LIMIT_BYTES,
  prepareEmail,
  sendEmail,
  totalBytes,
  type DocumentAttachment,
  type EmailDraft,
} from '@/export/share/share-report';

type State =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'tooLarge'; draft: EmailDraft }
  | { kind: 'ready'; draft: EmailDraft }
  | { kind: 'done'; message: string; recipient: string | null }
  | { kind: 'error' };

export function EmailButton({
  reportId,
  beforeSend,
  docx,
}: {
  reportId: string;
  beforeSend?: () => Promise<void>;
  // Makes the Word copy of a document, when the app offers it.
  docx?: DocumentAttachment;
}) {
  const id = useId();
  const [includeJson, setIncludeJson] = useState(false);
  const [includeDocx, setIncludeDocx] = useState(false);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [copied, setCopied] = useState(false);

  const send = async (draft: EmailDraft) => {
    const outcome = await sendEmail(reportId, draft);
    if (outcome === 'needsGesture') {
      setState({ kind: 'ready', draft });
      return;
    }
    setState(
      outcome === 'shared'
        ? { kind: 'done', message: vi.email.shared, recipient: null }
        : outcome === 'cancelled'
          ? { kind: 'done', message: vi.email.shareCancelled, recipient: null }
          : {
              kind: 'done',
              message: vi.email.mailtoNote(draft.recipient),
              recipient: draft.recipient,
            },
    );
  };

  const start = async () => {
    setState({ kind: 'busy' });
    setCopied(false);
    try {
      await beforeSend?.();
      const draft = await prepareEmail(reportId, {
        includeJson,
        docx: includeDocx ? docx : undefined,
      });
      if (totalBytes(draft) > MAIL_LIMIT_BYTES) {
        setState({ kind: 'tooLarge', draft });
        return;
      }
      await send(draft);
    } catch {
      setState({ kind: 'error' });
    }
  };

  return (
    <div className="email-export">
      <fieldset>
        <legend className="visually-hidden">{vi.email.heading}</legend>
        <label className="choice" htmlFor={`${id}-json`}>
          <input
            id={`${id}-json`}
            type="checkbox"
            checked={includeJson}
            onChange={(event) => setIncludeJson(event.target.checked)}
          />
          <span>{vi.email.attachJson}</span>
        </label>
        {docx ? (
          <label className="choice" htmlFor={`${id}-docx`}>
            <input
              id={`${id}-docx`}
              type="checkbox"
              checked={includeDocx}
              onChange={(event) => setIncludeDocx(event.target.checked)}
            />
            <span>{vi.email.attachDocx}</span>
          </label>
        ) : null}
      </fieldset>
      <button type="button" onClick={() => void start()} disabled={state.kind === 'busy'}>
        {vi.email.button}
      </button>
      <div role="status" aria-live="polite">
        {state.kind === 'busy' ? <p>{vi.email.preparing}</p> : null}
        {state.kind === 'done' ? <p>{state.message}</p> : null}
        {copied ? <p>{vi.email.copied}</p> : null}
      </div>
      {state.kind === 'tooLarge' ? (
        <div role="alert" className="notice warning">
          <p>
            {vi.email.tooLarge(
              (totalBytes(state.draft) / 1024 / 1024).toFixed(1).replace('.', ','),
            )}
          </p>
          <button
            type="button"
            className="secondary"
            onClick={() => void send(state.draft).catch(() => setState({ kind: 'error' }))}
          >
            {vi.email.sendAnyway}
          </button>
        </div>
      ) : null}
      {state.kind === 'ready' ? (
        <button
          type="button"
          onClick={() => void send(state.draft).catch(() => setState({ kind: 'error' }))}
        >
          {vi.email.openShare}
        </button>
      ) : null}
      {state.kind === 'done' && state.recipient ? (
        <button
          type="button"
          className="secondary"
          onClick={() =>
            void navigator.clipboard
              ?.writeText(state.recipient ?? '')
              .then(() => setCopied(true))
              .catch(() => setCopied(false))
          }
        >
          {vi.email.copyAddress}
        </button>
      ) : null}
      {state.kind === 'error' ? (
        <p role="alert" className="field-error">
          {vi.email.failed}
        </p>
      ) : null}
    </div>
  );
}
