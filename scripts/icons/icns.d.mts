// Types for icns.mjs (plain JavaScript so that `npm run icons` runs without a build step).
export declare const ICNS_TYPES: Readonly<Record<string, number>>;
export declare function pngSize(png: Buffer): { width: number; height: number };
export declare function writeIcns(entries: readonly { type: string; png: Buffer }[]): Buffer;
export declare function readIcns(file: Buffer): { type: string; data: Buffer }[];
