// Photos of an answer: taken with the camera or picked from the gallery, several at once,
// each resized on the device by the image pipeline and stored in IndexedDB before its
// reference (with an empty caption) joins the answer. Files are processed one at a time
// so that a phone never holds more than one decoded photo.
import { useContext, useEffect, useRef, useState, type ChangeEvent } from 'react';
import { PHOTO_INPUT_MAX_BYTES, PHOTO_INPUT_MAX_PIXELS } from '@/domain/report/photo-policy';
import { textLength } from '@/domain/report/text';
import { vi } from '@/i18n/vi-report';
import { newId } from '@/lib/ids';
import { classifySaveError } from '@/storage/autosave-queue';
import { getDatabase } from '@/storage/db';
import { addPhoto, getPhoto } from '@/storage/photo-repository';
import { Counter, describedBy, LineInput, RefusedNote, useLimitedChange } from './field-parts';
import type { FieldProps } from './fields';
import { PhotoPipelineContext, type PhotoPipeline } from './photo-pipeline-context';
import { useReportId } from './report-id-context';
import { UndoBar } from './undo-bar';
import { useListEditor } from './use-list-editor';
import { useUndoableRemoval } from './use-undoable-removal';

// Below this much free quota no photo is added: the answers must still fit.
export const LOW_SPACE_BYTES = 5 * 1024 * 1024;
const MB = 1024 * 1024;

async function freeBytes(): Promise<number | null> {
  try {
    const estimate = await navigator.storage?.estimate?.();
    if (!estimate || estimate.quota === undefined || estimate.usage === undefined) return null;
    return estimate.quota - estimate.usage;
  } catch {
    return null;
  }
}

function processingProblem(error: unknown, name: string): string {
  const problem =
    error !== null && typeof error === 'object' && 'problem' in error ? error.problem : null;
  switch (problem) {
    case 'undecodable':
      return vi.photos.undecodable(name);
    case 'tooLarge':
      return vi.photos.tooLarge(
        name,
        Math.round(PHOTO_INPUT_MAX_BYTES / MB),
        Math.round(PHOTO_INPUT_MAX_PIXELS / 1_000_000),
      );
    case 'encodeFailed':
      return vi.photos.encodeFailed(name);
    default:
      return vi.photos.failed(name);
  }
}

