/**
 * The metadata evaluation: title, authors, published date and language, scored with the datasets
 * README's rules (bench/lib/metadata-eval.ts) for newsprint and two peers, Readability.js on
 * linkedom and @extractus/article-extractor; with `--input text`, newsprint on the text renderings too.
 *
 * Two truths are scored and shown apart, because they answer different questions:
 *  - `annotated`: bench/annotations/metadata.jsonl, read off the visible pages by people;
 *  - `dataset`: the metadata the datasets ship (Readability's own expected output on `readability`,
 *    trafilatura's on `trafilatura-eval`, the marked headline on `l3s-gn1`), which carries those
 *    projects' conventions and mistakes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { extractFromHtml } from '@extractus/article-extractor';
import { decodeHtml, REPO_ROOT } from '../datasets.js';
import {
  addToTally,
  emptyTally,
  METADATA_FIELDS,
  scoreMetadata,
  tallyRates,
  type MetadataPrediction,
  type MetadataTally,
  type MetadataTruth,
} from '../metadata-eval.js';
import type { ExtractFunction } from '../systems.js';
import type { Article } from '../../../src/types.js';
import type { DatasetResult, DatasetRun, EvalMode, EvalPage, Json, RunSettings, RunSummary, SlowPage } from './mode.js';
import { SLOW_PAGE_MS } from './body.js';
import { failureName, readabilityArticle } from '../systems.js';

/** Where the hand annotations live (see bench/annotations/README.md). */
export const ANNOTATIONS_FILE = join(REPO_ROOT, 'bench', 'annotations', 'metadata.jsonl');

/** The annotator whose line is the resolved value; "b" lines are the independent second pass, kept for agreement only. */
const RESOLVED_ANNOTATOR = 'a';

/** Decimals kept in eval.json. */
const FIGURE_DECIMALS = 4;

type TruthSource = 'annotated' | 'dataset';
const TRUTH_SOURCES: readonly TruthSource[] = ['annotated', 'dataset'];

type MetadataSystemName = 'newsprint' | 'newsprint-text' | 'readability' | 'article-extractor';

/** One system's answer for one page, with the time the call took and why it failed, if it did. */
interface TimedPrediction {
  prediction: MetadataPrediction;
  ms: number;
  failure: string | null;
}

interface MetadataSystem {
  name: MetadataSystemName;
  predict(page: EvalPage): Promise<TimedPrediction>;
}

const EMPTY_PREDICTION: MetadataPrediction = { title: null, authors: [], published: null, lang: null };

/** One line of bench/annotations/metadata.jsonl. */
export interface MetadataAnnotation extends MetadataTruth {
  dataset: string;
  id: string;
  annotator: string;
  notes: string;
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value.trim().length > 0 ? value : null;
}

/** Parses the annotation file's text; malformed lines are an error, since a silent skip would shift the figures. */
export function parseAnnotations(text: string): MetadataAnnotation[] {
  const annotations: MetadataAnnotation[] = [];
  for (const [index, line] of text.split('\n').entries()) {
    if (line.trim().length === 0) continue;
    const raw: unknown = JSON.parse(line);
    if (typeof raw !== 'object' || raw === null) throw new Error(`annotation line ${index + 1} is not an object`);
    const record = raw as Record<string, unknown>;
    const dataset = stringOrNull(record['dataset']);
    const id = stringOrNull(record['id']);
    if (dataset === null || id === null) throw new Error(`annotation line ${index + 1} lacks dataset or id`);
    const authors = Array.isArray(record['authors']) ? record['authors'].filter((name): name is string => typeof name === 'string') : [];
    annotations.push({
      dataset,
      id,
      title: stringOrNull(record['title']),
      authors,
      published: stringOrNull(record['published']),
      lang: stringOrNull(record['lang']),
      annotator: stringOrNull(record['annotator']) ?? RESOLVED_ANNOTATOR,
      notes: typeof record['notes'] === 'string' ? record['notes'] : '',
    });
  }
  return annotations;
}

