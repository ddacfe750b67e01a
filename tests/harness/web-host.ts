import { build } from 'esbuild';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fail } from '../../shared/core/result';
import type { HandlerContext, IpcHost, RawHandler } from '../../electron/ipc/host';
import { rendererFileFor } from '../../electron/main/renderer-files';
import { contentSecurityPolicy } from '../../electron/main/security-policy';

const here = path.dirname(fileURLToPath(import.meta.url));
const cookieName = 'harness_key';
const maxBodyBytes = 16 * 1024 * 1024;

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

/** The loopback web host: the IpcHost of the browser harness, plus the server that serves the renderer. */
export interface WebHost extends IpcHost {
  /** The URL to open: it carries the per-run secret once, which the server turns into a cookie. */
  readonly url: string;
  readonly origin: string;
  /** Asks the page to open a URL in a new tab, where Electron would open the system browser. */
  openInBrowserTab(url: string): void;
  /** Pushes a contract event to the page. */
  pushEvent(channel: string, payload: unknown): void;
  close(): Promise<void>;
}

async function bundleBridge(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(here, 'bridge.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'warning',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('The harness bridge did not build.');
  return file.text;
}

function readCookie(request: http.IncomingMessage, name: string): string | undefined {
  const header = request.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

function sameSecret(candidate: string | undefined, secret: string): boolean {
  if (candidate === undefined || candidate.length !== secret.length) return false;
  return timingSafeEqual(Buffer.from(candidate), Buffer.from(secret));
}

async function readBody(request: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBodyBytes) throw new Error('Request body too large.');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(response: http.ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8'): void {
  response.writeHead(status, {
    'content-type': type,
    'content-security-policy': contentSecurityPolicy,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  });
  response.end(body);
}

/**
 * Starts the host on 127.0.0.1 and a random port. Every request must carry the per-run secret and the
 * exact Host; calls must also come from the page's own Origin. Only the renderer, the bridge, the IPC
 * calls and the event stream are served.
 */
export async function startWebHost(rendererFolder: string): Promise<WebHost> {
  const secret = randomBytes(32).toString('hex');
  const bridge = await bundleBridge();
  const handlers = new Map<string, RawHandler>();
  const eventStreams = new Set<http.ServerResponse>();
  let expectedHost = '';
  let origin = '';

  const broadcast = (message: unknown): void => {
    const line = `data: ${JSON.stringify(message)}\n\n`;
    for (const stream of eventStreams) stream.write(line);
  };
  const context: HandlerContext = { emit: (channel, payload) => broadcast({ kind: 'event', channel, payload }) };

  async function serveIndex(response: http.ServerResponse): Promise<void> {
    const html = await readFile(path.join(rendererFolder, 'index.html'), 'utf8');
    send(response, 200, html.replace('<head>', '<head>\n    <script defer src="/__harness/bridge.js"></script>'), contentTypes['.html']);
  }

  async function serveIpc(request: http.IncomingMessage, response: http.ServerResponse, channel: string): Promise<void> {
    if (request.method !== 'POST' || request.headers.origin !== origin) {
      send(response, 403, 'Calls must come from the app page.');
      return;
    }
    const handler = handlers.get(channel);
    if (!handler) {
      send(response, 404, JSON.stringify(fail({ code: 'UNKNOWN_CHANNEL', message: `No channel ${channel}.` })), 'application/json');
      return;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(await readBody(request));
    } catch {
      send(response, 400, JSON.stringify(fail({ code: 'VALIDATION_FAILED', message: 'request: not valid JSON' })), 'application/json');
      return;
    }
    send(response, 200, JSON.stringify(await handler(raw, context)), 'application/json');
  }

  function serveEvents(request: http.IncomingMessage, response: http.ServerResponse): void {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    response.write(': connected\n\n');
    eventStreams.add(response);
    request.on('close', () => eventStreams.delete(response));
  }

  async function route(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    if (request.headers.host !== expectedHost) return send(response, 421, 'Wrong host.');
    const url = new URL(request.url ?? '/', origin);
    if (request.method === 'GET' && url.pathname === '/' && url.searchParams.has('key')) {
      if (!sameSecret(url.searchParams.get('key') ?? undefined, secret)) return send(response, 403, 'Wrong key.');
      response.writeHead(303, {
        location: '/',
        'set-cookie': `${cookieName}=${secret}; HttpOnly; SameSite=Strict; Path=/`,
      });
      response.end();
      return;
    }
    if (!sameSecret(readCookie(request, cookieName), secret)) return send(response, 403, 'This page needs the URL printed by the harness.');
    if (url.pathname.startsWith('/__ipc/')) return serveIpc(request, response, decodeURIComponent(url.pathname.slice('/__ipc/'.length)));
    if (request.method !== 'GET') return send(response, 405, 'Method not allowed.');
    if (url.pathname === '/__events') return serveEvents(request, response);
    if (url.pathname === '/__harness/bridge.js') return send(response, 200, bridge, contentTypes['.js']);
    if (url.pathname === '/' || url.pathname === '/index.html') return serveIndex(response);
    const file = rendererFileFor(`app://wizard${url.pathname}`, rendererFolder);
    if (!file) return send(response, 404, 'Not found.');
    try {
      send(response, 200, await readFile(file), contentTypes[path.extname(file)] ?? 'application/octet-stream');
    } catch {
      send(response, 404, 'Not found.');
    }
  }

  const server = http.createServer((request, response) => {
    route(request, response).catch(() => {
      if (!response.headersSent) send(response, 500, 'Internal error.');
      else response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  expectedHost = `127.0.0.1:${port}`;
  origin = `http://${expectedHost}`;

  return {
    url: `${origin}/?key=${secret}`,
    origin,
    handle: (channel, handler) => void handlers.set(channel, handler),
    openInBrowserTab: (url) => broadcast({ kind: 'open-url', url }),
    pushEvent: (channel, payload) => broadcast({ kind: 'event', channel, payload }),
    close: async () => {
      for (const stream of eventStreams) stream.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
