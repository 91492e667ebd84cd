// Loads the image pipeline chunk on first use; the promise is cached, a failed load is
// retried once and then reported.
import { cachedImport } from '@/lib/retry-import';
import type * as PipelineChunk from './image-pipeline.chunk';

export class PipelineLoadError extends Error {
  constructor(cause: unknown) {
    super('the image pipeline could not be loaded', { cause });
    this.name = 'PipelineLoadError';
  }
}

export const loadImagePipeline = cachedImport(
  (): Promise<typeof PipelineChunk> => import('./image-pipeline.chunk'),
  (error) => new PipelineLoadError(error),
);
