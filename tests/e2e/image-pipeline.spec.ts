// The photo pipeline of the built app in Chromium: a phone's 15–20 MB, 8000 px photo, a
// photo the camera stored sideways (EXIF orientation 6), a transparent PNG and a small
// photo come out as JPEGs of at most 1600 px with the right pixels where they belong; a
// file the browser cannot decode is refused as 'undecodable', and a file over the size or
// pixel limit as 'tooLarge'. Test images are drawn in
// the page; every outcome is decoded again and its colours sampled.
import { deflateSync } from 'node:zlib';
import { PHOTO_INPUT_MAX_BYTES, PHOTO_INPUT_MAX_PIXELS } from '@/domain/report/photo-policy';
import { hasExif, withExifOrientation } from './support/exif';
import { expect, test } from './support/fixtures';
import {
  near,
  openPipeline,
  pipelineChunkUrl,
  serviceWorkerSource,
  type Point,
  type Rgba,
} from './support/image-pipeline';

const RED = [208, 32, 32];
const GREEN = [32, 160, 64];
const BLUE = [32, 64, 208];
const YELLOW = [224, 192, 32];
const WHITE = [255, 255, 255];
// The centres of the four quadrants: top left, top right, bottom left, bottom right.
const QUADRANTS: Point[] = [
  [0.25, 0.25],
  [0.75, 0.25],
  [0.25, 0.75],
  [0.75, 0.75],
];

function expectColour(actual: Rgba | undefined, expected: readonly number[], where: string) {
  expect(
    near(actual, expected),
    `${where}: rgba(${actual?.join(', ')}) should be about rgb(${expected.join(', ')})`,
  ).toBe(true);
}

function expectQuadrants(pixels: Rgba[], expected: readonly (readonly number[])[], what: string) {
  const names = ['top left', 'top right', 'bottom left', 'bottom right'];
  expected.forEach((colour, i) => expectColour(pixels[i], colour, `${what}, ${names[i]}`));
}

test('the pipeline is a lazy chunk of its own that the service worker precaches', () => {
  const url = pipelineChunkUrl();
  expect(serviceWorkerSource()).toContain(`"${url.replace(/^\//, '')}"`);
});

