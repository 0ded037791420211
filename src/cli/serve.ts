/** `nmetrics serve`: the HTTP server (src/cli/serve/server.ts) over a Poller of the local machine. */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findPackageRoot } from '../core/native';
import { SECTIONS } from '../shared/sections';
import {
  boolFlag,
  durationFlag,
  intFlag,
  parseCommandArgs,
  sectionsFlag,
  stringFlag,
  UsageError,
  type FlagSpec,
} from './args';
import { openPoller } from './engine';
import { closePoller } from './shutdown';
import { HISTORY_FLAGS, openCliHistory } from './history-dir';
import type { CliIo, Command } from './io';
import { createEngineBackend } from './serve/engine-backend';
import { isLoopbackHost, tokenProblem } from './serve/http-util';
import { openReplay, parseSpeed } from './serve/replay-source';
import { createMetricsServer } from './serve/server';
import { startStreaming, type Streaming, type StreamingOptions } from './serve/streaming';
import { defaultUiDir } from './serve/static-files';

export const SERVE_FLAGS: readonly FlagSpec[] = [
  { name: 'host', value: 'ADDR', description: 'address to listen on (default 127.0.0.1)' },
  { name: 'port', short: 'p', value: 'N', description: 'port (default 9101; 0 picks a free one)' },
  {
    name: 'token',
    value: 'T',
    description:
      'require this bearer token (≥ 16 visible ASCII characters); generated when --host is not loopback. Prefer env NMETRICS_TOKEN: arguments are visible to every user in `ps`',
  },
  { name: 'interval', short: 'i', value: 'DURATION', description: 'time between samples (default 1s)' },
  { name: 'sections', value: 'a,b', description: 'only these sections (default all)' },
  { name: 'top-processes', value: 'N', description: 'processes on /metrics, busiest first (default 10)' },
  { name: 'max-streams', value: 'N', description: 'concurrent live streams per transport (default 32)' },
  {
    name: 'grpc-port',
    value: 'N',
    description: 'also serve gRPC (darwinmetrics.v1) on this port; 0 picks one',
  },
  { name: 'ui', description: 'also serve the dashboard (the built renderer) at /' },
  ...HISTORY_FLAGS,
  {
    name: 'replay',
    value: 'FILE',
    description: 'play a recording (`nmetrics record --out FILE.jsonl`) instead of sampling this machine',
  },
  {
    name: 'speed',
    value: 'N',
    description: 'with --replay: playback speed (default 1; 10 = ten times faster)',
  },
];
const USAGE =
  'nmetrics serve [--host 127.0.0.1] [--port 9101] [--token T] [--interval 1s] [--grpc-port N] [--ui] [--root DIR] [--data-dir DIR | --no-history] [--history-days N] [--replay FILE.jsonl [--speed N]]';
const SUMMARY =
  'Serves GET /metrics (Prometheus text, or OpenMetrics by Accept header), /api/snapshot, /healthz, the live web API and the WebSocket stream /api/ws; with --grpc-port, the gRPC service; with --ui, the dashboard. Binds to loopback unless given a token.';

/**
 * The token a server on `host` uses: the one given (at least 16 characters), none on loopback, or a
 * fresh random one (192 bits) for any other address, which serve then prints.
 */
