/**
 * Quitting: Electron does not wait for promises in 'before-quit', so the first quit is held back
 * until history is saved and the sampler released, then the app exits for real.
 */
export interface ShutdownApp {
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  exit(code: number): void;
}

export interface ShutdownSteps {
  /** Synchronous: stop timers and sampling. */
  readonly stop: () => void;
  /** Save and release (history file, native sampler). */
  readonly close: () => Promise<void>;
  /** Last: remove the tray icon. */
  readonly last: () => void;
  readonly onError: (what: string, error: unknown) => void;
}

export function setupShutdown(app: ShutdownApp, steps: ShutdownSteps): void {
  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting) return;
    event.preventDefault();
    quitting = true;
    try {
      steps.stop();
    } catch (error) {
      steps.onError('shutdown', error);
    }
    steps
      .close()
      .catch((error: unknown) => steps.onError('shutdown', error))
      .finally(() => {
        steps.last();
        app.exit(0);
      });
  });
}
