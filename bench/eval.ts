/**
 * Quality evaluation over the development datasets: `npm run eval -- [flags]`.
 *
 * Streams each dataset's pages, runs newsprint (from the sources, no build needed) and the
 * peers on them, prints a table per dataset, writes the figures to bench/results/eval.json,
 * and optionally gates on bench/floors.json. Run with `--help` for the flags.
 */
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync, type WriteStream } from 'node:fs';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { listDatasets, readHtmlBytes, readTextRendering, readTruth, REPO_ROOT, resolveDatasetsDir, DATASETS_ENV, type TruthRecord } from './lib/datasets.js';
import { checkFloors, mergeFloors, parseFloors, GATE_TOLERANCE, type Floors } from './lib/floors.js';
import { MODES, type ModeName } from './lib/modes/index.js';
import type { EvalPage, InputChoice, Json, PageLog, PeerChoice, RunSettings, SlowPage } from './lib/modes/mode.js';
import { loadNewsprint, type ExtractFunction } from './lib/systems.js';

/** Figures of a complete run (every dataset, every page, HTML input): the file worth committing. */
const RESULTS_FILE = join(REPO_ROOT, 'bench', 'results', 'eval.json');
/** Figures of a partial run, kept out of git so a quick check never replaces the complete figures. */
const PARTIAL_RESULTS_FILE = join(REPO_ROOT, 'bench', 'results', 'eval.local.json');
const PAGES_FILE = join(REPO_ROOT, 'bench', 'results', 'pages.local.jsonl');
const FLOORS_FILE = join(REPO_ROOT, 'bench', 'floors.json');
/** The text path's floors, gated by `--input text --gate`. */
const TEXT_FLOORS_FILE = join(REPO_ROOT, 'bench', 'floors-text.json');

/** Exit status for a malformed command line, distinct from a failed gate (1). */
const EXIT_USAGE = 2;

const USAGE = `Usage: npm run eval -- [flags]

  --data DIR           datasets folder (default: $${DATASETS_ENV}, else ../shared/datasets from the repo root)
  --dataset a,b        only these datasets
  --limit N            at most N pages per dataset
  --peers P            none | readability (default readability)
  --input I            html | text (default html); text also runs newsprint on the text renderings
                       and the whole-rendering baseline, on pages whose rendering is not empty
  --pages              write per-page figures to bench/results/pages.local.jsonl
  --gate               fail (exit 1) if a figure is more than ${GATE_TOLERANCE} below bench/floors.json
                       (bench/floors-text.json, the text path's figures, with --input text)
  --write-floors       write this run's figures into that file
  --metadata           title, authors, date, lang against bench/annotations and the datasets' truth
                       (peers readability: Readability.js and article-extractor; with --input text, the text path too)
  --related            related-link URLs against bench/annotations/related.jsonl (with --pages: the worst pages)
  --no-readability-fallback
                       newsprint with readabilityFallback: false, what a pipeline that opts out of the vote gets
                       (figures to eval.local.json; not with --gate or --write-floors)
  --readability-dom D  linkedom | builtin (default linkedom): the DOM Readability runs on when newsprint asks it
                       (figures to eval.local.json unless linkedom; only linkedom with --gate or --write-floors)
  --help               this text

Figures go to bench/results/eval.json after a complete HTML run (eval-text.json for --input text, eval-MODE.json
for --metadata and --related, eval-metadata-text.json for --metadata --input text), else to eval.local.json (not in git).`;

class UsageError extends Error {}

