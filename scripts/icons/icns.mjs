// A minimal Apple Icon Image (.icns) writer and reader for PNG-payload entries.
//
// The format (Wikipedia, "Apple Icon Image format", https://en.wikipedia.org/wiki/Apple_Icon_Image_format;
// Apple's iconutil(1) produces the same layout): a header of the magic "icns" and the file length
// (big-endian u32, header included), then entries of a 4-byte OSType, a big-endian u32 length that
// includes the entry's own 8-byte header, and the data. Since OS X 10.7 every type below holds a
// PNG; the "@2x" types (ic11–ic14, ic10) are the Retina renditions of the size one step down.

/** OSType → pixel size of its PNG (Wikipedia's table, "Icon types"). */
export const ICNS_TYPES = Object.freeze({
  icp4: 16,
  icp5: 32,
  ic11: 32, // 16@2x
  ic12: 64, // 32@2x
  ic07: 128,
  ic13: 256, // 128@2x
  ic08: 256,
  ic14: 512, // 256@2x
  ic09: 512,
  ic10: 1024, // 512@2x
});

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** PNG width and height from its IHDR chunk (PNG spec §11.2.2: the first chunk, at byte 8). */
export function pngSize(png) {
  if (
    png.length < 24 ||
    !png.subarray(0, 8).equals(PNG_SIGNATURE) ||
    png.toString('latin1', 12, 16) !== 'IHDR'
  ) {
    throw new Error('icns: entry data is not a PNG');
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/**
 * Builds an .icns file from `entries` ({ type, png }). Each type must be one of ICNS_TYPES and its
 * PNG must be that type's size, so a wrong rendition cannot slip into the app bundle.
 */
export function writeIcns(entries) {
  const parts = [];
  for (const { type, png } of entries) {
    const size = ICNS_TYPES[type];
    if (size === undefined) throw new Error(`icns: unknown entry type ${JSON.stringify(type)}`);
    const { width, height } = pngSize(png);
    if (width !== size || height !== size) {
      throw new Error(`icns: ${type} needs a ${size}×${size} PNG, got ${width}×${height}`);
    }
    const header = Buffer.alloc(8);
    header.write(type, 0, 'latin1');
    header.writeUInt32BE(png.length + 8, 4);
    parts.push(header, png);
  }
  const body = Buffer.concat(parts);
  const header = Buffer.alloc(8);
  header.write('icns', 0, 'latin1');
  header.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([header, body]);
}

/** Splits an .icns file into its entries; throws on a bad magic or a length that does not fit. */
export function readIcns(file) {
  if (file.length < 8 || file.toString('latin1', 0, 4) !== 'icns') throw new Error('icns: bad magic');
  if (file.readUInt32BE(4) !== file.length) throw new Error('icns: header length does not match the file');
  const entries = [];
  for (let at = 8; at < file.length;) {
    if (at + 8 > file.length) throw new Error(`icns: truncated entry header at byte ${at}`);
    const type = file.toString('latin1', at, at + 4);
    const length = file.readUInt32BE(at + 4);
    if (length < 8 || at + length > file.length) throw new Error(`icns: entry ${type} overruns the file`);
    entries.push({ type, data: file.subarray(at + 8, at + length) });
    at += length;
  }
  return entries;
}
