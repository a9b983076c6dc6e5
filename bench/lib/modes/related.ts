/**
 * The related-links evaluation: newsprint's `article.related` URLs against the hand annotations in
 * bench/annotations/related.jsonl (see bench/annotations/README.md for how they were made).
 *
 * Only annotated pages are scored; every other page of a dataset is passed over without being read.
 * URLs are compared after normalisation (no fragment, no trailing slash, no scheme, no `www.`), and
 * the figures are precision and recall micro-averaged over all annotated links and macro-averaged
 * over pages.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { REPO_ROOT } from '../datasets.js';
import type { FloorFigures } from '../floors.js';
import type { DatasetResult, DatasetRun, EvalMode, EvalPage, Json, RunSettings, RunSummary, SlowPage } from './mode.js';
import { failureName } from '../systems.js';

/** The annotation file, one JSON object per page. */
export const RELATED_ANNOTATIONS_FILE = join(REPO_ROOT, 'bench', 'annotations', 'related.jsonl');

/** An extraction call slower than this is reported by page, as in the body evaluation. */
const SLOW_PAGE_MS = 10_000;

/** Decimals kept in eval.json. */
const FIGURE_DECIMALS = 4;

/** How many pages the `--pages` listing shows per dataset: enough to see patterns, short enough to read. */
const WORST_PAGES_SHOWN = 10;

/** How many missed or extra URLs are printed per listed page. */
const URLS_SHOWN_PER_PAGE = 8;

/** One annotated page. */
export interface RelatedAnnotation {
  dataset: string;
  id: string;
  url: string | null;
  related: string[];
  annotator: string;
}

/**
 * The URL as a comparison key: fragment and trailing slashes dropped, scheme and a leading `www.`
 * ignored, host lower-cased (paths stay case-sensitive, as servers treat them).
 */
export function normaliseUrl(url: string): string {
  const withoutFragment = url.trim().split('#', 1)[0] ?? '';
  const withoutScheme = withoutFragment.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/^\/\//, '');
  const slash = withoutScheme.indexOf('/');
  const host = (slash === -1 ? withoutScheme : withoutScheme.slice(0, slash)).toLowerCase().replace(/^www\./, '');
  const path = slash === -1 ? '' : withoutScheme.slice(slash);
  return `${host}${path}`.replace(/\/+$/, '');
}

/** Parses the annotation file's text; the last line for a page wins, so a resolved pass can follow a first one. */
export function parseRelatedAnnotations(text: string, annotator: string | null = null): Map<string, RelatedAnnotation> {
  const byPage = new Map<string, RelatedAnnotation>();
  for (const line of text.split('\n')) {
    if (line.trim().length === 0) continue;
    const raw = JSON.parse(line) as Partial<Record<keyof RelatedAnnotation, unknown>>;
    if (typeof raw.dataset !== 'string' || typeof raw.id !== 'string' || !Array.isArray(raw.related)) {
      throw new Error(`malformed related annotation: ${line.slice(0, 80)}`);
    }
    const record: RelatedAnnotation = {
      dataset: raw.dataset,
      id: raw.id,
      url: typeof raw.url === 'string' ? raw.url : null,
      related: raw.related.filter((item): item is string => typeof item === 'string'),
      annotator: typeof raw.annotator === 'string' ? raw.annotator : 'a',
    };
    if (annotator !== null && record.annotator !== annotator) continue;
    byPage.set(pageKey(record.dataset, record.id), record);
  }
  return byPage;
}

function pageKey(dataset: string, id: string): string {
  return `${dataset}/${id}`;
}

/** One page's comparison. */
export interface RelatedPageScore {
  id: string;
  truePositives: number;
  missed: string[];
  extra: string[];
  failure: string | null;
}

/** Compares predicted with annotated URLs as sets of normalised keys; lists keep the annotation's spelling. */
export function scoreRelatedPage(id: string, predicted: readonly string[], annotated: readonly string[], failure: string | null = null): RelatedPageScore {
  const predictedKeys = new Map(predicted.map((url) => [normaliseUrl(url), url]));
  const annotatedKeys = new Map(annotated.map((url) => [normaliseUrl(url), url]));
  let truePositives = 0;
  const missed: string[] = [];
  for (const [key, url] of annotatedKeys) {
    if (predictedKeys.has(key)) truePositives++;
    else missed.push(url);
  }
  const extra = [...predictedKeys].filter(([key]) => !annotatedKeys.has(key)).map(([, url]) => url);
  return { id, truePositives, missed, extra, failure };
}