interface CommandLine {
  dataDir: string | null;
  datasets: string[] | null;
  limit: number | null;
  peers: PeerChoice;
  input: InputChoice;
  mode: ModeName;
  pages: boolean;
  gate: boolean;
  writeFloors: boolean;
  /** newsprint with `readabilityFallback: false`: the quality a pipeline gives up for the vote's time. */
  withoutFallback: boolean;
  /** The DOM newsprint's Readability vote runs on. */
  readabilityDom: 'linkedom' | 'builtin';
  help: boolean;
}

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${flag} must be one of ${allowed.join(', ')}; got ${value}`);
}

function parseCommandLine(argv: string[]): CommandLine {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      data: { type: 'string' },
      dataset: { type: 'string' },
      limit: { type: 'string' },
      peers: { type: 'string' },
      input: { type: 'string' },
      pages: { type: 'boolean', default: false },
      gate: { type: 'boolean', default: false },
      'write-floors': { type: 'boolean', default: false },
      metadata: { type: 'boolean', default: false },
      related: { type: 'boolean', default: false },
      'no-readability-fallback': { type: 'boolean', default: false },
      'readability-dom': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  let limit: number | null = null;
  if (values.limit !== undefined) {
    limit = Number(values.limit);
    if (!Number.isInteger(limit) || limit <= 0) throw new UsageError(`--limit must be a positive integer; got ${values.limit}`);
  }
  if (values.metadata && values.related) throw new UsageError('--metadata and --related are separate runs; pick one');
  const mode: ModeName = values.metadata ? 'metadata' : values.related ? 'related' : 'body';
  const commandLine: CommandLine = {
    dataDir: values.data ?? null,
    datasets: values.dataset === undefined ? null : values.dataset.split(',').map((name) => name.trim()).filter((name) => name.length > 0),
    limit,
    peers: oneOf('peers', values.peers, ['none', 'readability'] as const, 'readability'),
    input: oneOf('input', values.input, ['html', 'text'] as const, 'html'),
    mode,
    pages: values.pages,
    gate: values.gate,
    writeFloors: values['write-floors'],
    withoutFallback: values['no-readability-fallback'],
    readabilityDom: oneOf('readability-dom', values['readability-dom'], ['linkedom', 'builtin'] as const, 'linkedom'),
    help: values.help,
  };
  if ((commandLine.gate || commandLine.writeFloors) && (commandLine.withoutFallback || commandLine.readabilityDom !== 'linkedom')) {
    throw new UsageError('the floors are for the default options: drop --no-readability-fallback and --readability-dom');
  }
  if ((commandLine.gate || commandLine.writeFloors) && commandLine.limit !== null) {
    throw new UsageError('--gate and --write-floors compare whole datasets: drop --limit');
  }
  return commandLine;
}

/** newsprint runs with options other than the defaults: its figures are not the ones the repository keeps. */
function nonDefaultOptions(commandLine: CommandLine): boolean {
  return commandLine.withoutFallback || commandLine.readabilityDom !== 'linkedom';
}

/** A page whose bytes and rendering are read at most once, and only if a system asks. */
function lazyPage(dir: string, dataset: string, truth: TruthRecord): EvalPage {
  let bytes: Uint8Array | null = null;
  let rendering: string | null | undefined;
  return {
    dataset,
    truth,
    url: truth.url,
    bytes: () => (bytes ??= readHtmlBytes(dir, dataset, truth.id)),
    rendering: () => (rendering === undefined ? (rendering = readTextRendering(dir, dataset, truth.id)) : rendering),
  };
}

/**
 * Writes a file whole or not at all: several people may run the evaluation in one working tree,
 * and a rename keeps one run's file from being interleaved with another's.
 */
function writeFileAtomically(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

function jsonLinesLog(stream: WriteStream): PageLog {
  return { write: (record) => stream.write(`${JSON.stringify(record)}\n`) };
}

/** Progress goes to stderr only for a person watching; logs and pipes stay clean. */
function progress(text: string): void {
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${text}`);
}

function failingExtract(reason: Error): ExtractFunction {
  return () => {
    throw reason;
  };
}

function gate(measured: Floors, floorsFile: string): boolean {
  if (!existsSync(floorsFile)) {
    console.log(`\nGate: bench/${basename(floorsFile)} does not exist; write it deliberately with --write-floors.`);
    return false;
  }
  const checks = checkFloors(measured, parseFloors(readFileSync(floorsFile, 'utf8')));
  console.log(`\nGate (tolerance ${GATE_TOLERANCE}):`);
  for (const check of checks) {
    const shown = check.measured === null ? 'not measured' : check.measured.toFixed(4);
    console.log(`  ${check.passed ? 'ok  ' : 'FAIL'}  ${check.dataset} ${check.metric}: ${shown} (floor ${check.floor.toFixed(4)})`);
  }
  const failed = checks.filter((check) => !check.passed).length;
  console.log(failed === 0 ? 'Gate passed.' : `Gate failed: ${failed} figure(s) below their floor.`);
  return failed === 0;
}

