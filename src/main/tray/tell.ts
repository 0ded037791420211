/** Shows the user a message box (info or warning); main.ts binds it to Electron's dialog. */
export interface Tell {
  (message: { type: 'info' | 'warning'; message: string; detail: string }): void;
}
