/** Iteration helper: profile one cold load of the built bench-results/dist and print where the time goes. */
import path from 'node:path';
import { launch } from './browser';
import { profileLoad } from './loadProfile';
import { previewHeaders, serveDist } from './serve';
import { SourceMaps } from './sourcemap';
const ROOT = path.resolve(import.meta.dirname, '../..');
const DIST = path.join(ROOT, 'bench-results', 'dist');
const { headers } = await previewHeaders();
const server = await serveDist(DIST, headers);
const browser = await launch();
const r = await profileLoad(browser, server.origin, new SourceMaps(DIST, ROOT));
console.log(JSON.stringify(r, null, 1));
await browser.close();
await server.close();
process.exit(0);
