/**
 * Node-only: reads the content files from a directory laid out like the repository (the repo itself, or a test
 * fixture). A file that is missing or is not JSON becomes a Problem too, so the caller still lists everything.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FILES, type Problem, type RawDataset } from './validate';

function readJson(root: string, file: string, problems: Problem[]): unknown {
  const full = join(root, file);
  if (!existsSync(full)) {
    problems.push({ file, path: '(file)', reason: 'file is missing' });
    return undefined;
  }
  try {
    return JSON.parse(readFileSync(full, 'utf8'));
  } catch (e) {
    problems.push({ file, path: '(file)', reason: `not valid JSON: ${(e as Error).message}` });
    return undefined;
  }
}

export function readDataset(root: string): { raw: RawDataset; problems: Problem[] } {
  const problems: Problem[] = [];
  const langs = existsSync(join(root, 'data/i18n'))
    ? readdirSync(join(root, 'data/i18n')).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort()
    : [];
  const locales: Record<string, unknown> = {};
  for (const lang of langs) locales[lang] = readJson(root, FILES.locale(lang), problems);
  // Region ids come from the generated geodata. A fixture without it has no regions to check references against.
  const regionsFile = 'data/geo/regions.geojson';
  const regions = existsSync(join(root, regionsFile))
    ? (readJson(root, regionsFile, problems) as { features?: { properties?: { id?: string } }[] } | undefined)
    : undefined;
  const regionIds = regions
    ? (regions.features ?? []).map((f) => f.properties?.id).filter((x): x is string => typeof x === 'string')
    : null;
  return {
    raw: {
      sources: readJson(root, FILES.sources, problems),
      places: readJson(root, FILES.places, problems),
      events: readJson(root, FILES.events, problems),
      steps: readJson(root, FILES.steps, problems),
      locales,
      regionIds,
    },
    problems,
  };
}
