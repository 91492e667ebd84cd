// A camera's orientation tag on a plain JPEG: an APP1 Exif segment, inserted right after
// SOI as cameras write it, holding a big-endian TIFF header and one IFD with one entry,
// Orientation (0x0112, SHORT). 6 means "rotate 90° clockwise to display".
const SOI = [0xff, 0xd8];
const EXIF_ID = [0x45, 0x78, 0x69, 0x66, 0x00, 0x00]; // "Exif\0\0"

export function withExifOrientation(jpeg: Uint8Array, orientation: number): Uint8Array {
  if (jpeg[0] !== SOI[0] || jpeg[1] !== SOI[1]) throw new Error('not a JPEG: no SOI marker');
  if (!Number.isInteger(orientation) || orientation < 1 || orientation > 8)
    throw new Error(`an EXIF orientation is 1 to 8, not ${orientation}`);
  const tiff = [
    ...[0x4d, 0x4d, 0x00, 0x2a], // "MM", 42: big-endian TIFF
    ...[0x00, 0x00, 0x00, 0x08], // IFD0 right after this header
    ...[0x00, 0x01], // one entry
    ...[0x01, 0x12, 0x00, 0x03], // Orientation, SHORT
    ...[0x00, 0x00, 0x00, 0x01], // one value
    ...[0x00, orientation, 0x00, 0x00], // the value, left-aligned in the 4-byte field
    ...[0x00, 0x00, 0x00, 0x00], // no next IFD
  ];
  const length = 2 + EXIF_ID.length + tiff.length; // the length field counts itself
  const segment = [0xff, 0xe1, length >> 8, length & 0xff, ...EXIF_ID, ...tiff];
  const out = new Uint8Array(jpeg.length + segment.length);
  out.set(SOI, 0);
  out.set(segment, 2);
  out.set(jpeg.subarray(2), 2 + segment.length);
  return out;
}

// Whether the bytes hold an Exif APP1 payload anywhere ("Exif\0\0").
export function hasExif(bytes: Uint8Array): boolean {
  outer: for (let i = 0; i + EXIF_ID.length <= bytes.length; i += 1) {
    for (let j = 0; j < EXIF_ID.length; j += 1) if (bytes[i + j] !== EXIF_ID[j]) continue outer;
    return true;
  }
  return false;
}
