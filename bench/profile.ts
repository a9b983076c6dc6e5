/**
 * Profiles newsprint over the dataset pages and prints where the CPU time goes, without a GUI.
 *
 *   node --import tsx bench/profile.ts [--limit N] [--dataset NAME] [--dist | --entry FILE] [--top N]
 *   node --import tsx bench/profile.ts --analyze FILE.cpuprofile [--top N]
 *
 * The first form starts V8's sampling profiler (the one behind `node --cpu-prof`) through the
 * inspector only around the extraction loop, so module loading and reading the pages stay out of
 * the figures; the second reads any `.cpuprofile`, including one written by `node --cpu-prof`.
 * The profile is kept (under .tmp/profiles/ unless --dir says otherwise) and also opens in Chrome
 * DevTools or speedscope for a flame chart.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { findSourceMap } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { DIST_BUILD, SRC_BUILD, loadNewsprint, type NewsprintBuild } from './lib/speed-contenders.js';
import { selfTimeByFile, selfTimeByFunction, type CpuProfile, type LineMapper, type SelfTime } from './lib/speed-cpuprofile.js';
import { DATASETS_ENV, REPO_ROOT, datasetsDir, loadPages, loadTexts } from './lib/speed-pages.js';
import type { ExtractOptions } from '../src/types.js';
import { fmt, markdownTable } from './lib/speed-stats.js';

const HELP = `Usage: node --import tsx bench/profile.ts [options]

Runs newsprint over the dataset pages under V8's sampling profiler and prints the top self-time functions and files.

  --limit N          at most N pages, spread over the datasets (default 300)
  --dataset NAME     only this dataset (repeatable, or comma-separated)
  --text             profile the text path on the pages' text renderings instead of the HTML
  --passes N         extract every page N times (default 1), for steadier figures
  --dist             profile the built dist/index.js instead of src/ through tsx
  --entry FILE       profile another build exporting extract()
  --top N            rows per table (default 25)
  --dir DIR          where the .cpuprofile goes (default .tmp/profiles)
  --analyze FILE     only print the tables for an existing .cpuprofile
  -h, --help         this text
`;

/** Enough pages for the hot spots to stand out, few enough for a profile in well under a minute. */
const DEFAULT_PAGE_LIMIT = 300;
const DEFAULT_TOP = 25;
const DEFAULT_PROFILE_DIR = join(REPO_ROOT, '.tmp', 'profiles');
/** Profiler sampling interval in microseconds: finer than the default 1000 µs, since many stages take well under a millisecond per page. */
const SAMPLING_INTERVAL_US = 250;

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    limit: { type: 'string' },
    dataset: { type: 'string', multiple: true },
    passes: { type: 'string' },
    text: { type: 'boolean', default: false },
    dist: { type: 'boolean', default: false },
    entry: { type: 'string' },
    top: { type: 'string' },
    dir: { type: 'string' },
    analyze: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
  strict: true,
});

function wholeNumber(flag: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${flag} needs a positive whole number, got ${raw}`);
  return n;
}

function chosenBuild(): NewsprintBuild {
  if (values.entry !== undefined) return { label: values.entry, entry: resolve(values.entry) };
  return values.dist ? DIST_BUILD : SRC_BUILD;
}

function selfTimeTable(title: string, rows: readonly SelfTime[], top: number): string {
  const body = rows.slice(0, top).map((row) => [fmt(row.selfMs), `${fmt(row.share * 100, 2)}%`, row.key]);
  return `${title}\n\n${markdownTable(['self ms', 'share', 'where'], body, ['r', 'r', 'l'])}\n`;
}

/** Source lines through the source maps of modules this process loaded (tsx registers one per file). */
const mapLineInProcess: LineMapper = (url, line, column) => {
  try {
    const entry = findSourceMap(url)?.findEntry(line, column);
    return entry !== undefined && 'originalLine' in entry ? entry.originalLine + 1 : null;
  } catch {
    return null;
  }
};

function analyze(file: string, top: number): void {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  console.log(selfTimeTable('## Top functions by self time', selfTimeByFunction(profile, REPO_ROOT, mapLineInProcess), top));
  console.log(selfTimeTable('## Top files by self time', selfTimeByFile(profile, REPO_ROOT), top));
}

/** Extracts the selected pages under the sampling profiler and returns where the profile was written. */
async function profilePages(): Promise<string> {
  const root = datasetsDir();
  if (root === null) throw new Error(`Datasets not found (set ${DATASETS_ENV})`);
  const build = chosenBuild();
  const newsprint = await loadNewsprint(build);
  if (typeof newsprint === 'string') throw new Error(`newsprint did not load: ${newsprint}`);
  const pages = loadPages(root, {
    datasets: (values.dataset ?? []).flatMap((d) => d.split(',')).filter((d) => d.length > 0),
    limit: wholeNumber('limit', values.limit, DEFAULT_PAGE_LIMIT),
  });
  const passes = wholeNumber('passes', values.passes, 1);
  const inputs: { input: string; options: ExtractOptions }[] = values.text
    ? loadTexts(root, pages).map((item) => ({ input: item.text, options: { format: 'text' } }))
    : pages.map((page) => ({ input: page.html, options: { url: page.url, format: 'html' } }));

  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
  await session.post('Profiler.start');
  let errors = 0;
  const start = performance.now();
  for (let pass = 0; pass < passes; pass++) {
    for (const { input, options } of inputs) {
      try {
        newsprint.extract(input, options);
      } catch {
        errors++;
      }
    }
  }
  const seconds = (performance.now() - start) / 1000;
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  console.error(`Extracted ${inputs.length} ${values.text ? 'texts' : 'pages'} × ${passes} with newsprint (${build.label}) in ${seconds.toFixed(2)} s (${errors} errors).`);

  const dir = resolve(values.dir ?? DEFAULT_PROFILE_DIR);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `newsprint-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  return file;
}

async function main(): Promise<void> {
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const top = wholeNumber('top', values.top, DEFAULT_TOP);
  if (values.analyze !== undefined) {
    analyze(values.analyze, top);
    return;
  }
  if (datasetsDir() === null) {
    console.log(`Datasets not found (set ${DATASETS_ENV} or place them at ../shared/datasets): nothing to profile.`);
    return;
  }
  const file = await profilePages();
  console.error(`Profile written to ${relative(process.cwd(), file)}.`);
  analyze(file, top);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
