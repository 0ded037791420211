/**
 * `GET /api/export?range=1h&series=a,b&format=csv`: a history range as a file download, streamed
 * chunk by chunk from the engine (the browser's export; the Electron app writes the same chunks to
 * a file). Bad parameters are 400 before anything is sent, with the schema's message (the same as
 * export:run over IPC); no history is 503.
 */
import type { ServerResponse } from 'node:http';
import { validateExportOptions, type ExportOptions } from '../../shared/payload-schemas';
import type { WebBackend } from './backend';
import { HttpError } from './http-util';

/** The client went away mid-download: stop producing chunks and let the export's data go. */
class ClientGone extends Error {}

/** Resolves when the socket can take more; rejects when the client closed (no 'drain' will come). */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve, reject) => {
    const onDrain = () => {
      res.off('close', onClose);
      resolve();
    };
    const onClose = () => {
      res.off('drain', onDrain);
      reject(new ClientGone('client closed the download'));
    };
    res.once('drain', onDrain);
    res.once('close', onClose);
  });
}

export async function serveExport(backend: WebBackend, res: ServerResponse, url: URL): Promise<void> {
  let options: ExportOptions;
  try {
    // The same schema as the app's export:run (src/shared/payload-schemas.ts), so the limits agree.
    options = validateExportOptions({
      range: url.searchParams.get('range') ?? '',
      series: (url.searchParams.get('series') ?? '').split(',').filter((s) => s !== ''),
      format: url.searchParams.get('format') ?? 'csv',
    });
  } catch (e) {
    throw new HttpError(400, (e as Error).message);
  }
  const { range, format } = options;
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const startResponse = () =>
    res.writeHead(200, {
      'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
      'content-disposition': `attachment; filename="darwinmetrics-${range}-${stamp}.${format}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
  try {
    await backend.exportData(options, async (chunk) => {
      if (!res.headersSent) startResponse();
      if (res.destroyed) throw new ClientGone('client closed the download');
      if (!res.write(chunk)) await drained(res);
    });
  } catch (e) {
    if (e instanceof ClientGone) return;
    if (res.headersSent) throw e;
    const message = e instanceof Error ? e.message : String(e);
    throw new HttpError(e instanceof TypeError || e instanceof RangeError ? 400 : 503, message);
  }
  if (!res.headersSent) startResponse();
  res.end();
}
