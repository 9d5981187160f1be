// The content checker (validateDataset, readDataset, `npm run check:data`) against hand-written broken repositories
// (tests/fixtures/README.md): an editor who makes any of these slips must be told which file, where, and why.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readDataset } from '../../src/lib/data/readDataset';
import { formatProblems, validateDataset, type Problem } from '../../src/lib/data/validate';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

/** Everything the checker reports for a directory: read problems first, then schema and reference problems. */
function check(dir: string): Problem[] {
  const { raw, problems } = readDataset(dir);
  return [...problems, ...validateDataset(raw)];
}

/** The CLI as an editor runs it (local tsx binary: `npx` would add npm's own warnings to stderr). */
function runCli(dir: string) {
  return spawnSync(`${repo}node_modules/.bin/tsx`, ['scripts/check-data.ts', '--dir', dir], { cwd: repo, encoding: 'utf8' });
}

describe('validateDataset on tests/fixtures/broken', () => {
  const problems = check(fixture('broken'));
  const expectProblem = (file: string, path: string, reason: RegExp) =>
    expect(problems).toContainEqual({ file, path, reason: expect.stringMatching(reason) });

  it('reports a missing required field where it is missing', () => {
    expectProblem('data/events.json', 'events[0].actor', /received undefined/);
  });

  it('reports an impossible calendar date (2022-13-40)', () => {
    expectProblem('data/events.json', 'events[1].date.start', /invalid iso date/i);
  });

  it('reports a date outside 2022–2025', () => {
    expectProblem('data/events.json', 'events[2].date.start', /2022–2025/);
  });

  it('reports a coordinate outside the map region', () => {
    expectProblem('data/places.json', '[1].lon', /longitude outside the map region/);
  });

  it('reports a duplicate id at its second occurrence', () => {
    expectProblem('seeds/sources.json', 'sources[2].id', /duplicate id "agency-report"/);
  });

  it('reports an unknown source id', () => {
    expectProblem('data/steps.json', 'steps[0].sources[0]', /unknown source id "no-such-source"/);
  });

  it('reports an unknown place id', () => {
    expectProblem('data/steps.json', 'steps[0].highlight.places[0]', /unknown place id "no-such-place"/);
  });

  it('reports an unknown event id in a step highlight', () => {
    expectProblem('data/steps.json', 'steps[0].highlight.events[0]', /unknown event id "no-such-event"/);
  });

  it('reports a step with no English text in the English locale', () => {
    expectProblem('data/i18n/en.json', 'steps.untold-step', /no text for step "untold-step"/);
  });

  it('reports the nine planted problems and nothing else', () => {
    expect(problems).toHaveLength(9);
  });
});

describe('readDataset on tests/fixtures/not-json', () => {
  const problems = check(fixture('not-json'));

  it('names the file that is not JSON', () => {
    expect(problems).toContainEqual({ file: 'data/steps.json', path: '(file)', reason: expect.stringMatching(/^not valid JSON/) });
  });

  it('blames no other file for the broken one', () => {
    expect(new Set(problems.map((p) => p.file))).toEqual(new Set(['data/steps.json']));
  });
});

// Each run starts a fresh tsx process (about a second, more on a busy machine).
describe('npm run check:data (scripts/check-data.ts)', { timeout: 30_000 }, () => {
  it('exits 1 on the broken fixture', () => {
    expect(runCli('tests/fixtures/broken').status).toBe(1);
  });

  it('prints one "file: path: reason" line per problem, then the count', () => {
    const lines = runCli('tests/fixtures/broken').stderr.trim().split('\n');
    const expected = formatProblems(check(fixture('broken'))).split('\n');
    expect(lines).toEqual([...expected, '', expect.stringMatching(/^check:data: 9 problems in /)]);
  });

  it('exits 1 on a file that is not JSON and names it', () => {
    const r = runCli('tests/fixtures/not-json');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^data\/steps\.json: \(file\): not valid JSON/m);
  });

  it('exits 0 on the real repository', () => {
    const r = runCli('.');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
