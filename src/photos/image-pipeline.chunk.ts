// The device path of a photo: decode (EXIF orientation applied by the browser), resize so
// the longest side is at most PHOTO_MAX_SIDE, re-encode as JPEG (which drops EXIF, GPS
// and every other metadata) and make a thumbnail. Loaded on first use (./load-pipeline.ts).
//
// createImageBitmap with imageOrientation 'from-image' decodes off the main thread where
// the browser can; where it is missing or refuses the options (older Safari), an <img>
// element decodes instead (browsers apply EXIF orientation to images by default).
import {
  fitWithin,
  PHOTO_INPUT_MAX_BYTES,
  PHOTO_INPUT_MAX_PIXELS,
  PHOTO_MAX_SIDE,
  PHOTO_QUALITY,
  THUMB_MAX_SIDE,
  THUMB_QUALITY,
} from '@/domain/report/photo-policy';

export type ProcessedPhoto = { blob: Blob; thumb: Blob; width: number; height: number };

export type PhotoProblem = 'undecodable' | 'tooLarge' | 'encodeFailed';

export class PhotoProcessingError extends Error {
  constructor(
    readonly problem: PhotoProblem,
    cause?: unknown,
  ) {
    super(`photo could not be processed: ${problem}`, { cause });
    this.name = 'PhotoProcessingError';
  }
}

type Source = { image: CanvasImageSource; width: number; height: number; close: () => void };

async function decodeWithBitmap(file: Blob): Promise<Source> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  return { image: bitmap, width: bitmap.width, height: bitmap.height, close: () => bitmap.close() };
}

async function decodeWithImage(file: Blob): Promise<Source> {
  const url = URL.createObjectURL(file);
  const image = new Image();
  image.decoding = 'async';
  image.src = url;
  try {
    await image.decode();
  } catch (error) {
    URL.revokeObjectURL(url);
    throw error;
  }
  return {
    image,
    width: image.naturalWidth,
    height: image.naturalHeight,
    close: () => URL.revokeObjectURL(url),
  };
}

async function decode(file: Blob): Promise<Source> {
  if (typeof createImageBitmap === 'function') {
    try {
      return await decodeWithBitmap(file);
    } catch (error) {
      // A TypeError is an option this browser does not know; anything else means the
      // bytes do not decode, and an <img> would fail the same way.
      if (!(error instanceof TypeError)) throw new PhotoProcessingError('undecodable', error);
    }
  }
  try {
    return await decodeWithImage(file);
  } catch (error) {
    throw new PhotoProcessingError('undecodable', error);
  }
}

function makeCanvas(width: number, height: number) {
  if (typeof OffscreenCanvas === 'function') {
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) throw new PhotoProcessingError('encodeFailed');
    return {
      canvas,
      context,
      toJpeg: (quality: number) => canvas.convertToBlob({ type: 'image/jpeg', quality }),
    };
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new PhotoProcessingError('encodeFailed');
  return {
    canvas,
    context,
    toJpeg: (quality: number) =>
      new Promise<Blob>((resolve, reject) =>
        canvas.toBlob(
          (blob) => (blob ? resolve(blob) : reject(new PhotoProcessingError('encodeFailed'))),
          'image/jpeg',
          quality,
        ),
      ),
  };
}

// Draws the source at the given size on white (a transparent PNG must not turn black)
// and encodes it; the canvas is returned too, to draw the thumbnail from. Large
// reductions go in halving steps, which keeps detail that one big step would alias away.
async function encode(
  source: CanvasImageSource,
  from: { width: number; height: number },
  to: { width: number; height: number },
  quality: number,
): Promise<{ blob: Blob; canvas: CanvasImageSource }> {
  let current: CanvasImageSource = source;
  let size = from;
  const steps: OffscreenCanvas[] = [];
  while (
    typeof OffscreenCanvas === 'function' &&
    size.width / 2 >= to.width * 1.5 &&
    size.height / 2 >= to.height * 1.5
  ) {
    const half = { width: Math.round(size.width / 2), height: Math.round(size.height / 2) };
    const step = new OffscreenCanvas(half.width, half.height);
    const context = step.getContext('2d');
    if (!context) break;
    context.imageSmoothingQuality = 'high';
    context.drawImage(current, 0, 0, half.width, half.height);
    steps.push(step);
    current = step;
    size = half;
  }
  const { canvas, context, toJpeg } = makeCanvas(to.width, to.height);
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, to.width, to.height);
  context.imageSmoothingQuality = 'high';
  context.drawImage(current, 0, 0, to.width, to.height);
  for (const step of steps) step.width = step.height = 0; // free the memory at once
  try {
    return { blob: await toJpeg(quality), canvas };
  } catch (error) {
    throw error instanceof PhotoProcessingError
      ? error
      : new PhotoProcessingError('encodeFailed', error);
  }
}

export async function processPhoto(file: Blob): Promise<ProcessedPhoto> {
  if (file.size > PHOTO_INPUT_MAX_BYTES) throw new PhotoProcessingError('tooLarge');
  const source = await decode(file);
  try {
    if (source.width === 0 || source.height === 0) throw new PhotoProcessingError('undecodable');
    if (source.width * source.height > PHOTO_INPUT_MAX_PIXELS)
      throw new PhotoProcessingError('tooLarge');
    const full = fitWithin(source.width, source.height, PHOTO_MAX_SIDE);
    const photo = await encode(source.image, source, full, PHOTO_QUALITY);
    // From the resized pixels, not the camera's 12 or 48 megapixels again (a 12 MP photo
    // takes about a quarter less time in Chromium).
    const thumbSize = fitWithin(full.width, full.height, THUMB_MAX_SIDE);
    const thumb = await encode(photo.canvas, full, thumbSize, THUMB_QUALITY);
    return { blob: photo.blob, thumb: thumb.blob, width: full.width, height: full.height };
  } finally {
    source.close();
  }
}
