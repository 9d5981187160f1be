// Writing the generated files and reporting their size. Compact JSON with a trailing newline; objects are built with
// a fixed key order (features.ts), so equal inputs always give byte-identical files.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { gzipSync } from 'node:zlib';

export function writeJson(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(value) + '\n');
}

export interface SizeRow { file: string; raw: number; gzip: number }

export function sizeOf(path: string): SizeRow {
  const bytes = readFileSync(path);
  return { file: basename(path), raw: bytes.length, gzip: gzipSync(bytes).length };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`.padStart(10);

export function printSizeTable(rows: SizeRow[], firstView: readonly string[], budget: number): boolean {
  console.log(`\n${'file'.padEnd(30)}${'raw'.padStart(10)}${'gzip'.padStart(10)}  first view`);
  for (const r of rows) console.log(`${r.file.padEnd(30)}${kb(r.raw)}${kb(r.gzip)}  ${firstView.includes(r.file) ? 'yes' : ''}`);
  const total = rows.filter((r) => firstView.includes(r.file)).reduce((s, r) => s + r.gzip, 0);
  const ok = total <= budget;
  console.log(`first-view total (gzip): ${kb(total).trim()} of ${kb(budget).trim()} budget ${ok ? 'OK' : 'OVER BUDGET'}`);
  return ok;
}
