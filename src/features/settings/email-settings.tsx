// Where "Gửi email" addresses the report: the template's recipient unless changed here.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { vi } from '@/i18n/vi-report';
import { getDatabase } from '@/storage/db';
import {
  emailSettingsSchema,
  getEmailSettings,
  saveEmailSettings,
} from '@/storage/settings-repository';
import { defaultTemplate } from '@/templates/template-registry';

export function EmailSettings() {
  const id = useId();
  const [recipient, setRecipient] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let isActive = true;
    void getEmailSettings(getDatabase()).then((settings) => {
      if (isActive) setRecipient(settings.recipient ?? '');
    });
    return () => {
      isActive = false;
    };
  }, []);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const clean = recipient.trim();
    // The stored setting's own rule (an address, at most 200 characters), so what passes
    // here is what saveEmailSettings accepts.
    if (clean && !emailSettingsSchema.shape.recipient.safeParse(clean).success) {
      setError(vi.emailSettings.invalid);
      return;
    }
    setError(null);
    await saveEmailSettings(getDatabase(), { recipient: clean || null });
    setMessage(vi.emailSettings.saved);
  };

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{vi.emailSettings.heading}</h2>
      <form onSubmit={(event) => void save(event)} noValidate>
        <div className="field">
          <label className="field-label" htmlFor={id}>
            {vi.emailSettings.label}
          </label>
          <input
            id={id}
            type="email"
            autoComplete="email"
            value={recipient}
            placeholder={defaultTemplate.recipientEmail}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
            onChange={(event) => setRecipient(event.target.value)}
          />
          <p className="field-help" id={`${id}-hint`}>
            {vi.emailSettings.hint(defaultTemplate.recipientEmail)}
          </p>
          {error ? (
            <p className="field-error" id={`${id}-error`}>
              {error}
            </p>
          ) : null}
        </div>
        <button type="submit">{vi.emailSettings.save}</button>
      </form>
      <div role="status" aria-live="polite">
        {message ? <p>{message}</p> : null}
      </div>
    </section>
  );
}
