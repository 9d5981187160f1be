/**
 * Builds the site with the project's own Vite config, into bench-results/dist rather than dist/: other people's
 * `vite build` (the browser tests build before serving) would otherwise swap the files under the running bench,
 * which has happened. Same config, same output, only the folder differs.
 */
import { spawn } from 'node:child_process';

export async function buildSite(root: string, outDir: string): Promise<{ ms: number }> {
  const t0 = Date.now();
  const log: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--sourcemap', 'hidden', '--logLevel', 'warn'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (d: Buffer) => log.push(d.toString()));
    child.stderr.on('data', (d: Buffer) => log.push(d.toString()));
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) throw new Error(`vite build failed (exit ${code}):\n${log.join('')}`);
  return { ms: Date.now() - t0 };
}