async function main(argv: string[]): Promise<number> {
  let commandLine: CommandLine;
  try {
    commandLine = parseCommandLine(argv);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  if (commandLine.help) {
    console.log(USAGE);
    return 0;
  }

  const mode = MODES[commandLine.mode];
  if (mode === null) {
    console.error(`The ${commandLine.mode} evaluation is not written yet (it belongs in bench/lib/modes/${commandLine.mode}.ts).`);
    return EXIT_USAGE;
  }

  const dir = resolveDatasetsDir(commandLine.dataDir, process.env);
  const available = listDatasets(dir);
  if (available.length === 0) {
    console.log(`No datasets found in ${dir}; nothing to evaluate. Point --data or ${DATASETS_ENV} at the datasets folder.`);
    return 0;
  }
  const unknown = (commandLine.datasets ?? []).filter((name) => !available.includes(name));
  if (unknown.length > 0) {
    console.error(`Unknown dataset(s): ${unknown.join(', ')}. Available: ${available.join(', ')}.`);
    return EXIT_USAGE;
  }
  const datasets = commandLine.datasets ?? available;

  const loaded = await loadNewsprint();
  if (loaded instanceof Error) {
    console.error(`newsprint could not be loaded (${loaded.message}); its predictions count as empty.`);
  }

  mkdirSync(join(REPO_ROOT, 'bench', 'results'), { recursive: true });
  // Streamed to a private file, renamed into place when complete (see writeFileAtomically).
  const pagesTemporary = `${PAGES_FILE}.${process.pid}.tmp`;
  const pagesStream = commandLine.pages ? createWriteStream(pagesTemporary) : null;
  const extract = loaded instanceof Error ? failingExtract(loaded) : loaded;
  const settings: RunSettings = {
    extract: nonDefaultOptions(commandLine)
      ? (input, options) => extract(input, { ...options, readabilityFallback: !commandLine.withoutFallback, readabilityDom: commandLine.readabilityDom })
      : extract,
    peers: commandLine.peers,
    input: commandLine.input,
    pageLog: pagesStream === null ? null : jsonLinesLog(pagesStream),
  };

  const runStart = performance.now();
  const figures: { [dataset: string]: Json } = {};
  const measured: Floors = {};
  const slowPages: SlowPage[] = [];
  for (const dataset of datasets) {
    const run = mode.startDataset(dataset, settings);
    let count = 0;
    for await (const truth of readTruth(dir, dataset)) {
      if (commandLine.limit !== null && count >= commandLine.limit) break;
      await run.addPage(lazyPage(dir, dataset, truth));
      count++;
      progress(`${dataset}: ${count} pages`);
    }
    progress('');
    const result = run.finish();
    console.log(`\n${result.table}`);
    figures[dataset] = result.figures;
    measured[dataset] = result.gateFigures;
    slowPages.push(...result.slowPages);
  }
  const summary = mode.finishRun?.() ?? null;
  if (summary !== null) console.log(`\n${summary.table}`);
  const runtimeSeconds = (performance.now() - runStart) / 1000;

  console.log(`\nRuntime: ${runtimeSeconds.toFixed(1)} s for ${datasets.length} dataset(s).`);
  if (slowPages.length > 0) {
    console.log('Slow pages (over 10 s in one extraction call):');
    for (const slow of slowPages) console.log(`  ${slow.dataset}/${slow.id} ${slow.system}: ${(slow.ms / 1000).toFixed(1)} s`);
  }

  const results: Json = {
    mode: commandLine.mode,
    input: commandLine.input,
    peers: commandLine.peers,
    limit: commandLine.limit,
    newsprintLoaded: !(loaded instanceof Error),
    runtimeSeconds: Number(runtimeSeconds.toFixed(1)),
    slowPages: slowPages.map((slow) => ({ ...slow })),
    datasets: figures,
    ...(summary === null ? {} : { summary: summary.figures }),
  };
  const textBody = commandLine.mode === 'body' && commandLine.input === 'text';
  const textMetadata = commandLine.mode === 'metadata' && commandLine.input === 'text';
  const complete =
    commandLine.limit === null &&
    commandLine.datasets === null &&
    !nonDefaultOptions(commandLine) &&
    (commandLine.input === 'html' || textBody || textMetadata);
  // Each mode (and each text-path run) keeps its own complete-run file, so no run replaces another's figures.
  const completeFile = textBody
    ? join(REPO_ROOT, 'bench', 'results', 'eval-text.json')
    : textMetadata
      ? join(REPO_ROOT, 'bench', 'results', 'eval-metadata-text.json')
      : commandLine.mode === 'body'
        ? RESULTS_FILE
        : join(REPO_ROOT, 'bench', 'results', `eval-${commandLine.mode}.json`);
  const resultsFile = complete ? completeFile : PARTIAL_RESULTS_FILE;
  writeFileAtomically(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`Figures written to bench/results/${complete ? basename(completeFile) : 'eval.local.json (a partial run)'}.`);

  if (pagesStream !== null) {
    await new Promise<void>((resolve) => pagesStream.end(resolve));
    renameSync(pagesTemporary, PAGES_FILE);
    console.log('Per-page figures written to bench/results/pages.local.jsonl.');
  }

  const floorsFile = commandLine.input === 'text' ? TEXT_FLOORS_FILE : FLOORS_FILE;
  if (commandLine.writeFloors) {
    const existing = existsSync(floorsFile) ? parseFloors(readFileSync(floorsFile, 'utf8')) : {};
    writeFileAtomically(floorsFile, `${JSON.stringify(mergeFloors(existing, measured), null, 2)}\n`);
    console.log(`Floors written to bench/${basename(floorsFile)}.`);
  }
  if (commandLine.gate && !gate(measured, floorsFile)) return 1;
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
