/** Unit conversions the exporters share: everything leaves in base units. */

/** 0–100 % → ratio 0–1. */
export const ratio = (percent: number | undefined): number | undefined =>
  percent === undefined ? undefined : percent / 100;

export const mhzToHz = (mhz: number | undefined): number | undefined =>
  mhz === undefined ? undefined : mhz * 1e6;

export const msToS = (ms: number | undefined): number | undefined =>
  ms === undefined ? undefined : ms / 1000;