/** Micro and macro precision and recall over pages. */
export interface RelatedFigures {
  pages: number;
  annotatedLinks: number;
  predictedLinks: number;
  microPrecision: number;
  microRecall: number;
  microF1: number;
  /** Mean page precision over pages where newsprint returned a link. */
  macroPrecision: number;
  /** Mean page recall over pages with at least one annotated link. */
  macroRecall: number;
  /** Share of pages annotated with no related links on which newsprint returned none. */
  emptyPagesRight: number | null;
}

function ratio(numerator: number, denominator: number, whenEmpty: number): number {
  return denominator === 0 ? whenEmpty : numerator / denominator;
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

export function aggregateRelated(scores: readonly RelatedPageScore[]): RelatedFigures {
  let truePositives = 0;
  let annotatedLinks = 0;
  let predictedLinks = 0;
  const pagePrecisions: number[] = [];
  const pageRecalls: number[] = [];
  let emptyPages = 0;
  let emptyPagesRight = 0;
  for (const score of scores) {
    const annotated = score.truePositives + score.missed.length;
    const predicted = score.truePositives + score.extra.length;
    truePositives += score.truePositives;
    annotatedLinks += annotated;
    predictedLinks += predicted;
    if (predicted > 0) pagePrecisions.push(score.truePositives / predicted);
    if (annotated > 0) pageRecalls.push(score.truePositives / annotated);
    else {
      emptyPages++;
      if (predicted === 0) emptyPagesRight++;
    }
  }
  // Nothing predicted is perfectly precise; nothing annotated is perfectly recalled.
  const microPrecision = ratio(truePositives, predictedLinks, 1);
  const microRecall = ratio(truePositives, annotatedLinks, 1);
  return {
    pages: scores.length,
    annotatedLinks,
    predictedLinks,
    microPrecision,
    microRecall,
    microF1: microPrecision + microRecall === 0 ? 0 : (2 * microPrecision * microRecall) / (microPrecision + microRecall),
    macroPrecision: mean(pagePrecisions),
    macroRecall: mean(pageRecalls),
    emptyPagesRight: emptyPages === 0 ? null : emptyPagesRight / emptyPages,
  };
}

function round(value: number): number {
  return Number(value.toFixed(FIGURE_DECIMALS));
}

/** Errors made by a page, for ranking the worst: every miss and every extra link counts once. */
function errorCount(score: RelatedPageScore): number {
  return score.missed.length + score.extra.length;
}

class RelatedDatasetRun implements DatasetRun {
  private readonly scores: RelatedPageScore[] = [];
  private readonly slowPages: SlowPage[] = [];

  constructor(
    private readonly dataset: string,
    private readonly settings: RunSettings,
    private readonly annotations: ReadonlyMap<string, RelatedAnnotation>,
    private readonly listWorst: boolean,
    /** Where every page's score also goes, for the figures over the whole run. */
    private readonly runScores: RelatedPageScore[],
  ) {}

  addPage(page: EvalPage): void {
    const annotation = this.annotations.get(pageKey(this.dataset, page.truth.id));
    if (annotation === undefined) return;
    const start = performance.now();
    let predicted: string[] = [];
    let failure: string | null = null;
    try {
      const article = this.settings.extract(page.bytes(), { url: annotation.url ?? page.url });
      predicted = article.related.map((link) => link.url).filter((url): url is string => url !== null);
    } catch (error) {
      failure = failureName(error);
    }
    const ms = performance.now() - start;
    if (ms > SLOW_PAGE_MS) this.slowPages.push({ dataset: this.dataset, id: page.truth.id, system: 'newsprint', ms: Math.round(ms) });
    const score = scoreRelatedPage(page.truth.id, predicted, annotation.related, failure);
    this.scores.push(score);
    this.runScores.push(score);
    this.settings.pageLog?.write({
      dataset: this.dataset,
      id: page.truth.id,
      system: 'newsprint',
      failure,
      relatedTp: score.truePositives,
      relatedMissed: score.missed.length,
      relatedExtra: score.extra.length,
    });
  }

  finish(): DatasetResult {
    const figures = aggregateRelated(this.scores);
    const failures = this.scores.filter((score) => score.failure !== null).length;
    const gateFigures: FloorFigures = {};
    const json: { [key: string]: Json } = Object.fromEntries(
      Object.entries(figures).map(([key, value]) => [key, value === null || Number.isInteger(value) ? value : round(value)]),
    );
    json['failures'] = failures;
    return { figures: json, table: this.table(figures, failures), gateFigures, slowPages: this.slowPages };
  }

  private table(figures: RelatedFigures, failures: number): string {
    if (figures.pages === 0) return `${this.dataset}: no annotated pages`;
    const empty = figures.emptyPagesRight === null ? '' : `; pages with none annotated and none returned: ${(100 * figures.emptyPagesRight).toFixed(0)}%`;
    const lines = [
      `${this.dataset}: ${figures.pages} annotated pages, ${figures.annotatedLinks} annotated links, ${figures.predictedLinks} returned${failures > 0 ? `, ${failures} failed` : ''}`,
      `  micro  P ${figures.microPrecision.toFixed(3)}  R ${figures.microRecall.toFixed(3)}  F1 ${figures.microF1.toFixed(3)}`,
      `  macro  P ${figures.macroPrecision.toFixed(3)}  R ${figures.macroRecall.toFixed(3)}${empty}`,
    ];
    if (this.listWorst) lines.push(...this.worstPages());
    return lines.join('\n');
  }

  private worstPages(): string[] {
    const worst = this.scores
      .filter((score) => errorCount(score) > 0 || score.failure !== null)
      .sort((a, b) => errorCount(b) - errorCount(a) || a.id.localeCompare(b.id))
      .slice(0, WORST_PAGES_SHOWN);
    const lines: string[] = [];
    for (const score of worst) {
      lines.push(`  ${score.id}: ${score.truePositives} found, ${score.missed.length} missed, ${score.extra.length} extra${score.failure === null ? '' : ` (failed: ${score.failure})`}`);
      for (const url of score.missed.slice(0, URLS_SHOWN_PER_PAGE)) lines.push(`    - ${url}`);
      if (score.missed.length > URLS_SHOWN_PER_PAGE) lines.push(`    - … ${score.missed.length - URLS_SHOWN_PER_PAGE} more missed`);
      for (const url of score.extra.slice(0, URLS_SHOWN_PER_PAGE)) lines.push(`    + ${url}`);
      if (score.extra.length > URLS_SHOWN_PER_PAGE) lines.push(`    + … ${score.extra.length - URLS_SHOWN_PER_PAGE} more extra`);
    }
    return lines;
  }
}

/** Reads the annotations once per run; a missing file scores nothing rather than failing. */
function loadAnnotations(): Map<string, RelatedAnnotation> {
  if (!existsSync(RELATED_ANNOTATIONS_FILE)) return new Map();
  // The resolved first pass ("a") is the reference; the independent second pass ("b") only measures agreement.
  return parseRelatedAnnotations(readFileSync(RELATED_ANNOTATIONS_FILE, 'utf8'), 'a');
}

let cachedAnnotations: Map<string, RelatedAnnotation> | null = null;
const runScores: RelatedPageScore[] = [];

/** The targets the project publishes against: the figures over all annotated pages of the run. */
function runSummary(): RunSummary | null {
  if (runScores.length === 0) return null;
  const figures = aggregateRelated(runScores);
  const table = [
    `All annotated pages: ${figures.pages} pages, ${figures.annotatedLinks} annotated links, ${figures.predictedLinks} returned`,
    `  micro  P ${figures.microPrecision.toFixed(3)}  R ${figures.microRecall.toFixed(3)}  F1 ${figures.microF1.toFixed(3)}`,
    `  macro  P ${figures.macroPrecision.toFixed(3)}  R ${figures.macroRecall.toFixed(3)}`,
  ].join('\n');
  const json: { [key: string]: Json } = Object.fromEntries(
    Object.entries(figures).map(([key, value]) => [key, value === null || Number.isInteger(value) ? value : round(value)]),
  );
  return { table, figures: json };
}

/** The related-links evaluation mode. `--pages` also prints the worst pages with their missed (-) and extra (+) URLs. */
export const relatedMode: EvalMode = {
  name: 'related',
  startDataset: (dataset, settings) => {
    cachedAnnotations ??= loadAnnotations();
    return new RelatedDatasetRun(dataset, settings, cachedAnnotations, settings.pageLog !== null, runScores);
  },
  finishRun: runSummary,
};
