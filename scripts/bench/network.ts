/**
 * Records every request of one page through the Chrome DevTools Protocol, because only CDP reports the bytes that
 * actually crossed the wire (Network.loadingFinished encodedDataLength: gzip body plus headers), which is what a
 * reader on a slow connection pays for.
 *
 * Times are converted to the page's clock (ms since performance.timeOrigin) so they can be compared with the
 * iib:* performance marks: CDP timestamps are monotonic seconds, and requestWillBeSent carries the wall time too.
 *
 * Dedicated workers fetch their script outside the page's network session (CDP shows the request, never its
 * completion; Playwright's request.sizes() says 0 bytes), so a worker script's bytes are taken as the gzip size of
 * the same file in the build, flagged `estimated`: what this bench's server sends for it, less ~0.5 KB of headers.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CDPSession, Page } from '@playwright/test';
import { gzipSize } from './serve';

export type Kind = 'document' | 'script' | 'stylesheet' | 'font' | 'geojson/fetch' | 'image' | 'other';
export const KINDS: Kind[] = ['document', 'script', 'stylesheet', 'font', 'geojson/fetch', 'image', 'other'];

export interface Entry {
  id: string;
  url: string;
  /** Path relative to the origin. */
  path: string;
  kind: Kind;
  mime: string;
  /** Page time (ms since timeOrigin) the request was sent / finished; end is null while in flight. */
  start: number;
  end: number | null;
  bytes: number;
  status: number;
  failed: boolean;
  /** Bytes from the built file (worker scripts), not from CDP. */
  estimated: boolean;
  worker: boolean;
}

function kindOf(cdpType: string, mime: string, url: string): Kind {
  switch (cdpType) {
    case 'Document':
      return 'document';
    case 'Script':
      return 'script';
    case 'Stylesheet':
      return 'stylesheet';
    case 'Font':
      return 'font';
    case 'Fetch':
    case 'XHR':
      return 'geojson/fetch';
    case 'Image':
      return 'image';
  }
  if (mime.startsWith('image/') || /\.(svg|png|ico|webp|jpe?g)$/.test(url)) return 'image';
  return 'other';
}

export class NetworkRecorder {
  private entries = new Map<string, Entry>();
  /** wall-clock ms minus monotonic ms, from the first request. */
  private offset: number | null = null;
  private workerUrls = new Set<string>();

  /** Date.now() of the last network event, for "idle for N ms" waits in Node. */
  private lastEventAt = Date.now();

  private constructor(readonly origin: string) {}

  /** Starts recording; call before navigation. */
  static async attach(page: Page, cdp: CDPSession, origin: string): Promise<NetworkRecorder> {
    const rec = new NetworkRecorder(origin);
    await cdp.send('Network.enable');
    const touch = () => (rec.lastEventAt = Date.now());
    for (const ev of ['Network.requestWillBeSent', 'Network.responseReceived', 'Network.loadingFinished', 'Network.loadingFailed'] as const)
      cdp.on(ev, touch);
    cdp.on('Network.requestWillBeSent', (e) => {
      const url = e.request.url;
      if (!/^https?:/.test(url)) return; // data: and blob: URLs cost no transfer
      if (rec.offset === null) rec.offset = e.wallTime * 1000 - e.timestamp * 1000;
      const prev = rec.entries.get(e.requestId);
      // A redirect reuses the id: keep one entry, bytes come from the final response.
      rec.entries.set(e.requestId, {
        id: e.requestId,
        url,
        path: url.startsWith(origin) ? url.slice(origin.length) : url,
        kind: kindOf(e.type ?? '', '', url),
        mime: '',
        start: prev?.start ?? e.timestamp * 1000,
        end: null,
        bytes: 0,
        status: 0,
        failed: false,
        estimated: false,
        worker: false,
      });
    });
    cdp.on('Network.responseReceived', (e) => {
      const r = rec.entries.get(e.requestId);
      if (!r) return;
      r.mime = e.response.mimeType;
      r.status = e.response.status;
      r.kind = kindOf(e.type, r.mime, r.url);
    });
    cdp.on('Network.loadingFinished', (e) => {
      const r = rec.entries.get(e.requestId);
      if (!r) return;
      r.end = e.timestamp * 1000;
      r.bytes = e.encodedDataLength;
    });
    cdp.on('Network.loadingFailed', (e) => {
      const r = rec.entries.get(e.requestId);
      if (!r) return;
      r.end = e.timestamp * 1000;
      r.failed = true;
    });
    page.on('worker', (w) => rec.workerUrls.add(w.url()));
    return rec;
  }

  /** Requests still waiting for their response (worker scripts never complete here: see above). */
  inFlight(): number {
    return [...this.entries.values()].filter((e) => e.end === null && !this.workerUrls.has(e.url)).length;
  }

  /** True when nothing is in flight and no request started or ended for `ms`. */
  idleFor(ms: number): boolean {
    return this.inFlight() === 0 && Date.now() - this.lastEventAt >= ms;
  }

  /** Waits until idleFor(ms), or the timeout; returns whether it became idle. */
  async waitForIdle(ms: number, timeout: number): Promise<boolean> {
    const until = Date.now() + timeout;
    while (Date.now() < until) {
      if (this.idleFor(ms)) return true;
      await new Promise((r) => setTimeout(r, 50));
    }
    return false;
  }

  /**
   * All entries in page time. Worker scripts, which CDP sees start but never finish, are costed from the build:
   * the gzip size of the file under `dist`, counted once per URL.
   */
  snapshot(dist: string, timeOrigin: number): Entry[] {
    const toPage = (mono: number) => mono + (this.offset ?? 0) - timeOrigin;
    const seen = new Set<string>();
    const out: Entry[] = [];
    for (const e of this.entries.values()) {
      const entry: Entry = { ...e, start: toPage(e.start), end: e.end === null ? null : toPage(e.end) };
      entry.worker = this.workerUrls.has(e.url);
      if (entry.end === null && entry.worker) {
        if (seen.has(e.url)) continue;
        seen.add(e.url);
        const file = path.join(dist, new URL(e.url).pathname);
        try {
          entry.bytes = gzipSize(readFileSync(file));
          entry.estimated = true;
        } catch {
          /* not a file of ours: leave 0 */
        }
      }
      out.push(entry);
    }
    return out.sort((a, b) => a.start - b.start);
  }
}

/** Bytes per kind and in total, for a set of entries. */
export function byKind(entries: Entry[]): Record<Kind | 'total', number> {
  const sums = Object.fromEntries([...KINDS, 'total'].map((k) => [k, 0])) as Record<Kind | 'total', number>;
  for (const e of entries) {
    sums[e.kind] += e.bytes;
    sums.total += e.bytes;
  }
  return sums;
}
