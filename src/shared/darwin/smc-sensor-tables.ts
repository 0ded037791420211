/**
 * SMC temperature key tables per Apple Silicon chip family, kept as data. Key names change with
 * every chip (M1 Tp01…, M3 Tf04/Te05…, M4 Tg0G vs Tg1U), so a table names the cores it knows and
 * everything else falls back to the prefix rules of smc-sensors.ts. Sources: the public key lists
 * that monitors such as Stats (exelban/stats) publish per chip, checked against the key sets of the
 * public dumps in https://github.com/dkorunic/iSMC (internal/reports) and
 * https://github.com/acidanthera/VirtualSMC (Docs/SMCDumps) (facts only; no code was taken).
 */

export interface ChipSensorTable {
  /** Chip family as it starts machdep.cpu.brand_string ("Apple M1", "Apple M3 Pro" → "M3"). */
  readonly family: string;
  readonly efficiencyCores: readonly string[];
  readonly performanceCores: readonly string[];
  readonly gpu: readonly string[];
}

export const CHIP_SENSOR_TABLES: readonly ChipSensorTable[] = [
  {
    family: 'M1',
    efficiencyCores: ['Tp09', 'Tp0T'],
    performanceCores: ['Tp01', 'Tp05', 'Tp0D', 'Tp0H', 'Tp0L', 'Tp0P', 'Tp0X', 'Tp0b'],
    gpu: ['Tg05', 'Tg0D', 'Tg0L', 'Tg0T'],
  },
  {
    family: 'M2',
    efficiencyCores: ['Tp1h', 'Tp1t', 'Tp1p', 'Tp1l'],
    performanceCores: ['Tp01', 'Tp05', 'Tp09', 'Tp0D', 'Tp0X', 'Tp0b', 'Tp0f', 'Tp0j'],
    gpu: ['Tg0f', 'Tg0j'],
  },
  {
    family: 'M3',
    efficiencyCores: ['Te05', 'Te0L', 'Te0P', 'Te0S'],
    performanceCores: [
      'Tf04',
      'Tf09',
      'Tf0A',
      'Tf0B',
      'Tf0D',
      'Tf0E',
      'Tf44',
      'Tf49',
      'Tf4A',
      'Tf4B',
      'Tf4D',
      'Tf4E',
    ],
    gpu: ['Tf14', 'Tf18', 'Tf19', 'Tf1A', 'Tf24', 'Tf28', 'Tf29', 'Tf2A'],
  },
  {
    family: 'M4',
    efficiencyCores: ['Te05', 'Te0S', 'Te09', 'Te0H'],
    performanceCores: ['Tp01', 'Tp05', 'Tp09', 'Tp0D', 'Tp0V', 'Tp0Y', 'Tp0b', 'Tp0e'],
    gpu: ['Tg0G', 'Tg0H', 'Tg1U', 'Tg1k', 'Tg0K', 'Tg0L', 'Tg0d', 'Tg0e', 'Tg0j', 'Tg0k'],
  },
];

/** Well-known single keys with a fixed meaning across models (Intel and Apple Silicon). */
export const NAMED_SMC_SENSORS: Readonly<Record<string, { readonly label: string; readonly group: string }>> =
  {
    TB0T: { label: 'Battery', group: 'battery' },
    TB1T: { label: 'Battery cell 1', group: 'battery' },
    TB2T: { label: 'Battery cell 2', group: 'battery' },
    TC0P: { label: 'CPU proximity', group: 'cpu' },
    TC0D: { label: 'CPU die', group: 'cpu' },
    TC0E: { label: 'CPU die (filtered)', group: 'cpu' },
    TC0F: { label: 'CPU die (filtered, adjusted)', group: 'cpu' },
    TCXC: { label: 'CPU PECI', group: 'cpu' },
    TG0D: { label: 'GPU die', group: 'gpu' },
    TG0P: { label: 'GPU proximity', group: 'gpu' },
    TA0P: { label: 'Ambient', group: 'ambient' },
    TH0P: { label: 'Drive proximity', group: 'storage' },
    TH0x: { label: 'NAND', group: 'storage' },
    TW0P: { label: 'Wi-Fi proximity', group: 'other' },
    TM0P: { label: 'Memory proximity', group: 'soc' },
    TPCD: { label: 'Platform controller hub die', group: 'soc' },
  };

/** The table whose family starts the brand string ("Apple M4 Pro" → M4), if any. */
export function chipSensorTable(brand: string | undefined): ChipSensorTable | undefined {
  const m = /\bM(\d+)\b/.exec(brand ?? '');
  if (!m) return undefined;
  return CHIP_SENSOR_TABLES.find((t) => t.family === `M${m[1]}`);
}
