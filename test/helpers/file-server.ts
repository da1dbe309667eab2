import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = (req: IncomingMessage, res: ServerResponse) => void;

/** Where Teams would keep a sent file: a loopback HTTP server with fixed routes, counting every request. */
export interface FileServer {
  origin: string;
  /** `127.0.0.1:<port>`, as FILE_DOWNLOAD_HOSTS names it. */
  hostRule: string;
  /** Paths requested, in order. */
  hits: string[];
  close(): Promise<void>;
}

export async function startFileServer(routes: Record<string, Route>): Promise<FileServer> {
  const hits: string[] = [];
  const open = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    hits.push(path);
    open.add(res);
    res.on('close', () => open.delete(res));
    const route = routes[path];
    if (route) return route(req, res);
    // Not chained: the bot's server code in the same process may wrap writeHead.
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    hostRule: `127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        // Routes that never answer (timeouts) must not keep the server open.
        for (const res of open) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers with these bytes, declaring their length. */
export function bytesRoute(bytes: Uint8Array, contentType = 'application/octet-stream'): Route {
  return (_req, res) => {
    // Not chained: the bot's server code in the same process wraps writeHead.
    res.writeHead(200, { 'content-type': contentType, 'content-length': bytes.length });
    res.end(bytes);
  };
}

/** Streams `total` bytes in chunks without declaring a length; `written` counts what left the server. */
export function streamRoute(total: number, chunk = 64 * 1024): Route & { written: () => number } {
  let written = 0;
  const route: Route = (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    let sent = 0;
    const pump = (): void => {
      while (sent < total) {
        const n = Math.min(chunk, total - sent);
        sent += n;
        written += n;
        if (res.destroyed) return;
        if (!res.write(Buffer.alloc(n, 0x61))) {
          res.once('drain', pump);
          return;
        }
      }
      res.end();
    };
    pump();
  };
  return Object.assign(route, { written: () => written });
}

export function redirectRoute(location: string): Route {
  return (_req, res) => {
    res.writeHead(302, { location });
    res.end();
  };
}

/** Answers after `ms`, with these bytes. */
export function slowRoute(ms: number, bytes: Uint8Array): Route {
  return (req, res) => {
    const timer = setTimeout(() => bytesRoute(bytes)(req, res), ms);
    res.on('close', () => clearTimeout(timer));
  };
}

/** Never answers. */
export const silentRoute: Route = () => undefined;