export function resolveToken(
  host: string,
  given: string | undefined,
  source = '--token',
): { token?: string; generated: boolean } {
  if (given !== undefined) {
    const problem = tokenProblem(given);
    if (problem !== undefined) throw new UsageError(`${source}: ${problem}`);
    return { token: given, generated: false };
  }
  if (isLoopbackHost(host)) return { generated: false };
  return { token: randomBytes(24).toString('base64url'), generated: true };
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Prometheus endpoint, JSON snapshot and web dashboard API',
  usage: USAGE,
  async run(argv, io: CliIo) {
    const args = parseCommandArgs(argv, SERVE_FLAGS, { usage: USAGE, summary: SUMMARY }, io.stdout);
    if (!args) return 0;
    const host = stringFlag(args, 'host') ?? '127.0.0.1';
    const port = intFlag(args, 'port', 9101, 0, 65535);
    const intervalMs = durationFlag(args, 'interval', 1000);
    const sections = sectionsFlag(args) ?? [...SECTIONS];
    const flagToken = stringFlag(args, 'token');
    const { token, generated } =
      flagToken !== undefined
        ? resolveToken(host, flagToken)
        : resolveToken(host, io.env.NMETRICS_TOKEN, 'NMETRICS_TOKEN');
    let uiDir: string | undefined;
    if (boolFlag(args, 'ui')) {
      const root = findPackageRoot(dirname(fileURLToPath(import.meta.url)));
      uiDir = root === undefined ? undefined : defaultUiDir(root);
      if (uiDir === undefined || !existsSync(resolve(uiDir, 'index.html'))) {
        io.stderr.write(
          `nmetrics serve: --ui needs the built dashboard (${uiDir ?? 'dist/renderer'}); run \`npm run build\` first\n`,
        );
        return 1;
      }
    }

    const grpcPort = args.flags.has('grpc-port') ? intFlag(args, 'grpc-port', 0, 0, 65535) : undefined;
    const maxStreams = intFlag(args, 'max-streams', 32, 1, 10_000);

    const replayPath = stringFlag(args, 'replay');
    if (replayPath === undefined && stringFlag(args, 'speed') !== undefined)
      throw new UsageError('--speed: only with --replay FILE');
    for (const name of ['root', 'interval'])
      if (replayPath !== undefined && stringFlag(args, name) !== undefined)
        throw new UsageError(`--${name}: not with --replay (the recording decides what and when)`);
    const replay =
      replayPath === undefined ? undefined : openReplay(replayPath, parseSpeed(stringFlag(args, 'speed')));
    // A replay plays through its own in-memory history; it never writes this machine's history folder.
    if (replay !== undefined && (args.flags.has('data-dir') || args.flags.has('history-days')))
      throw new UsageError(
        '--data-dir, --history-days: not with --replay (the recording has its own history)',
      );
    const opened =
      replay === undefined
        ? await openCliHistory(args, io, 'nmetrics serve')
        : { history: undefined, days: undefined };
    if (opened === undefined) return 1;
    const poller = replay?.poller ?? openPoller(args, io, intervalMs);
    const backend = createEngineBackend({
      poller,
      sections,
      hasToken: token !== undefined,
      ...(replay === undefined
        ? {
            history: opened.history ?? null,
            ...(opened.days === undefined ? {} : { historyDays: opened.days }),
          }
        : { history: replay.history, historyDays: replay.historyDays, replay }),
    });
    const server = createMetricsServer({
      backend,
      host,
      port,
      ...(token === undefined ? {} : { token }),
      ...(uiDir === undefined ? {} : { uiDir }),
      topProcesses: intFlag(args, 'top-processes', 10, 0, 1000),
      maxStreams,
    });
    let streaming: Streaming | undefined;
    try {
      const addr = await server.listen();
      streaming = await startStreamingOrSay(io, {
        httpServer: server.server,
        poller,
        backend,
        host,
        maxStreams,
        ...(token === undefined ? {} : { token }),
        ...(grpcPort === undefined ? {} : { grpcPort }),
      });
      if (streaming === undefined) return 1;
      const shown = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
      const base = `http://${shown}:${addr.port}`;
      if (replay !== undefined) {
        const { hostname, fromMs, toMs, samples, speed } = replay.info();
        io.stdout.write(
          `nmetrics serve: replaying ${replayPath} (${samples} samples of ${hostname}, ${new Date(fromMs).toISOString()} to ${new Date(toMs).toISOString()}) at ${speed}x\n`,
        );
      }
      io.stdout.write(
        `nmetrics serve: listening on ${base} (metrics at ${base}/metrics${uiDir ? `, dashboard at ${base}/` : ''})\n`,
      );
      if (streaming.grpc !== undefined)
        io.stdout.write(
          `nmetrics serve: gRPC on ${shown}:${streaming.grpc.port} (darwinmetrics.v1.MetricsService)\n`,
        );
      if (generated)
        io.stdout.write(
          `nmetrics serve: token (send as "Authorization: Bearer <token>" or ?token=): ${token}\n`,
        );
      await new Promise<void>((resolveStop) => {
        if (io.signal.aborted) return resolveStop();
        io.signal.addEventListener('abort', () => resolveStop(), { once: true });
      });
      return 0;
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      io.stderr.write(
        `nmetrics serve: cannot listen on ${host}:${port}: ${err.code === 'EADDRINUSE' ? 'the port is in use' : err.message}\n`,
      );
      return 1;
    } finally {
      await streaming?.close();
      await server.close();
      backend.close();
      await closePoller(poller, io);
      await opened.history?.close();
    }
  },
};

/** Starts the streaming transports; a gRPC port that cannot be bound is reported and gives undefined. */
async function startStreamingOrSay(io: CliIo, options: StreamingOptions): Promise<Streaming | undefined> {
  try {
    return await startStreaming(options);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    io.stderr.write(
      `nmetrics serve: cannot serve gRPC on ${options.host}:${options.grpcPort}: ${/EADDRINUSE|address already in use/i.test(message) ? 'the port is in use' : message}\n`,
    );
    return undefined;
  }
}
