/**
 * A tiny static server for dist/, gzip-compressing text the way a production host would, so that the byte counts the
 * browser reports (CDP encodedDataLength) are what a reader really downloads. `vite preview` does not compress, which
 * would overstate every script and GeoJSON file several times over.
 *
 * It sends the same headers as vite.config.ts's `preview.headers` (the CSP with frame-ancestors, and CORS), taken from
 * the exported `CSP` constant, so the page runs under the policy it ships with. Compressed bodies are cached in memory
 * (level 6, zlib's default and a common host setting).
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';

export const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json',
  '.svg': 'image/svg+xml',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
};

/** Text types worth compressing (fonts and images are compressed already). */
export const GZIP_EXT = new Set(['.js', '.mjs', '.css', '.json', '.geojson', '.svg', '.html', '.csv', '.txt']);

/** The same gzip a reader gets from this server, for files the browser session cannot see (the MapLibre worker). */
export const gzipSize = (body: Buffer): number => gzipSync(body, { level: 6 }).length;

export interface StaticServer {
  origin: string;
  close: () => Promise<void>;
  /** Requests served, for a sanity check that the browser really hit this server. */
  hits: () => number;
}

export async function serveDist(root: string, headers: Record<string, string>): Promise<StaticServer> {
  const cache = new Map<string, { raw: Buffer; gz: Buffer | null }>();
  let hits = 0;
  const server: Server = createServer(async (req, res) => {
    hits++;
    try {
      let rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      if (rel.endsWith('/')) rel += 'index.html';
      const file = path.join(root, path.normalize(rel));
      if (!file.startsWith(root)) throw Object.assign(new Error('outside root'), { code: 'ENOENT' });
      if (!(await stat(file)).isFile()) throw Object.assign(new Error('not a file'), { code: 'ENOENT' });
      const ext = path.extname(file).toLowerCase();
      let entry = cache.get(file);
      if (!entry) {
        const raw = await readFile(file);
        entry = { raw, gz: GZIP_EXT.has(ext) ? gzipSync(raw, { level: 6 }) : null };
        cache.set(file, entry);
      }
      const wantsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      const body = entry.gz && wantsGzip ? entry.gz : entry.raw;
      res.writeHead(200, {
        ...headers,
        'Content-Type': MIME[ext] ?? 'application/octet-stream',
        'Content-Length': String(body.length),
        // Hashed assets are immutable, as on any sensible host (so MapLibre's second worker comes from the cache).
        'Cache-Control': rel.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        Vary: 'Accept-Encoding',
        ...(body === entry.gz ? { 'Content-Encoding': 'gzip' } : {}),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (e) {
      const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
      res.writeHead(missing ? 404 : 500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(missing ? 'not found' : 'error');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    hits: () => hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The headers `vite preview` sends (vite.config.ts `preview.headers`), rebuilt from the exported CSP. If the config
 * cannot be imported (it pulls in the Svelte plugin and the content checker), the bench serves no CSP and says so.
 */
export async function previewHeaders(): Promise<{ headers: Record<string, string>; note: string }> {
  try {
    const { CSP } = await import('../../vite.config');
    return {
      headers: { 'Content-Security-Policy': `${CSP}; frame-ancestors *`, 'Access-Control-Allow-Origin': '*' },
      note: 'CSP header from vite.config.ts (same as vite preview)',
    };
  } catch (e) {
    return { headers: { 'Access-Control-Allow-Origin': '*' }, note: `no CSP header: vite.config.ts not importable (${(e as Error).message})` };
  }
}
