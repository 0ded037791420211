/** Opens the engine for a command: a Sampler (with --root), and a Poller over it when sampling repeatedly. */
import { createPoller, type Poller } from '../core/poller';
import { createSampler, type Sampler } from '../core/sampler';
import { SECTIONS } from '../shared/sections';
import { stringFlag, type ParsedArgs } from './args';
import type { CliIo } from './io';

export function openSampler(args: ParsedArgs): Sampler {
  const root = stringFlag(args, 'root');
  return createSampler(root === undefined ? {} : { root });
}

/**
 * A poller that owns its sampler and stops with the command's signal; read errors go to stderr.
 * With `everySection`, every section is read on every tick (record and push write what each row
 * claims to be at its time); otherwise the poller's cheaper defaults apply (processes every 2 s,
 * disks every 10 s, host every minute, carried between reads).
 */
export function openPoller(
  args: ParsedArgs,
  io: CliIo,
  intervalMs: number,
  signal: AbortSignal = io.signal,
  everySection = false,
): Poller {
  return createPoller({
    source: openSampler(args),
    intervalMs,
    ...(everySection ? { sectionIntervalsMs: Object.fromEntries(SECTIONS.map((s) => [s, intervalMs])) } : {}),
    ownsSource: true,
    signal,
    onError: (error, kind) =>
      io.stderr.write(`nmetrics: ${kind} error: ${error instanceof Error ? error.message : String(error)}\n`),
  });
}