// The thumbnail of a stored photo, or a placeholder when the photo is gone.
function Thumbnail({ photoId, alt }: { photoId: string; alt: string }) {
  const [state, setState] = useState<{ url: string } | 'loading' | 'missing'>('loading');
  useEffect(() => {
    let url: string | null = null;
    let isCancelled = false;
    getPhoto(getDatabase(), photoId)
      .then((row) => {
        if (isCancelled) return;
        if (!row) {
          setState('missing');
          return;
        }
        url = URL.createObjectURL(row.thumb);
        setState({ url });
      })
      .catch(() => {
        if (!isCancelled) setState('missing');
      });
    return () => {
      isCancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [photoId]);
  if (state === 'loading') return <div className="photo-thumb photo-placeholder" />;
  if (state === 'missing')
    return <div className="photo-thumb photo-placeholder missing">{vi.photos.missing}</div>;
  return <img className="photo-thumb" src={state.url} alt={alt} />;
}

export function ImageListField({
  criterion,
  inputId,
  value,
  onChange,
  onBlur,
  error,
}: FieldProps<'imageList'>) {
  const reportId = useReportId();
  const loadPipeline = useContext(PhotoPipelineContext);
  const removal = useUndoableRemoval();
  const [progress, setProgress] = useState<{ index: number; total: number } | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const { valueRef, commit, focusAfterRender, move } = useListEditor(
    value,
    onChange,
    (ref) => ref.photoId,
  );
  const isMounted = useRef(false);

  useEffect(() => {
    isMounted.current = true;
    return () => {
      isMounted.current = false;
    };
  }, []);

  const addFiles = async (files: File[]) => {
    setProblems([]);
    setNotice(null);
    const messages: string[] = [];
    const room = Math.max(0, criterion.maxItems - valueRef.current.length);
    if (files.length > room)
      messages.push(vi.photos.tooMany(criterion.maxItems, files.length - room));
    const accepted = files.slice(0, room);
    if (accepted.length === 0) {
      setProblems(messages);
      return;
    }
    setProgress({ index: 1, total: accepted.length });
    const free = await freeBytes();
    if (free !== null && free < LOW_SPACE_BYTES) {
      setProgress(null);
      setProblems([...messages, vi.photos.lowSpace(LOW_SPACE_BYTES / MB)]);
      return;
    }
    let pipeline: PhotoPipeline;
    try {
      pipeline = await loadPipeline();
    } catch {
      setProgress(null);
      setProblems([...messages, vi.photos.pipelineFailed]);
      return;
    }
    let added = 0;
    for (const [index, file] of accepted.entries()) {
      // A photo stored while the field went away is left for the sweep.
      if (!isMounted.current) return;
      setProgress({ index: index + 1, total: accepted.length });
      let processed;
      try {
        processed = await pipeline.processPhoto(file);
      } catch (problem) {
        messages.push(processingProblem(problem, file.name));
        continue;
      }
      const photoId = newId();
      try {
        await addPhoto(getDatabase(), {
          id: photoId,
          reportId,
          ...processed,
          now: new Date().toISOString(),
        });
      } catch (problem) {
        if (classifySaveError(problem) === 'quota') {
          messages.push(vi.photos.storageFull(file.name));
          break;
        }
        messages.push(vi.photos.storageFailed(file.name));
        continue;
      }
      if (!isMounted.current) return;
      commit([...valueRef.current, { photoId, caption: '' }]);
      added += 1;
    }
    if (!isMounted.current) return;
    setProgress(null);
    setProblems(messages);
    if (added > 0) {
      setNotice(vi.photos.added(added));
      // Saves the answer now rather than after the typing debounce.
      onBlur();
    }
  };

  const onFiles = (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    // The same file can be picked again after a failure.
    event.target.value = '';
    if (files.length > 0) void addFiles(files);
  };

  const setCaption = (index: number, caption: string) =>
    commit(valueRef.current.map((ref, i) => (i === index ? { ...ref, caption } : ref)));

  const moveButtonId = (to: number, isBackward: boolean) =>
    `${inputId}-${to}-${isBackward ? 'left' : 'right'}`;

  const remove = (index: number) => {
    const ref = valueRef.current[index];
    if (!ref) return;
    commit(valueRef.current.filter((_, i) => i !== index));
    removal.remove({
      message: vi.photos.removed(index + 1),
      photoIds: [ref.photoId],
      undo: () => {
        const list = [...valueRef.current];
        list.splice(Math.min(index, list.length), 0, ref);
        commit(list);
      },
    });
    focusAfterRender(`${inputId}-gallery`, (rendered) =>
      rendered.every((other) => other.photoId !== ref.photoId),
    );
  };

  const isBusy = progress !== null;
  const isFull = value.length >= criterion.maxItems;
  const limitedCaption = useLimitedChange(criterion.captionMaxLength);
  const status = progress ? vi.photos.processing(progress.index, progress.total) : notice;

  return (
    <div className={`field image-list-field ${error ? 'field-has-error' : ''}`}>
      <fieldset
        id={inputId}
        tabIndex={-1}
        aria-describedby={describedBy(
          criterion.help && `${inputId}-help`,
          `${inputId}-count`,
          error && `${inputId}-error`,
        )}
      >
        <legend className="field-label">
          {criterion.label}
          {criterion.required ? (
            <span className="required-mark"> ({vi.wizard.required})</span>
          ) : null}
        </legend>
        {criterion.help ? (
          <p className="field-help" id={`${inputId}-help`}>
            {criterion.help}
          </p>
        ) : null}
        {value.length > 0 ? (
          <ol className="photo-grid">
            {value.map((ref, index) => {
              const captionId = `${inputId}-${index}-caption`;
              const isTooLong = textLength(ref.caption) > criterion.captionMaxLength;
              return (
                <li key={ref.photoId} className="photo-item">
                  <Thumbnail
                    photoId={ref.photoId}
                    alt={vi.photos.photoAlt(index + 1, ref.caption.trim())}
                  />
                  <label htmlFor={captionId} className="photo-caption-label">
                    {vi.photos.caption(index + 1)}
                  </label>
                  <LineInput
                    id={captionId}
                    value={ref.caption}
                    aria-invalid={isTooLong ? true : undefined}
                    aria-describedby={`${captionId}-count`}
                    onChange={(event) =>
                      limitedCaption.change(event, (text) => setCaption(index, text))
                    }
                    onBlur={onBlur}
                  />
                  <Counter id={captionId} value={ref.caption} max={criterion.captionMaxLength} />
                  <div className="photo-actions">
                    <button
                      type="button"
                      id={`${inputId}-${index}-left`}
                      className="icon-button"
                      aria-label={vi.photos.moveLeft(index + 1)}
                      disabled={index === 0}
                      onClick={() => move(index, -1, moveButtonId)}
                    >
                      ←
                    </button>
                    <button
                      type="button"
                      id={`${inputId}-${index}-right`}
                      className="icon-button"
                      aria-label={vi.photos.moveRight(index + 1)}
                      disabled={index === value.length - 1}
                      onClick={() => move(index, 1, moveButtonId)}
                    >
                      →
                    </button>
                    <button
                      type="button"
                      className="danger"
                      aria-label={vi.photos.remove(index + 1)}
                      onClick={() => remove(index)}
                    >
                      {vi.group.remove}
                    </button>
                  </div>
                </li>
              );
            })}
          </ol>
        ) : null}
        <div className="photo-pickers">
          <input
            id={`${inputId}-camera`}
            className="visually-hidden file-input"
            type="file"
            accept="image/*"
            capture="environment"
            disabled={isBusy || isFull}
            onChange={onFiles}
          />
          <label htmlFor={`${inputId}-camera`} className="button secondary">
            {vi.photos.camera}
          </label>
          <input
            id={`${inputId}-gallery`}
            className="visually-hidden file-input"
            type="file"
            accept="image/*"
            multiple
            disabled={isBusy || isFull}
            onChange={onFiles}
          />
          <label htmlFor={`${inputId}-gallery`} className="button secondary">
            {vi.photos.gallery}
          </label>
          <span className="photo-count" id={`${inputId}-count`}>
            {vi.photos.count(value.length, criterion.maxItems)}
          </span>
        </div>
        <p role="status" aria-live="polite" className="photo-status">
          {status}
        </p>
        {problems.length > 0 ? (
          <div role="alert" className="notice error photo-problems">
            {problems.map((problem, index) => (
              <p key={index}>{problem}</p>
            ))}
          </div>
        ) : null}
        <UndoBar removal={removal.pending} onUndo={removal.undo} onDismiss={removal.dismiss} />
        <RefusedNote id={inputId} message={limitedCaption.message} />
      </fieldset>
      {error ? (
        <p className="field-error" id={`${inputId}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
