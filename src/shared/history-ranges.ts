/** The history ranges the dashboard, the web API and the engine agree on. */

/** The time ranges the dashboard offers. */
export const HISTORY_RANGES = ['1m', '5m', '15m', '1h', '24h', '7d', '30d', '90d', '1y'] as const;
export type HistoryRange = (typeof HISTORY_RANGES)[number];

export const HISTORY_RANGE_MS: Readonly<Record<HistoryRange, number>> = {
  '1m': 60_000,
  '5m': 300_000,
  '15m': 900_000,
  '1h': 3_600_000,
  '24h': 86_400_000,
  '7d': 604_800_000,
  '30d': 2_592_000_000,
  '90d': 7_776_000_000,
  // 365 days: the tiers keep whole days (core/history/tier.ts tiersForDays).
  '1y': 31_536_000_000,
};
