/**
 * The speed benchmark (`npm run bench`): newsprint against Readability, defuddle and
 * article-extractor, and against bare HTML parsing, on the development datasets; the text path's
 * throughput; and how time and memory scale with page size. See bench/README.md.
 */
import { writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import {
  DIST_BUILD,
  SRC_BUILD,
  HTMLPARSER2_DOCUMENT_FLOOR,
  LINKEDOM_PARSE_FLOOR,
  DEFUDDLE_DEFAULT_SAMPLE_EVERY,
  JSDOM_DEFAULT_SAMPLE_EVERY,
  NewsprintTraceTally,
  READABILITY_LINKEDOM,
  describeError,
  loadNewsprint,
  newsprintContender,
  peerContenders,
  type Contender,
  type NewsprintBuild,
  type NewsprintModule,
} from './lib/speed-contenders.js';
import { buildIfStale } from './lib/speed-build.js';
import { DATASETS_ENV, REPO_ROOT, datasetsDir, loadPages, spreadIndices } from './lib/speed-pages.js';
import { ratiosNetOfMajorGc, renderReport, type SpeedReport } from './lib/speed-report.js';
import { collectGarbage, timeContenders, type ContenderResult } from './lib/speed-runner.js';
import { measureScaling } from './lib/speed-scaling.js';
import { DEFAULT_TEXT_PASSES, timeTextPathInChild } from './lib/speed-text.js';
import { DEFAULT_ALONE_PASSES, timeHtmlAloneInChild } from './lib/speed-alone.js';

/** Pages in a --quick run: enough for stable medians, small enough for CI. */
const QUICK_PAGE_LIMIT = 100;
/** Pages in the warm-up pass of each contender: the JIT settles within a few dozen pages. */
const WARMUP_PAGE_COUNT = 30;
/** Fewer warm-up pages in a --quick run, where the whole run is a hundred pages. */
const QUICK_WARMUP_PAGE_COUNT = 10;
/** Body repeats for the scaling figures; 1000× (about 1.5 MB) is the size where memory per input byte is judged best. */
const FULL_SCALING_REPEATS = [1, 10, 100, 1000] as const;
const QUICK_SCALING_REPEATS = [1, 10, 100] as const;
const DEFAULT_REPORT = join(REPO_ROOT, 'bench', 'results', 'speed.md');

const HELP = `Usage: npm run bench -- [options]

Times newsprint and its peers on the development datasets (${DATASETS_ENV}, else ../shared/datasets).

  --quick            CI-sized run: ${QUICK_PAGE_LIMIT} pages, no jsdom, scaling up to 100×, nothing written
  --limit N          at most N pages, spread evenly over the datasets (default: all)
  --dataset NAME     only this dataset (repeatable, or comma-separated)
  --dist             time the built dist/index.js, what users install (the default; built first when
                     missing or older than src/)
  --src              time src/ through tsx instead (no build step)
  --src-and-dist     time both side by side in the same run (HTML and text); ratios use dist
  --entry FILE       time another build exporting extract() (say, an older checkout's dist/index.js)
  --jsdom-every N    time Readability on jsdom on every N-th page (default ${JSDOM_DEFAULT_SAMPLE_EVERY}; 0 leaves it out)
  --defuddle-every N time defuddle on every N-th page (default ${DEFUDDLE_DEFAULT_SAMPLE_EVERY}; 0 leaves it out)
  --newsprint-only   leave out the peers and floors of the interleaved table (the alone and text passes keep theirs)
  --no-text          skip the text path
  --no-alone         skip timing newsprint, the parse floor, Readability on linkedom, newsprint with the vote off and
                     newsprint with the vote on its own DOM
                     each alone, in a fresh process (${DEFAULT_ALONE_PASSES} passes each, after the interleaved table;
                     not in --quick runs)
  --text-passes N    timed passes over the text renderings, after one warm-up pass (default ${DEFAULT_TEXT_PASSES})
  --gc-between       collect garbage (untimed) before every timed HTML call; a diagnostic, off by default:
                     a forced full collection leaves the next call cold and slows every row several times
  --no-scaling       skip the scaling figures (HTML, and text unless --no-text)
  --out FILE         write the markdown report there (default: bench/results/speed.md, except with --quick or --limit)
  --no-write         print only
  -h, --help         this text
`;

interface Settings {
  quick: boolean;
  limit: number | null;
  datasets: string[];
  /** The builds to time; the first is the one the ratios and the stage table are about. */
  builds: NewsprintBuild[];
  jsdomEvery: number;
  defuddleEvery: number;
  peers: boolean;
  text: boolean;
  textPasses: number;
  /** Time newsprint's HTML path, the parse floor and Readability each alone, in a fresh process (speed-alone.ts). */
  alone: boolean;
  gcBetween: boolean;
  scaling: boolean;
  out: string | null;
}

function parseSettings(argv: string[]): Settings | null {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      limit: { type: 'string' },
      dataset: { type: 'string', multiple: true },
      dist: { type: 'boolean', default: false },
      src: { type: 'boolean', default: false },
      'src-and-dist': { type: 'boolean', default: false },
      entry: { type: 'string' },
      'jsdom-every': { type: 'string' },
      'defuddle-every': { type: 'string' },
      'newsprint-only': { type: 'boolean', default: false },
      'no-text': { type: 'boolean', default: false },
      'no-alone': { type: 'boolean', default: false },
      'text-passes': { type: 'string' },
      'gc-between': { type: 'boolean', default: false },
      'no-scaling': { type: 'boolean', default: false },
      out: { type: 'string' },
      'no-write': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) return null;
  const count = (flag: string, raw: string | undefined): number | null => {
    if (raw === undefined) return null;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${flag} needs a whole number, got ${raw}`);
    return n;
  };
  const quick = values.quick;
  const limit = count('limit', values.limit) ?? (quick ? QUICK_PAGE_LIMIT : null);
  const partial = quick || limit !== null;
  const buildFlags = [values.src, values.dist, values['src-and-dist'], values.entry !== undefined].filter(Boolean).length;
  if (buildFlags > 1) throw new Error('--src, --dist, --src-and-dist and --entry exclude one another');
  const builds =
    values.entry !== undefined
      ? [{ label: values.entry, entry: resolve(values.entry) }]
      : values.src
        ? [SRC_BUILD]
        : values['src-and-dist']
          ? [DIST_BUILD, SRC_BUILD]
          : [DIST_BUILD];
  const textPasses = count('text-passes', values['text-passes']) ?? DEFAULT_TEXT_PASSES;
  if (textPasses < 1) throw new Error('--text-passes needs at least 1');
  return {
    quick,
    limit,
    datasets: (values.dataset ?? []).flatMap((d) => d.split(',')).filter((d) => d.length > 0),
    builds,
    jsdomEvery: count('jsdom-every', values['jsdom-every']) ?? (quick ? 0 : JSDOM_DEFAULT_SAMPLE_EVERY),
    defuddleEvery: count('defuddle-every', values['defuddle-every']) ?? DEFUDDLE_DEFAULT_SAMPLE_EVERY,
    peers: !values['newsprint-only'],
    text: !values['no-text'],
    textPasses,
    alone: !values['no-alone'] && !quick,
    gcBetween: values['gc-between'],
    scaling: !values['no-scaling'],
    // A partial run should not overwrite the committed full results unless asked to.
    out: values['no-write'] ? null : (values.out ?? (partial ? null : DEFAULT_REPORT)),
  };
}

/** Progress on stderr: a rewritten line on a terminal, a line per tenth otherwise (for logs of long runs). */
function progress(label: string): (done: number, total: number) => void {
  const interactive = process.stderr.isTTY;
  return (done, total) => {
    const tenth = Math.max(1, Math.floor(total / 10));
    if (interactive && (done === total || done % 25 === 0)) {
      process.stderr.write(`\r  ${label}: ${done}/${total}${done === total ? '\n' : ''}`);
    } else if (!interactive && (done === total || done % tenth === 0)) {
      process.stderr.write(`  ${label}: ${done}/${total}\n`);
    }
  };
}

function find(results: readonly ContenderResult[], name: string): ContenderResult | undefined {
  return results.find((result) => result.name === name);
}

async function main(): Promise<void> {
  const settings = parseSettings(process.argv.slice(2));
  if (settings === null) {
    process.stdout.write(HELP);
    return;
  }
  const root = datasetsDir();
  if (root === null) {
    console.log(`Datasets not found (set ${DATASETS_ENV} or place them at ../shared/datasets): speed benchmark skipped.`);
    return;
  }
  if (settings.builds.includes(DIST_BUILD)) {
    const build = buildIfStale(DIST_BUILD.entry);
    if (build.error !== undefined) {
      console.error(build.error);
      process.exitCode = 1;
      return;
    }
  }
  for (const build of settings.builds) {
    if (!existsSync(build.entry)) {
      console.error(`${build.label}: ${relative(process.cwd(), build.entry)} is missing.`);
      process.exitCode = 1;
      return;
    }
  }

  const loadStart = performance.now();
  const pages = loadPages(root, { datasets: settings.datasets, limit: settings.limit });
  const megabytes = pages.reduce((sum, page) => sum + page.bytes, 0) / 1e6;
  console.error(`Loaded ${pages.length} pages (${megabytes.toFixed(1)} MB) in ${((performance.now() - loadStart) / 1000).toFixed(1)} s.`);
  if (pages.length === 0) {
    console.log('No pages selected: nothing to time.');
    return;
  }
  const warmupCount = settings.quick ? QUICK_WARMUP_PAGE_COUNT : WARMUP_PAGE_COUNT;
  const warmupPages = spreadIndices(pages.length, warmupCount).flatMap((i) => (pages[i] === undefined ? [] : [pages[i]]));

  const primaryBuild = settings.builds[0] ?? DIST_BUILD;
  const loadedBuilds: { build: NewsprintBuild; module: NewsprintModule }[] = [];
  let loaded: NewsprintModule | string = 'not loaded';
  for (const build of settings.builds) {
    const module = await loadNewsprint(build);
    if (build === primaryBuild) loaded = module;
    if (typeof module === 'string') console.error(`newsprint (${build.label}) not timed: ${module}`);
    else loadedBuilds.push({ build, module });
  }
  const newsprint = typeof loaded === 'string' ? null : loaded;

  // The trace tally follows the primary build only: the builds run the same code, counting twice would mislead.
  const tally = new NewsprintTraceTally();
  const contenders: Contender[] = loadedBuilds.map(({ build, module }) =>
    newsprintContender(module, build, build === primaryBuild ? tally : new NewsprintTraceTally()),
  );
  if (settings.peers) contenders.push(...(await peerContenders(settings)));

  console.error(`Timing ${contenders.length} contenders, interleaved page by page${settings.gcBetween ? ', collecting garbage before each call' : ''}…`);
  const results = await timeContenders(contenders, pages, warmupPages, { gcBetween: settings.gcBetween, onProgress: progress('pages') });
  collectGarbage();

  // The primary build was loaded first, so its row comes first.
  const newsprintRow = newsprint === null ? undefined : results[0];
  const readability = find(results, READABILITY_LINKEDOM);
  const parseFloor = find(results, HTMLPARSER2_DOCUMENT_FLOOR);
  const linkedomFloor = find(results, LINKEDOM_PARSE_FLOOR);
  const ratio = (value: number | undefined): number | null => (value === undefined || !Number.isFinite(value) ? null : value);

  let alone: SpeedReport['alone'] = { skipped: 'not asked for' };
  let text: SpeedReport['text'] = { skipped: 'not asked for' };
  let scaling: SpeedReport['scaling'] = { skipped: 'not asked for' };
  let textScaling: SpeedReport['textScaling'] = { skipped: 'not asked for' };
  if (newsprint === null) {
    text = { skipped: 'newsprint did not load' };
    scaling = { skipped: 'newsprint did not load' };
    textScaling = { skipped: 'newsprint did not load' };
  } else {
    if (settings.alone) {
      console.error('Timing newsprint, the parse floor, Readability, and newsprint without the vote and on its own DOM, each alone…');
      try {
        const timed = await timeHtmlAloneInChild(primaryBuild, root, { datasets: settings.datasets, limit: settings.limit }, DEFAULT_ALONE_PASSES);
        alone = { results: timed.results, pages: timed.pages, passes: DEFAULT_ALONE_PASSES };
      } catch (error) {
        alone = { skipped: `failed: ${describeError(error)}` };
      }
    }
    if (settings.text) {
      console.error('Timing the text path…');
      try {
        const timed = await timeTextPathInChild(
          loadedBuilds.map(({ build }) => build),
          root,
          pages,
          settings.textPasses,
          settings.scaling ? (settings.quick ? QUICK_SCALING_REPEATS : FULL_SCALING_REPEATS) : [],
        );
        text =
          timed.pages === 0
            ? { skipped: 'no non-empty text renderings among the selected pages' }
            : { results: timed.results, pages: timed.pages, passes: settings.textPasses, stages: timed.stages };
        textScaling = timed.scaling;
      } catch (error) {
        text = { skipped: `failed: ${describeError(error)}` };
        textScaling = { skipped: `failed: ${describeError(error)}` };
      }
    }
    if (settings.scaling) {
      console.error('Measuring scaling…');
      try {
        scaling = await measureScaling(newsprint, primaryBuild, settings.quick ? QUICK_SCALING_REPEATS : FULL_SCALING_REPEATS);
      } catch (error) {
        scaling = { skipped: `failed: ${describeError(error)}` };
      }
    }
  }

  const pagesPerDataset = new Map<string, number>();
  for (const page of pages) pagesPerDataset.set(page.dataset, (pagesPerDataset.get(page.dataset) ?? 0) + 1);
  const report: SpeedReport = {
    date: new Date().toISOString().slice(0, 10),
    nodeVersion: process.version,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    cpuCount: cpus().length,
    loadAverage: loadavg()[0] ?? Number.NaN,
    command: ['npm run bench --', ...process.argv.slice(2)].join(' ').replace(/ --$/, ''),
    pageCount: pages.length,
    megabytes,
    pagesPerDataset,
    warmupPages: warmupPages.length,
    gcBetween: settings.gcBetween,
    newsprint: newsprintRow === undefined ? { unavailable: typeof loaded === 'string' ? loaded : 'not run' } : { row: newsprintRow.name },
    contenders: results,
    ratioVsReadability:
      newsprintRow && readability ? ratio(newsprintRow.summary.pagesPerSecond / readability.summary.pagesPerSecond) : null,
    ratioVsParseFloor: newsprintRow && parseFloor ? ratio(newsprintRow.summary.totalMs / parseFloor.summary.totalMs) : null,
    linkedomOverParseFloor: linkedomFloor && parseFloor ? ratio(linkedomFloor.summary.totalMs / parseFloor.summary.totalMs) : null,
    netOfMajorGc: newsprintRow && readability && parseFloor ? ratiosNetOfMajorGc(newsprintRow, readability, parseFloor) : null,
    tally: newsprintRow === undefined ? null : tally,
    alone,
    text,
    scaling,
    textScaling,
  };
  const markdown = renderReport(report);
  console.log(markdown);
  if (settings.out !== null) {
    mkdirSync(dirname(settings.out), { recursive: true });
    writeFileSync(settings.out, markdown);
    console.error(`Written to ${relative(process.cwd(), settings.out)}.`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
