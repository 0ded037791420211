/**
 * The app's answer to every invoke channel. Engine-level channels go to the metrics service shared
 * with `nmetrics serve`; demand is kept per window (the renderer that asked); settings go through the
 * settings controller (saved before applied); windows and exports are the shell's own.
 */
import type { MetricsService } from '../../core/service';
import type { ExportOptions, ExportResult } from '../../shared/ipc';
import type { Sample } from '../../shared/sample';
import type { SectionName } from '../../shared/sections';
import { IpcRejection, type InvokeHandlers } from './dispatch';
import type { SettingsController } from '../settings';

export interface HandlerDeps {
  readonly service: Pick<MetricsService, 'invoke'>;
  /** The newest sample as the app pushed it (with the OS thermal state filled in). */
  readonly latest: () => Sample | undefined;
  readonly setDemand: (webContentsId: number, sections: readonly SectionName[]) => void;
  readonly settings: SettingsController;
  readonly runExport: (options: ExportOptions, webContentsId: number) => Promise<ExportResult>;
  readonly openDashboard: () => Promise<void>;
  readonly openSettings: () => void;
  /** Opens a recording in its own window: a dropped file's path, or null for the open dialog. */
  readonly openRecording: (path: string | null, webContentsId: number) => Promise<void>;
}

export function createHandlers(deps: HandlerDeps): InvokeHandlers {
  return {
    'app:getCapabilities': () => deps.service.invoke('app:getCapabilities', []),
    'metrics:getLatest': () => deps.latest() ?? null,
    'metrics:setDemand': (ctx, sections) => deps.setDemand(ctx.webContentsId, sections),
    'history:listSeries': () => deps.service.invoke('history:listSeries', []),
    'history:query': (_ctx, query) => deps.service.invoke('history:query', [query]),
    'export:run': (ctx, options) => deps.runExport(options, ctx.webContentsId),
    'settings:get': () => deps.settings.current(),
    'settings:set': (_ctx, patch) => deps.settings.update(patch),
    'app:openDashboard': () => deps.openDashboard(),
    'app:openSettings': () => deps.openSettings(),
    'replay:open': (ctx, path) => deps.openRecording(path, ctx.webContentsId),
    // Replay windows are answered by their own engine (src/main/replay/routing.ts); this is any other.
    'replay:control': () => {
      throw new IpcRejection('replay:control: this window shows live data, not a recording');
    },
  };
}
