import { createContext } from 'react';
import { loadImagePipeline } from '@/photos/load-pipeline';

export type PhotoPipeline = {
  processPhoto: (file: Blob) => Promise<{ blob: Blob; thumb: Blob; width: number; height: number }>;
};

// How the image list gets the image pipeline: the lazily loaded chunk, or a stand-in in
// component tests (jsdom has no canvas).
export const PhotoPipelineContext = createContext<() => Promise<PhotoPipeline>>(loadImagePipeline);
