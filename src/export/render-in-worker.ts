// Runs an export's rendering in a Web Worker of its own (render-worker.ts), with progress
// and cancellation: aborting the signal terminates the worker at once, wherever it is.
// Node (`npm run pdf`, tests) calls the writers directly: the same code, no worker.
import type { RenderProgress, RenderRequest, RenderResult } from './render-job';
import type { WorkerReply } from './render-worker';

export class RenderCancelledError extends Error {
  constructor() {
    super('the export was cancelled');
    this.name = 'RenderCancelledError';
  }
}

// The worker's chunk could not be loaded (offline before it was cached): reported like a
// writer chunk that failed to load.
export class RenderWorkerLoadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RenderWorkerLoadError';
  }
}

export type RenderOptions = {
  signal?: AbortSignal;
  onProgress?: (progress: RenderProgress) => void;
};

export async function renderInWorker(
  request: RenderRequest,
  { signal, onProgress = () => {} }: RenderOptions = {},
): Promise<RenderResult> {
  if (signal?.aborted) throw new RenderCancelledError();
  const worker = new Worker(new URL('./render-worker.ts', import.meta.url), {
    type: 'module',
    name: `so-ket-${request.kind}`,
  });
  return new Promise<RenderResult>((resolve, reject) => {
    const finish = () => {
      worker.terminate();
      signal?.removeEventListener('abort', cancel);
    };
    const cancel = () => {
      finish();
      reject(new RenderCancelledError());
    };
    signal?.addEventListener('abort', cancel, { once: true });
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const message = event.data;
      if (message.type === 'progress') {
        onProgress(message.progress);
        return;
      }
      finish();
      if (message.type === 'done') {
        resolve({
          bytes: message.bytes,
          isDraft: message.isDraft,
          replacedCharacters: message.replacedCharacters,
        });
      } else {
        reject(Object.assign(new Error(message.message), { name: message.name }));
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish();
      reject(new RenderWorkerLoadError(event.message || 'the export worker failed to start'));
    };
    worker.postMessage(request);
  });
}
