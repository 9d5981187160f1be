/**
 * `npm run check:data [-- --dir <root>]`: validates every content file and cross-reference, prints EVERY problem as
 * "file: path: reason", and exits 1 if there is any. The same check runs in the build (vite.config.ts) and the tests.
 */
import { resolve } from 'node:path';
import { readDataset } from '../src/lib/data/readDataset';
import { formatProblems, validateDataset } from '../src/lib/data/validate';

const dirFlag = process.argv.indexOf('--dir');
const root = resolve(dirFlag > 0 && process.argv[dirFlag + 1] ? process.argv[dirFlag + 1]! : '.');
const { raw, problems } = readDataset(root);
const all = [...problems, ...validateDataset(raw)];
if (all.length) {
  console.error(formatProblems(all));
  console.error(`\ncheck:data: ${all.length} problem${all.length === 1 ? '' : 's'} in ${root}`);
  process.exit(1);
}
console.log(`check:data: all content files valid (${root})`);
