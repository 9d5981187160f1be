import { defineConfig, type Plugin } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { readDataset } from './src/lib/data/readDataset';
import { formatProblems, validateDataset } from './src/lib/data/validate';
import { EXPORT_FILES, eventsCSV, eventsGeoJSON } from './src/lib/data/exports';
import type { Locale, Place, Source, Step, StoryEvent } from './src/lib/data/schema';

/**
 * Content as data, checked at build: a malformed content file fails `vite build` (and the dev server) with every
 * problem as "file: path: reason". The same pass emits the downloadable event data from the validated content.
 */
function storyData(): Plugin {
  const load = (): Record<string, string> => {
    const { raw, problems } = readDataset(process.cwd());
    const all = [...problems, ...validateDataset(raw)];
    if (all.length) throw new Error(`Content check failed (${all.length} problems):\n${formatProblems(all)}`);
    const content = {
      steps: (raw.steps as { steps: Step[] }).steps,
      events: (raw.events as { events: StoryEvent[] }).events,
      places: raw.places as Place[],
      sources: (raw.sources as { sources: Source[] }).sources,
    };
    const en = raw.locales.en as Locale;
    return { [EXPORT_FILES.geojson]: eventsGeoJSON(content, en), [EXPORT_FILES.csv]: eventsCSV(content, en) };
  };
  return {
    name: 'story-data',
    buildStart() {
      load();
    },
    generateBundle() {
      for (const [fileName, source] of Object.entries(load())) this.emitFile({ type: 'asset', fileName, source });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0]!.replace(/^\//, '');
        const files = load();
        if (!(path in files)) return next();
        res.setHeader('Content-Type', path.endsWith('.csv') ? 'text/csv; charset=utf-8' : 'application/geo+json');
        res.end(files[path]);
      });
    },
  };
}

// `base: './'` keeps every asset URL relative, so the build works from any static host and any sub-path.
export default defineConfig({
  base: './',
  plugins: [svelte(), storyData()],
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
  },
  preview: { port: 4173, strictPort: true },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Dates are parsed and formatted as UTC throughout; pin the zone so a developer's clock cannot change results.
    env: { TZ: 'UTC' },
  },
});