/** The resolved annotations keyed by `dataset/id`; empty when the file is absent. */
function loadResolvedAnnotations(path: string): Map<string, MetadataAnnotation> {
  if (!existsSync(path)) return new Map();
  const resolved = parseAnnotations(readFileSync(path, 'utf8')).filter((a) => a.annotator === RESOLVED_ANNOTATOR);
  return new Map(resolved.map((a) => [`${a.dataset}/${a.id}`, a]));
}

function hasAnyField(truth: MetadataTruth): boolean {
  return truth.title !== null || truth.authors.length > 0 || truth.published !== null || truth.lang !== null;
}

async function timed(run: () => MetadataPrediction | Promise<MetadataPrediction>): Promise<TimedPrediction> {
  const start = performance.now();
  try {
    const prediction = await run();
    return { prediction, ms: performance.now() - start, failure: null };
  } catch (error) {
    return { prediction: predictionFromError(error), ms: performance.now() - start, failure: failureName(error) };
  }
}

/**
 * newsprint's `NO_ARTICLE` error carries the page's metadata (the page was read, it only has no body):
 * that is what a caller gets, so it is scored. The failure is still counted.
 */
function predictionFromError(error: unknown): MetadataPrediction {
  const metadata: unknown = typeof error === 'object' && error !== null ? (error as { metadata?: unknown }).metadata : undefined;
  if (typeof metadata !== 'object' || metadata === null) return EMPTY_PREDICTION;
  const m = metadata as Partial<MetadataPrediction>;
  return { title: m.title ?? null, authors: m.authors ?? [], published: m.published ?? null, lang: m.lang ?? null };
}

/** A byline that starts "By " loses it; the peers return raw bylines and the brief scores each as a single name. */
const LEADING_BY = /^\s*by\s+/i;

/** A peer's raw byline as a one-author set: the peers do not split names, and we do not do it for them. */
function bylineAsAuthors(byline: string | null | undefined): string[] {
  const name = (byline ?? '').replace(LEADING_BY, '').trim();
  return name.length > 0 ? [name] : [];
}

function nonEmpty(value: string | null | undefined): string | null {
  return value !== null && value !== undefined && value.trim().length > 0 ? value : null;
}

/** The four fields the metadata evaluation scores, from a newsprint Article. */
function articleMetadata(article: Pick<Article, 'title' | 'authors' | 'published' | 'lang'>): MetadataPrediction {
  return { title: article.title, authors: article.authors, published: article.published, lang: article.lang };
}

function newsprintSystem(extract: ExtractFunction): MetadataSystem {
  return {
    name: 'newsprint',
    predict: (page) => {
      const bytes = page.bytes();
      return timed(() => articleMetadata(extract(bytes, { url: page.url })));
    },
  };
}

/** newsprint on the page's text rendering (`--input text`): the metadata the text path reads from the words alone. */
function newsprintTextMetadataSystem(extract: ExtractFunction): MetadataSystem {
  return {
    name: 'newsprint-text',
    predict: (page) => timed(() => articleMetadata(extract(page.rendering() ?? '', { url: page.url, format: 'text' }))),
  };
}

const readabilitySystem: MetadataSystem = {
  name: 'readability',
  predict: (page) => {
    const bytes = page.bytes();
    return timed(() => {
      const article = readabilityArticle(bytes);
      if (article === null) return EMPTY_PREDICTION;
      return {
        title: nonEmpty(article.title),
        authors: bylineAsAuthors(article.byline),
        published: nonEmpty(article.publishedTime),
        lang: nonEmpty(article.lang),
      };
    });
  },
};

/**
 * article-extractor returns nothing at all without a valid address, and many dataset pages have
 * none; a neutral placeholder lets it read the page (it only resolves links against it).
 */
const PLACEHOLDER_URL = 'https://example.invalid/';

/** article-extractor reports no language; its `lang` is always null and scores as a miss. */
const articleExtractorSystem: MetadataSystem = {
  name: 'article-extractor',
  predict: (page) => {
    const bytes = page.bytes();
    return timed(async () => {
      const article = await extractFromHtml(decodeHtml(bytes), page.url ?? PLACEHOLDER_URL);
      if (article === null) return EMPTY_PREDICTION;
      return { title: nonEmpty(article.title), authors: bylineAsAuthors(article.author), published: nonEmpty(article.published), lang: null };
    });
  },
};

