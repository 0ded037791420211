/** Property tests (fast-check): arbitrary command lines and HTTP requests never crash the parser or the server. */
import fc from 'fast-check';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../src/cli/args';
import { SERVE_FLAGS } from '../../src/cli/serve';
import { createMetricsServer, type MetricsServer } from '../../src/cli/serve/server';
import { fullSample } from '../core/export/full-sample';
import { fakeBackend } from './helpers/fake-backend';

describe('argument parser (property test)', () => {
  it('either parses or throws a UsageError', () => {
    const word = fc.oneof(
      fc.constantFrom('--port', '-p', '--host', '--ui', '--root', '--', '-', '--ui=1', '--port=', '-h'),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 8 }), (argv) => {
        try {
          const r = parseArgs(argv, SERVE_FLAGS);
          for (const [k, v] of r.flags)
            expect(typeof v === 'string' ? v.length > 0 : v === true, k).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(UsageError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('HTTP server (property test)', () => {
  let server: MetricsServer;
  let port = 0;
  beforeAll(async () => {
    server = createMetricsServer({
      backend: fakeBackend(fullSample()),
      host: '127.0.0.1',
      port: 0,
      maxBodyBytes: 256,
    });
    port = (await server.listen()).port;
  });
  afterAll(() => server.close());

  const send = (method: string, path: string, body: string, type: string) =>
    new Promise<number>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, method, path, headers: { 'content-type': type } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  it('answers any request with a 2xx or a 4xx/503 of its own, never a 500', async () => {
    const segment = fc.oneof(
      fc.constantFrom(
        'api',
        'invoke',
        'metrics',
        'healthz',
        'stream',
        'snapshot',
        'export',
        'metrics:getLatest',
        'settings:set',
        '..',
        '%2e%2e',
        '%ZZ',
      ),
      fc.webSegment(),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS'),
        fc.array(segment, { minLength: 1, maxLength: 4 }),
        fc.oneof(fc.constant('[]'), fc.json(), fc.string({ maxLength: 300 })),
        fc.constantFrom('application/json', 'text/plain'),
        async (method, parts, body, type) => {
          const path = '/' + parts.join('/');
          if (path === '/api/stream' && method === 'GET') return; // a stream never ends by itself
          const status = await send(method, path, method === 'GET' || method === 'HEAD' ? '' : body, type);
          expect([200, 400, 404, 405, 413, 415, 503], `${method} ${path}`).toContain(status);
        },
      ),
      { numRuns: 300 },
    );
  });
});
