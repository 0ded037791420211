// Types for dts-specifiers.mjs (plain JavaScript, run by scripts/build.mjs).
export declare function addJsExtensions(dir: string): number;