function systemsFor(settings: RunSettings): MetadataSystem[] {
  const systems = [newsprintSystem(settings.extract)];
  if (settings.input === 'text') systems.push(newsprintTextMetadataSystem(settings.extract));
  if (settings.peers === 'readability') systems.push(readabilitySystem, articleExtractorSystem);
  return systems;
}

/** Tallies per truth source, then per system. */
type Tallies = Record<TruthSource, Map<MetadataSystemName, MetadataTally>>;

function emptyTallies(names: readonly MetadataSystemName[]): Tallies {
  const make = (): Map<MetadataSystemName, MetadataTally> => new Map(names.map((name) => [name, emptyTally()]));
  return { annotated: make(), dataset: make() };
}

function mergeInto(target: MetadataTally, source: MetadataTally): void {
  for (const field of METADATA_FIELDS) {
    target[field].scored += source[field].scored;
    target[field].matched += source[field].matched;
  }
}

function round(value: number): number {
  return Number(value.toFixed(FIGURE_DECIMALS));
}

/** Formats rows as left-aligned first column and right-aligned figures. */
function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]): string =>
    cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

/**
 * One table: a row per field and truth source, a column per system with its match rate, and the
 * number of pages scored (the same for every system: a page counts when its truth has the field).
 */
function formatTallies(title: string, tallies: Tallies): string {
  const systems = [...tallies.annotated.keys()];
  const header = ['field', 'truth', 'pages', ...systems];
  const rows: string[][] = [];
  for (const field of METADATA_FIELDS) {
    for (const source of TRUTH_SOURCES) {
      const first = tallies[source].get(systems[0] ?? 'newsprint');
      const scored = first?.[field].scored ?? 0;
      if (scored === 0) continue;
      const cells = systems.map((name) => {
        const rate = tallyRates(tallies[source].get(name) ?? emptyTally())[field];
        return rate === null ? '—' : rate.toFixed(3);
      });
      rows.push([field, source, String(scored), ...cells]);
    }
  }
  if (rows.length === 0) return `${title}: no page with metadata truth or annotations`;
  return `${title}\n${formatTable(header, rows)}`;
}

function talliesAsJson(tallies: Tallies): Json {
  const out: { [source: string]: Json } = {};
  for (const source of TRUTH_SOURCES) {
    const systems: { [name: string]: Json } = {};
    for (const [name, tally] of tallies[source]) {
      const rates = tallyRates(tally);
      const fields: { [field: string]: Json } = {};
      for (const field of METADATA_FIELDS) {
        const rate = rates[field];
        fields[field] = { scored: tally[field].scored, matched: tally[field].matched, rate: rate === null ? null : round(rate) };
      }
      systems[name] = fields;
    }
    out[source] = systems;
  }
  return out;
}

function metadataTruthOf(page: EvalPage): MetadataTruth {
  const { title, authors, published, lang } = page.truth;
  return { title, authors, published, lang };
}

/** A page's truths: its annotation (when annotated) and the dataset's own metadata (when it has any). */
function truthsOf(page: EvalPage, annotation: MetadataAnnotation | undefined): [TruthSource, MetadataTruth][] {
  const truths: [TruthSource, MetadataTruth][] = [];
  if (annotation !== undefined) truths.push(['annotated', annotation]);
  const shipped = metadataTruthOf(page);
  if (hasAnyField(shipped)) truths.push(['dataset', shipped]);
  return truths;
}

function scoreCell(score: boolean | null): string | null {
  return score === null ? null : score ? 'hit' : 'miss';
}

class MetadataDatasetRun implements DatasetRun {
  private readonly systems: MetadataSystem[];
  private readonly tallies: Tallies;
  private readonly failures = new Map<string, number>();
  private readonly slowPages: SlowPage[] = [];
  private skippedNoTruth = 0;
  private skippedEmptyRendering = 0;

