// Electron main entry: one setupX() per feature (the app issue fills these in).
import { app, BrowserWindow } from 'electron';
import { fileURLToPath } from 'node:url';

const rendererIndex = fileURLToPath(new URL('../renderer/index.html', import.meta.url));
const preload = fileURLToPath(new URL('./preload.cjs', import.meta.url));

void app.whenReady().then(() => {
  const win = new BrowserWindow({
    width: 960,
    height: 640,
    webPreferences: { preload, contextIsolation: true, sandbox: true, nodeIntegration: false },
  });
  void win.loadFile(rendererIndex);
});

app.on('window-all-closed', () => app.quit());
