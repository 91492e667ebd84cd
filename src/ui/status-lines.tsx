// The status line (announced politely) and the error line (an alert) under an action.
export function StatusLines({ status, error }: { status: string | null; error: string | null }) {
  return (
    <>
      <div role="status" aria-live="polite">
        {status ? <p>{status}</p> : null}
      </div>
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
    </>
  );
}
