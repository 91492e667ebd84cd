// How photos are kept: the longest side after resizing, JPEG quality and the thumbnail,
// and the size a photo may take before it is processed (a phone camera's 20 MB, 8000 px
// photo is fine; a 100 MB file is refused before it is read).
export const PHOTO_MAX_SIDE = 1600;
export const PHOTO_QUALITY = 0.8;
export const THUMB_MAX_SIDE = 320;
export const THUMB_QUALITY = 0.7;
export const PHOTO_INPUT_MAX_BYTES = 60 * 1024 * 1024;
// Above this many pixels a file is refused: decoding it could exhaust a phone's memory.
export const PHOTO_INPUT_MAX_PIXELS = 100_000_000;

// The size that fits within `maxSide` on its longest side, never enlarged.
export function fitWithin(
  width: number,
  height: number,
  maxSide: number,
): { width: number; height: number } {
  const longest = Math.max(width, height);
  if (longest <= maxSide) return { width, height };
  const scale = maxSide / longest;
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}
