// Types for render.mjs (plain JavaScript so that `npm run icons` runs without a build step).
export declare const HICOLOR_SIZES: readonly number[];
export declare const TRAY_SIZES: Readonly<Record<string, number>>;
export declare const PNG_OUTPUTS: readonly { path: string; source: string; width: number }[];
export declare const ICNS_OUTPUT: string;
export declare function renderIcons(root: string, outRoot?: string): string[];
