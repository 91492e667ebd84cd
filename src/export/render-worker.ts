// The export worker: renders one PDF or Word file off the page's main thread, so typing,
// scrolling and "Hủy" stay responsive however long the report. The page starts one worker
// per export and terminates it when done or cancelled (render-in-worker.ts). A module
// worker from the app's own origin: allowed by `worker-src 'self'`, no inline script.
/// <reference lib="webworker" />
import { runRenderJob, type RenderProgress, type RenderRequest } from './render-job';

export type WorkerReply =
  | { type: 'progress'; progress: RenderProgress }
  | { type: 'done'; bytes: Uint8Array; isDraft: boolean; replacedCharacters: string[] }
  | { type: 'failed'; name: string; message: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;
const reply = (message: WorkerReply, transfer: Transferable[] = []) =>
  scope.postMessage(message, transfer);

scope.onmessage = (event: MessageEvent<RenderRequest>) => {
  runRenderJob(event.data, (progress) => reply({ type: 'progress', progress })).then(
    (result) => reply({ type: 'done', ...result }, [result.bytes.buffer]),
    (error: unknown) =>
      reply({
        type: 'failed',
        name: error instanceof Error ? error.name : 'Error',
        message: error instanceof Error ? error.message : String(error),
      }),
  );
};
