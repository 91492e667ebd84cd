// Loads the image pipeline chunk on first use; the promise is cached, a failed load is
// retried once and then reported.
import { retryImport } from '@/lib/retry-import';
import type * as PipelineChunk from './image-pipeline.chunk';

type Chunk = typeof PipelineChunk;
let chunk: Promise<Chunk> | null = null;

export class PipelineLoadError extends Error {
  constructor(cause: unknown) {
    super('the image pipeline could not be loaded', { cause });
    this.name = 'PipelineLoadError';
  }
}

export function loadImagePipeline(): Promise<Chunk> {
  chunk ??= retryImport(() => import('./image-pipeline.chunk')).catch((error: unknown) => {
    chunk = null;
    throw new PipelineLoadError(error);
  });
  return chunk;
}
