/**
 * Maps a position in a minified bundle back to its source file and line, so the report can say
 * "maplibre-gl/src/webgl/painter.ts:412" rather than "controller-XXXX.js:1:181288".
 *
 * The bench builds with `--sourcemap hidden`: the maps are written beside the files but not referenced from them, so
 * the served bytes are identical to a normal build (checked: same hashes), and Lighthouse and the byte counts see
 * exactly what production serves. MapLibre arrives already minified with its own map in node_modules, so lookups
 * follow a chain of maps (bundle → maplibre-gl.mjs → MapLibre's TypeScript). A small VLQ decoder instead of a
 * dependency.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

interface RawMap {
  sources: string[];
  sourcesContent?: (string | null)[];
  names?: string[];
  mappings: string;
}
/** Per generated line: segments [genCol, source, srcLine, srcCol, name?] sorted by genCol. */
type Lines = number[][][];
interface Loaded {
  map: RawMap;
  lines: Lines;
  dir: string;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_VAL = new Map([...B64].map((c, i) => [c, i]));

function decode(mappings: string): Lines {
  const lines: Lines = [];
  let src = 0;
  let srcLine = 0;
  let srcCol = 0;
  let name = 0;
  for (const line of mappings.split(';')) {
    const segs: number[][] = [];
    let col = 0;
    for (const seg of line.split(',')) {
      if (!seg) continue;
      const vals: number[] = [];
      let shift = 0;
      let value = 0;
      for (const ch of seg) {
        const d = B64_VAL.get(ch) ?? 0;
        value += (d & 31) << shift;
        if (d & 32) shift += 5;
        else {
          vals.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      col += vals[0] ?? 0;
      if (vals.length >= 4) {
        src += vals[1]!;
        srcLine += vals[2]!;
        srcCol += vals[3]!;
        if (vals.length >= 5) {
          name += vals[4]!;
          segs.push([col, src, srcLine, srcCol, name]);
        } else segs.push([col, src, srcLine, srcCol]);
      }
    }
    lines.push(segs);
  }
  return lines;
}

export interface Original {
  /** Source path, shortened to package/… or src/…. */
  file: string;
  line: number;
  /** The original identifier at that position, when the map names one. */
  name?: string;
  /** The source text from that position, trimmed, to recognise the function. */
  text: string;
}

/** An absolute source path as package/… (a dependency) or relative to the project (src/… is ours). */
const shorten = (abs: string, root: string): string => {
  const nm = abs.lastIndexOf('/node_modules/');
  if (nm >= 0) return abs.slice(nm + '/node_modules/'.length);
  return path.relative(root, abs);
};

export class SourceMaps {
  private cache = new Map<string, Loaded | null>();
  /** dist: the built site (maps beside the files); root: the project, for naming our own sources. */
  constructor(
    private dist: string,
    private root: string,
  ) {}

  private load(file: string): Loaded | null {
    if (this.cache.has(file)) return this.cache.get(file)!;
    let entry: Loaded | null = null;
    try {
      if (existsSync(`${file}.map`)) {
        const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as RawMap;
        entry = { map, lines: decode(map.mappings), dir: path.dirname(file) };
      }
    } catch {
      entry = null;
    }
    this.cache.set(file, entry);
    return entry;
  }

  private lookupFile(file: string, line: number, column: number, depth: number): Original | null {
    const m = this.load(file);
    const segs = m?.lines[line];
    if (!m || !segs?.length) return null;
    let best: number[] = segs[0]!;
    for (const s of segs) {
      if (s[0]! <= column) best = s;
      else break;
    }
    const [, src = 0, srcLine = 0, srcCol = 0, nameIdx] = best;
    const source = m.map.sources[src] ?? '?';
    const abs = path.resolve(m.dir, source.split('?')[0]!);
    // A minified dependency with its own map (MapLibre): follow it to the real source.
    if (depth < 3) {
      const deeper = this.lookupFile(abs, srcLine, srcCol, depth + 1);
      if (deeper) return deeper;
    }
    const content = m.map.sourcesContent?.[src];
    const lineText = content ? (content.split('\n')[srcLine] ?? '') : '';
    // Long (minified) lines: show the text from the column; short ones whole.
    const text = (lineText.length > 120 ? lineText.slice(srcCol, srcCol + 70) : lineText).trim().slice(0, 70);
    const name = nameIdx === undefined ? undefined : m.map.names?.[nameIdx];
    return { file: shorten(abs, this.root), line: srcLine + 1, ...(name ? { name } : {}), text };
  }

  /** url: a page URL or path under dist; line, column: 0-based, as CDP reports them. */
  lookup(url: string, line: number, column: number): Original | null {
    let p: string;
    try {
      p = new URL(url, 'http://x').pathname;
    } catch {
      return null;
    }
    return this.lookupFile(path.join(this.dist, p), line, column, 0);
  }
}

/** "file:line name — text" for the report. */
export const describe = (o: Original | null, fallback: string): string =>
  o ? `${o.file}:${o.line}${o.name ? ` ${o.name}` : ''}${o.text ? ` — ${o.text}` : ''}` : fallback;
