/** Iteration helper: build once, serve, run Lighthouse for one form factor, print the diagnostics. Not part of `npm run bench`. */
import path from 'node:path';
import { buildSite } from './build';
import { runLighthouse, type Form } from './lighthouse';
import { previewHeaders, serveDist } from './serve';
const ROOT = path.resolve(import.meta.dirname, '../..');
const OUT = path.join(ROOT, 'bench-results');
const DIST = path.join(OUT, 'dist');
if (!process.env.NO_BUILD) await buildSite(ROOT, DIST);
const { headers } = await previewHeaders();
const server = await serveDist(DIST, headers);
for (const form of (process.argv[2] ?? 'mobile').split(',') as Form[]) {
  const r = await runLighthouse(`${server.origin}/${process.argv[3] ?? ''}`, form, OUT);
  console.log(JSON.stringify({ form, scores: r.scores, metrics: r.metrics, diag: r.diagnostics, error: r.error }, null, 1));
}
await server.close();
process.exit(0);
