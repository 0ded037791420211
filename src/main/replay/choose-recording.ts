/**
 * "Open Recording…": the open dialog limited to the files `nmetrics record` writes as samples
 * (src/shared/recording-files.ts), then one replay window per chosen file. A file that cannot be
 * replayed gets an error box naming it and the bad line; the others still open.
 */
import type { OpenDialogOptions } from 'electron';
import { RECORDING_EXTENSIONS } from '../../shared/recording-files';

export const OPEN_RECORDING_DIALOG: OpenDialogOptions = {
  title: 'Open Recording',
  buttonLabel: 'Replay',
  filters: [{ name: 'nmetrics recording (JSON Lines)', extensions: [...RECORDING_EXTENSIONS] }],
  properties: ['openFile', 'multiSelections'],
};

export interface ChooseRecordingDeps {
  readonly showOpenDialog: (
    options: OpenDialogOptions,
  ) => Promise<{ canceled: boolean; filePaths: string[] }>;
  readonly open: (path: string) => Promise<unknown>;
  readonly showError: (title: string, message: string) => void;
}

/** Asks for recordings and opens each; resolves once every chosen file opened or was reported. */
export async function chooseAndOpenRecordings(deps: ChooseRecordingDeps): Promise<void> {
  const chosen = await deps.showOpenDialog(OPEN_RECORDING_DIALOG);
  if (chosen.canceled) return;
  for (const path of chosen.filePaths) {
    try {
      await deps.open(path);
    } catch (error) {
      deps.showError(
        'Could not open the recording',
        `${error instanceof Error ? error.message : String(error)}\n\nThe live dashboard is unaffected.`,
      );
    }
  }
}
