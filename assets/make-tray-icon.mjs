#!/usr/bin/env node
// Draws the tray template icon (three rising bars, a bar chart) as PNGs: trayTemplate.png (18×18)
// and trayTemplate@2x.png (36×36). macOS tints "Template" images for light/dark menu bars, so the
// pixels are black with alpha only (NSImage isTemplate; Electron docs, nativeImage "Template Image").
// Run: node assets/make-tray-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** RGBA PNG of size×size; bars given in 18-unit coordinates, scaled. */
function icon(size) {
  const s = size / 18;
  // [x, width, top] of each bar; all end at y = 15 (a 3-unit margin for the menu bar's baseline).
  const bars = [
    [2, 4, 9],
    [7, 4, 5],
    [12, 4, 2],
  ];
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const ux = (x + 0.5) / s;
      const uy = (y + 0.5) / s;
      const on = bars.some(([bx, bw, top]) => ux >= bx && ux < bx + bw && uy >= top && uy < 16);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o + 3] = on ? 255 : 0; // RGB stay 0 (black)
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const dir = new URL('.', import.meta.url);
writeFileSync(new URL('trayTemplate.png', dir), icon(18));
writeFileSync(new URL('trayTemplate@2x.png', dir), icon(36));
