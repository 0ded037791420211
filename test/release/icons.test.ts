// The committed icons are what `npm run icons` renders from assets/icons/*.svg, at the sizes the
// app and installers need; tray icons are template images (black with alpha only); the .icns holds
// one PNG of the right size per entry.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { ICNS_TYPES, readIcns, writeIcns } from '../../scripts/icons/icns.mjs';
import {
  HICOLOR_SIZES,
  ICNS_OUTPUT,
  PNG_OUTPUTS,
  TRAY_SIZES,
  renderIcons,
} from '../../scripts/icons/render.mjs';

const root = join(import.meta.dirname, '..', '..');
const read = (path: string): Buffer => readFileSync(join(root, path));
const png = (data: Buffer): PNG => PNG.sync.read(data);

describe('icons', () => {
  const fresh = mkdtempSync(join(tmpdir(), 'dm-icons-'));
  afterAll(() => rmSync(fresh, { recursive: true, force: true }));
  const written = renderIcons(root, fresh);

  it('committed files equal a fresh render of the SVG sources', () => {
    expect(written).toContain(ICNS_OUTPUT);
    for (const path of written) expect(read(path).equals(readFileSync(join(fresh, path))), path).toBe(true);
  });

  it('tray icons are 16 and 32 px, named …Template, black with alpha only', () => {
    expect(Object.values(TRAY_SIZES)).toEqual([16, 32]);
    for (const [path, size] of Object.entries(TRAY_SIZES)) {
      expect(path).toMatch(/Template(@2x)?\.png$/);
      const image = png(read(path));
      expect([image.width, image.height]).toEqual([size, size]);
      let opaque = 0;
      for (let i = 0; i < image.data.length; i += 4) {
        expect([image.data[i], image.data[i + 1], image.data[i + 2]], `${path} pixel ${i / 4}`).toEqual([
          0, 0, 0,
        ]);
        if (image.data[i + 3]! > 0) opaque++;
      }
      // Something is drawn, and it is not a filled square.
      expect(opaque).toBeGreaterThan(size);
      expect(opaque).toBeLessThan(size * size);
    }
  });

  it('every PNG has its declared width, and square icons are square', () => {
    for (const { path, width } of PNG_OUTPUTS) {
      const image = png(read(path));
      expect(image.width, path).toBe(width);
      if (!path.includes('dmg-background')) expect(image.height, path).toBe(width);
    }
    expect(png(read('assets/app/dmg-background@2x.png')).height).toBe(760);
  });

  it('the Linux hicolor set has the spec’s 48 px and the usual sizes up to 512', () => {
    expect(HICOLOR_SIZES).toContain(48);
    for (const n of HICOLOR_SIZES) expect(png(read(`assets/app/icons/${n}x${n}.png`)).width).toBe(n);
  });

  it('the .icns holds one PNG per type, each at its size, 16 to 1024 px', () => {
    const entries = readIcns(read(ICNS_OUTPUT));
    expect(entries.map((e) => e.type)).toEqual(Object.keys(ICNS_TYPES));
    for (const { type, data } of entries) {
      const image = png(data);
      expect([image.width, image.height], type).toEqual([ICNS_TYPES[type], ICNS_TYPES[type]]);
    }
  });

  it('the .icns writer refuses a wrong size or an unknown type, and the reader a bad file', () => {
    const sixteen = read('assets/app/icons/16x16.png');
    expect(() => writeIcns([{ type: 'ic07', png: sixteen }])).toThrow(/ic07 needs a 128×128 PNG, got 16×16/);
    expect(() => writeIcns([{ type: 'zzzz', png: sixteen }])).toThrow(/unknown entry type/);
    expect(() => writeIcns([{ type: 'icp4', png: Buffer.from('not a png') }])).toThrow(/not a PNG/);
    const good = writeIcns([{ type: 'icp4', png: sixteen }]);
    expect(readIcns(good)).toHaveLength(1);
    expect(() => readIcns(good.subarray(0, good.length - 1))).toThrow(/header length/);
    const overrun = Buffer.from(good);
    overrun.writeUInt32BE(good.length, 12);
    expect(() => readIcns(overrun)).toThrow(/overruns/);
  });
});