test.describe('the image pipeline', () => {
  test.beforeEach(async ({ page }) => {
    await openPipeline(page);
  });

  test('a camera-sized (over 15 MB) 8000 × 6000 photo becomes a 1600 × 1200 JPEG and a 320 px thumbnail', async ({
    page,
  }) => {
    test.setTimeout(180_000); // drawing, encoding and decoding 48 megapixels on 2 shared cores
    const { inputSize, outcome } = await page.evaluate(
      async ({ colours, points }) => {
        const helpers = window.pipelineTest!;
        const [width, height] = [8000, 6000];
        // Camera-like detail: flat quadrants, a white disc in the middle, and a layer of
        // fine noise that JPEG cannot compress away (5% opacity: about 20 MB at 98%).
        const tile = new OffscreenCanvas(509, 503);
        const tileData = new ImageData(tile.width, tile.height);
        tileData.data.set(helpers.noise(tileData.data.length, 8));
        for (let i = 3; i < tileData.data.length; i += 4) tileData.data[i] = 255;
        tile.getContext('2d')!.putImageData(tileData, 0, 0);

        const canvas = new OffscreenCanvas(width, height);
        const context = canvas.getContext('2d')!;
        colours.forEach((colour, i) => {
          context.fillStyle = `rgb(${colour.join(',')})`;
          context.fillRect(
            (i % 2) * (width / 2),
            Math.floor(i / 2) * (height / 2),
            width / 2,
            height / 2,
          );
        });
        context.fillStyle = '#ffffff';
        context.beginPath();
        context.arc(width / 2, height / 2, 600, 0, 2 * Math.PI);
        context.fill();
        context.globalAlpha = 0.05;
        for (let y = 0; y < height; y += tile.height)
          for (let x = 0; x < width; x += tile.width) context.drawImage(tile, x, y);
        const jpeg = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.98 });
        canvas.width = canvas.height = 0;

        const file = new File([jpeg], 'IMG_20240510_094100.jpg', { type: 'image/jpeg' });
        return { inputSize: file.size, outcome: await helpers.process(file, points) };
      },
      { colours: [RED, GREEN, BLUE, YELLOW], points: [...QUADRANTS, [0.5, 0.5] as Point] },
    );

    test.info().annotations.push({ type: 'input', description: `${inputSize} bytes` });
    expect(inputSize, 'the input is as large as a phone camera photo').toBeGreaterThanOrEqual(
      15 * 1024 * 1024,
    );
    if (!outcome.ok) throw new Error(`refused: ${outcome.name} ${String(outcome.problem)}`);
    expect([outcome.width, outcome.height]).toEqual([1600, 1200]);
    const { photo, thumb } = outcome;
    expect(photo.type).toBe('image/jpeg');
    expect(photo.head).toBe('ffd8ff');
    expect([photo.width, photo.height]).toEqual([1600, 1200]);
    expect(photo.size).toBeLessThan(inputSize / 4);
    expectQuadrants(photo.pixels, [RED, GREEN, BLUE, YELLOW], 'photo');
    expectColour(photo.pixels[4], WHITE, 'photo, the disc in the middle');

    expect(thumb.type).toBe('image/jpeg');
    expect(thumb.head).toBe('ffd8ff');
    expect([thumb.width, thumb.height]).toEqual([320, 240]);
    expectQuadrants(thumb.pixels, [RED, GREEN, BLUE, YELLOW], 'thumbnail');
    expectColour(thumb.pixels[4], WHITE, 'thumbnail, the disc in the middle');
  });

  test('a photo stored sideways with EXIF orientation 6 comes out upright, metadata stripped', async ({
    page,
  }) => {
    // Stored 400 × 200: red top left, blue top right, green bottom left, yellow bottom
    // right. Turned 90° clockwise (200 × 400): green top left, red top right, yellow
    // bottom left, blue bottom right; the left half (red, green) ends up on top.
    const stored = await page.evaluate(
      async (colours) => {
        const canvas = new OffscreenCanvas(400, 200);
        const context = canvas.getContext('2d')!;
        colours.forEach((colour, i) => {
          context.fillStyle = `rgb(${colour.join(',')})`;
          context.fillRect((i % 2) * 200, Math.floor(i / 2) * 100, 200, 100);
        });
        const jpeg = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.95 });
        return window.pipelineTest!.bytes(jpeg);
      },
      [RED, BLUE, GREEN, YELLOW],
    );
    const tagged = withExifOrientation(Uint8Array.from(stored), 6);
    expect(hasExif(tagged)).toBe(true);

    const { input, outcome } = await page.evaluate(
      async ({ bytes, points }) => {
        const helpers = window.pipelineTest!;
        const file = new File([Uint8Array.from(bytes)], 'IMG_0006.jpg', { type: 'image/jpeg' });
        // The browser itself reads the tag: the test image is what a camera makes.
        const input = await helpers.inspect(file, []);
        return { input, outcome: await helpers.process(file, points, true) };
      },
      { bytes: Array.from(tagged), points: QUADRANTS },
    );

    expect([input.width, input.height], 'the browser shows the input upright').toEqual([200, 400]);
    if (!outcome.ok) throw new Error(`refused: ${outcome.name} ${String(outcome.problem)}`);
    expect([outcome.width, outcome.height]).toEqual([200, 400]);
    const { photo, thumb } = outcome;
    expect(photo.type).toBe('image/jpeg');
    expect(photo.head).toBe('ffd8ff');
    expect([photo.width, photo.height]).toEqual([200, 400]);
    expectQuadrants(photo.pixels, [GREEN, RED, YELLOW, BLUE], 'photo');
    expect(hasExif(Uint8Array.from(photo.bytes!)), 'the output has no Exif segment').toBe(false);
    expect([thumb.width, thumb.height]).toEqual([160, 320]);
    expectQuadrants(thumb.pixels, [GREEN, RED, YELLOW, BLUE], 'thumbnail');
  });

  test('a 2000 × 1000 PNG with transparency becomes a 1600 × 800 JPEG on white', async ({
    page,
  }) => {
    // Left half opaque green; right half transparent on top, half-transparent black below.
    const outcome = await page.evaluate(
      async ({ green, points }) => {
        const canvas = new OffscreenCanvas(2000, 1000);
        const context = canvas.getContext('2d')!;
        context.fillStyle = `rgb(${green.join(',')})`;
        context.fillRect(0, 0, 1000, 1000);
        context.fillStyle = 'rgba(0, 0, 0, 0.5)';
        context.fillRect(1000, 500, 1000, 500);
        const png = await canvas.convertToBlob({ type: 'image/png' });
        const file = new File([png], 'so-do.png', { type: 'image/png' });
        return window.pipelineTest!.process(file, points);
      },
      {
        green: GREEN,
        points: [
          [0.25, 0.5],
          [0.75, 0.25],
          [0.75, 0.75],
        ] as Point[],
      },
    );

    if (!outcome.ok) throw new Error(`refused: ${outcome.name} ${String(outcome.problem)}`);
    expect([outcome.width, outcome.height]).toEqual([1600, 800]);
    for (const [what, image] of [
      ['photo', outcome.photo],
      ['thumbnail', outcome.thumb],
    ] as const) {
      expect(image.type).toBe('image/jpeg');
      expect(image.head).toBe('ffd8ff');
      expectColour(image.pixels[0], GREEN, `${what}, the opaque half`);
      expectColour(image.pixels[1], WHITE, `${what}, the transparent quarter`);
      expectColour(image.pixels[2], [128, 128, 128], `${what}, half-transparent black`);
    }
    expect([outcome.photo.width, outcome.photo.height]).toEqual([1600, 800]);
    expect([outcome.thumb.width, outcome.thumb.height]).toEqual([320, 160]);
  });

  test('an 800 × 600 photo is not enlarged', async ({ page }) => {
    const outcome = await page.evaluate(
      async ({ colours, points }) => {
        const canvas = new OffscreenCanvas(800, 600);
        const context = canvas.getContext('2d')!;
        colours.forEach((colour, i) => {
          context.fillStyle = `rgb(${colour.join(',')})`;
          context.fillRect((i % 2) * 400, Math.floor(i / 2) * 300, 400, 300);
        });
        const jpeg = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
        const file = new File([jpeg], 'small.jpg', { type: 'image/jpeg' });
        return window.pipelineTest!.process(file, points);
      },
      { colours: [RED, GREEN, BLUE, YELLOW], points: QUADRANTS },
    );

    if (!outcome.ok) throw new Error(`refused: ${outcome.name} ${String(outcome.problem)}`);
    expect([outcome.width, outcome.height]).toEqual([800, 600]);
    expect(outcome.photo.type).toBe('image/jpeg');
    expect(outcome.photo.head).toBe('ffd8ff');
    expect([outcome.photo.width, outcome.photo.height]).toEqual([800, 600]);
    expectQuadrants(outcome.photo.pixels, [RED, GREEN, BLUE, YELLOW], 'photo');
    expect([outcome.thumb.width, outcome.thumb.height]).toEqual([320, 240]);
    expectQuadrants(outcome.thumb.pixels, [RED, GREEN, BLUE, YELLOW], 'thumbnail');
  });

  for (const kind of ['random bytes', 'the first 1 KB of a JPEG', 'an empty file'] as const) {
    test(`${kind} named photo.jpg is refused as undecodable`, async ({ page }) => {
      const outcome = await page.evaluate(async (kind) => {
        const helpers = window.pipelineTest!;
        let bytes: Uint8Array<ArrayBuffer>;
        if (kind === 'random bytes') {
          bytes = new Uint8Array(helpers.noise(64 * 1024, 3));
        } else if (kind === 'an empty file') {
          bytes = new Uint8Array(0);
        } else {
          const canvas = new OffscreenCanvas(800, 600);
          const data = new ImageData(800, 600);
          data.data.set(helpers.noise(data.data.length, 5));
          canvas.getContext('2d')!.putImageData(data, 0, 0);
          const jpeg = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
          if (jpeg.size < 64 * 1024) throw new Error(`the whole JPEG is only ${jpeg.size} bytes`);
          bytes = new Uint8Array(await jpeg.slice(0, 1024).arrayBuffer());
        }
        const file = new File([bytes], 'photo.jpg', { type: 'image/jpeg' });
        return helpers.process(file, [[0.5, 0.5]]);
      }, kind);

      expect(outcome).toMatchObject({
        ok: false,
        name: 'PhotoProcessingError',
        problem: 'undecodable',
        isPhotoProcessingError: true,
      });
    });
  }
  test('a file over the byte limit is refused as tooLarge before it is decoded', async ({
    page,
  }) => {
    const outcome = await page.evaluate(async (size) => {
      const file = new File([new Uint8Array(size)], 'IMG_0001.jpg', { type: 'image/jpeg' });
      return window.pipelineTest!.process(file, [[0.5, 0.5]]);
    }, PHOTO_INPUT_MAX_BYTES + 1);
    expect(outcome).toMatchObject({ ok: false, problem: 'tooLarge' });
  });

  test('a PNG over the pixel limit (10,050 × 10,000) is refused as tooLarge', async ({ page }) => {
    const [width, height] = [10_050, 10_000];
    expect(width * height).toBeGreaterThan(PHOTO_INPUT_MAX_PIXELS);
    const png = grayPng(width, height);
    expect(png.length).toBeLessThan(PHOTO_INPUT_MAX_BYTES); // refused for its pixels, not bytes
    const outcome = await page.evaluate(async (base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const file = new File([bytes], 'scan.png', { type: 'image/png' });
      return window.pipelineTest!.process(file, [[0.5, 0.5]]);
    }, png.toString('base64'));
    expect(outcome).toMatchObject({ ok: false, problem: 'tooLarge' });
  });
});

// A black 8-bit greyscale PNG of any size: a few hundred KB, however many pixels.
function grayPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8 bits, greyscale, deflate, no filter, no interlace
  // Every row: filter byte 0 and `width` zero bytes.
  const pixels = deflateSync(Buffer.alloc((width + 1) * height), { level: 9 });
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit += 1) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}