  constructor(
    private readonly dataset: string,
    private readonly settings: RunSettings,
    private readonly annotations: ReadonlyMap<string, MetadataAnnotation>,
    private readonly onFinish: (tallies: Tallies) => void,
  ) {
    this.systems = systemsFor(settings);
    this.tallies = emptyTallies(this.systems.map((system) => system.name));
  }

  async addPage(page: EvalPage): Promise<void> {
    const truths = truthsOf(page, this.annotations.get(`${this.dataset}/${page.truth.id}`));
    if (truths.length === 0) {
      this.skippedNoTruth++;
      return;
    }
    // As in the body evaluation, text input leaves out pages whose rendering is empty, for every system alike.
    if (this.settings.input === 'text' && (page.rendering() ?? '').trim().length === 0) {
      this.skippedEmptyRendering++;
      return;
    }
    for (const system of this.systems) {
      const { prediction, ms, failure } = await system.predict(page);
      if (failure !== null) this.failures.set(`${system.name}: ${failure}`, (this.failures.get(`${system.name}: ${failure}`) ?? 0) + 1);
      if (ms > SLOW_PAGE_MS) this.slowPages.push({ dataset: this.dataset, id: page.truth.id, system: system.name, ms: Math.round(ms) });
      for (const [source, truth] of truths) {
        const score = scoreMetadata(truth, prediction);
        const tally = this.tallies[source].get(system.name);
        if (tally !== undefined) addToTally(tally, score);
        const record: Record<string, string | number | boolean | null> = {
          dataset: this.dataset,
          id: page.truth.id,
          system: system.name,
          truth: source,
          ms: Math.round(ms),
          failure,
        };
        for (const field of METADATA_FIELDS) record[field] = scoreCell(score[field]);
        this.settings.pageLog?.write(record);
      }
    }
  }

  finish(): DatasetResult {
    this.onFinish(this.tallies);
    const failures = [...this.failures].sort(([a], [b]) => a.localeCompare(b));
    const failureLine = failures.length === 0 ? '' : `\nfailures: ${failures.map(([what, count]) => `${what} ×${count}`).join(', ')}`;
    const skippedParts = [
      this.skippedNoTruth > 0 ? `${this.skippedNoTruth} pages without metadata truth` : null,
      this.skippedEmptyRendering > 0 ? `${this.skippedEmptyRendering} with an empty rendering` : null,
    ].filter((part): part is string => part !== null);
    const skipped = skippedParts.length > 0 ? ` (${skippedParts.join(', ')} skipped)` : '';
    return {
      figures: {
        skippedNoTruth: this.skippedNoTruth,
        ...(this.settings.input === 'text' ? { skippedEmptyRendering: this.skippedEmptyRendering } : {}),
        failures: Object.fromEntries(failures),
        truths: talliesAsJson(this.tallies),
      },
      table: `${formatTallies(`${this.dataset}: metadata match rates${skipped}`, this.tallies)}${failureLine}`,
      gateFigures: {},
      slowPages: this.slowPages,
    };
  }
}

/** Builds the metadata mode; the annotation file is read once, when the first dataset starts. */
export function createMetadataMode(annotationsFile: string = ANNOTATIONS_FILE): EvalMode {
  let annotations: Map<string, MetadataAnnotation> | null = null;
  let totals: Tallies | null = null;
  const addToTotals = (tallies: Tallies): void => {
    totals ??= emptyTallies([...tallies.annotated.keys()]);
    for (const source of TRUTH_SOURCES) {
      for (const [name, tally] of tallies[source]) {
        const total = totals[source].get(name);
        if (total !== undefined) mergeInto(total, tally);
      }
    }
  };
  return {
    name: 'metadata',
    startDataset: (dataset, settings) => {
      annotations ??= loadResolvedAnnotations(annotationsFile);
      return new MetadataDatasetRun(dataset, settings, annotations, addToTotals);
    },
    finishRun: (): RunSummary | null =>
      totals === null ? null : { table: formatTallies('All datasets: metadata match rates', totals), figures: talliesAsJson(totals) },
  };
}

/** The metadata evaluation mode. */
export const metadataMode: EvalMode = createMetadataMode();
