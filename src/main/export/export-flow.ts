/**
 * CSV/JSONL export as the user sees it: the save dialog, the engine's exporter streaming into a temp
 * file (file-export.ts), progress while it runs, a notification when it is done, and a dialog for
 * an error, which is also returned to the page that asked. One export at a time.
 */
import type { SaveDialogOptions } from 'electron';
import { basename, join } from 'node:path';
import { historyPiecesExport, pieceProgress } from '../../core/export';
import type { History } from '../../core/history';
import type { ExportOptions, ExportResult } from '../../shared/ipc';
import type { Notice } from '../engine';
import { exportToFile } from './file-export';

export interface ExportFlowDeps {
  /** dialog.showSaveDialog bound to a parent window where there is one. */
  readonly showSaveDialog: (options: SaveDialogOptions) => Promise<{ canceled: boolean; filePath?: string }>;
  readonly history: () => Pick<History, 'queryChunks'>;
  readonly downloadsDir: string;
  readonly notify: (notice: Notice) => void;
  readonly showError: (title: string, message: string) => void;
  /** 0…1 while running, undefined when finished. */
  readonly onProgress: (fraction: number | undefined) => void;
}

export function createExportFlow(deps: ExportFlowDeps): (options: ExportOptions) => Promise<ExportResult> {
  let running = false;
  return async (options) => {
    if (running) throw new Error('export: an export is already running');
    running = true;
    try {
      const result = await exportToFile(options, {
        chooseFile: async (name, format) => {
          const r = await deps.showSaveDialog({
            title: 'Export metrics',
            defaultPath: join(deps.downloadsDir, name),
            filters: [
              format === 'csv'
                ? { name: 'CSV (comma-separated values)', extensions: ['csv'] }
                : { name: 'JSON Lines', extensions: ['jsonl'] },
            ],
            properties: ['createDirectory', 'showOverwriteConfirmation'],
          });
          return r.canceled || !r.filePath ? undefined : r.filePath;
        },
        query: (o) => deps.history().queryChunks({ series: o.series, range: o.range }),
        chunks: historyPiecesExport,
        progressOf: pieceProgress,
        onProgress: (f) => deps.onProgress(f),
      });
      if (result.saved && result.path !== undefined) {
        deps.notify({
          title: 'Export finished',
          body: `${result.rows} rows written to ${basename(result.path)}`,
        });
      }
      return result;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      deps.showError('Export failed', `Nothing was written.\n\n${message}`);
      throw error;
    } finally {
      running = false;
      deps.onProgress(undefined);
    }
  };
}
