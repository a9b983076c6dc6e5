/**
 * The body evaluation: newsprint's article text against each dataset's truth body (shingle F1)
 * and `with` / `without` snippets, beside peers and, for the text path, beside the whole rendering.
 */
import {
  aggregateBody,
  aggregateHeadingAgreement,
  aggregateSnippets,
  harmonicMean,
  headingAgreement,
  scoreBodyPage,
  scoreSnippetPage,
  type BodyFigures,
  type BodyPageScore,
  type HeadingAgreement,
  type SnippetCounts,
  type SnippetFigures,
} from '../metrics.js';
import {
  newsprintHtmlSystem,
  newsprintTextSystem,
  readabilitySystem,
  wholeTextSystem,
  type BodySystem,
  type SystemName,
} from '../systems.js';
import type { FloorFigures } from '../floors.js';
import type { DatasetResult, DatasetRun, EvalMode, EvalPage, Json, RunSettings, SlowPage } from './mode.js';

/** An extraction call slower than this is reported by page: a sign of pathological input. */
export const SLOW_PAGE_MS = 10_000;

/** Decimals kept in eval.json: four are enough to see a 0.01% change. */
const FIGURE_DECIMALS = 4;

/** Running tallies of one system on one dataset. */
interface SystemTally {
  system: BodySystem;
  bodyScores: BodyPageScore[];
  /** Body scores of the pages the dataset does not mark as non-articles (`readerable: false`). */
  readerableScores: BodyPageScore[];
  snippetCounts: SnippetCounts[];
  /** Whether this system's time means anything (the whole-text baseline does no work). */
  timed: boolean;
  milliseconds: number;
  pages: number;
  fallbacks: number;
  failures: Map<string, number>;
}

function systemsFor(settings: RunSettings): BodySystem[] {
  const systems: BodySystem[] = [newsprintHtmlSystem(settings.extract)];
  if (settings.input === 'text') systems.push(newsprintTextSystem(settings.extract), wholeTextSystem);
  if (settings.peers === 'readability') systems.push(readabilitySystem);
  return systems;
}

function hasSnippets(page: EvalPage): boolean {
  return page.truth.with.length + page.truth.without.length > 0;
}

function isEmptyRendering(page: EvalPage): boolean {
  const rendering = page.rendering();
  return rendering === null || rendering.trim().length === 0;
}

function round(value: number): number {
  return Number(value.toFixed(FIGURE_DECIMALS));
}

function roundedFigures(figures: BodyFigures | SnippetFigures): { [key: string]: Json } {
  return Object.fromEntries(Object.entries(figures).map(([key, value]) => [key, Number.isInteger(value) ? value : round(value)]));
}

function pagesPerSecond(tally: SystemTally): number | null {
  if (!tally.timed || tally.pages === 0 || tally.milliseconds === 0) return null;
  return tally.pages / (tally.milliseconds / 1000);
}

/** Formats rows as left-aligned first column and right-aligned figures. */
function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]): string =>
    cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

function figure(value: number): string {
  return value.toFixed(3);
}

class BodyDatasetRun implements DatasetRun {
  private readonly tallies: SystemTally[];
  private bodyPages = 0;
  /** Pages with a body truth that the dataset marks as no article (`readability`'s unit-test pages). */
  private nonReaderablePages = 0;
  private snippetPages = 0;
  private skippedNoTruth = 0;
  private skippedEmptyRendering = 0;
  private readonly slowPages: SlowPage[] = [];
  /** On text input, each page's text-path headings against the HTML path's, where both found an article. */
  private readonly headingPages: HeadingAgreement[] = [];

  constructor(
    private readonly dataset: string,
    private readonly settings: RunSettings,
  ) {
    this.tallies = systemsFor(settings).map((system) => ({
      system,
      bodyScores: [],
      readerableScores: [],
      snippetCounts: [],
      timed: system.name !== 'whole-text',
      milliseconds: 0,
      pages: 0,
      fallbacks: 0,
      failures: new Map(),
    }));
  }

  addPage(page: EvalPage): void {
    const { truth } = page;
    const scoresBody = truth.body !== null;
    const scoresSnippets = hasSnippets(page);
    if (!scoresBody && !scoresSnippets) {
      this.skippedNoTruth++;
      return;
    }
    // The README leaves pages with an empty rendering out of text-path scores; every system skips them so all compare on the same pages.
    if (this.settings.input === 'text' && isEmptyRendering(page)) {
      this.skippedEmptyRendering++;
      return;
    }
    if (scoresBody) this.bodyPages++;
    if (scoresBody && truth.readerable === false) this.nonReaderablePages++;
    if (scoresSnippets) this.snippetPages++;

    const headings = new Map<SystemName, readonly string[]>();
    for (const tally of this.tallies) {
      const prediction = tally.system.predict(page);
      if (prediction.failure === null) headings.set(tally.system.name, prediction.headings);
      tally.pages++;
      tally.milliseconds += prediction.ms;
      if (prediction.fallback) tally.fallbacks++;
      if (prediction.failure !== null) tally.failures.set(prediction.failure, (tally.failures.get(prediction.failure) ?? 0) + 1);
      if (prediction.ms > SLOW_PAGE_MS) {
        this.slowPages.push({ dataset: this.dataset, id: truth.id, system: tally.system.name, ms: Math.round(prediction.ms) });
      }

      const record: Record<string, string | number | boolean | null> = {
        dataset: this.dataset,
        id: truth.id,
        system: tally.system.name,
        ms: Math.round(prediction.ms),
        failure: prediction.failure,
      };
      if (scoresBody) {
        const score = scoreBodyPage(truth.body ?? '', prediction.text);
        tally.bodyScores.push(score);
        if (truth.readerable !== false) tally.readerableScores.push(score);
        Object.assign(record, { precision: round(score.precision), recall: round(score.recall), f1: round(harmonicMean(score.precision, score.recall)) });
      }
      if (scoresSnippets) {
        const counts = scoreSnippetPage(prediction.text, truth.with, truth.without);
        tally.snippetCounts.push(counts);
        Object.assign(record, { snippetTp: counts.tp, snippetFp: counts.fp, snippetFn: counts.fn });
      }
      this.settings.pageLog?.write(record);
    }
    const fromHtml = headings.get('newsprint');
    const fromText = headings.get('newsprint-text');
    if (this.settings.input === 'text' && fromHtml !== undefined && fromText !== undefined) this.headingPages.push(headingAgreement(fromHtml, fromText));
  }

  finish(): DatasetResult {
    const summaries = this.tallies.map((tally) => ({
      tally,
      body: this.bodyPages > 0 ? aggregateBody(tally.bodyScores) : null,
      readerable: this.nonReaderablePages > 0 ? aggregateBody(tally.readerableScores) : null,
      snippets: this.snippetPages > 0 ? aggregateSnippets(tally.snippetCounts) : null,
    }));

    const systems: { [key: string]: Json } = {};
    for (const { tally, body, readerable, snippets } of summaries) {
      const speed = pagesPerSecond(tally);
      systems[tally.system.name] = {
        body: body === null ? null : roundedFigures(body),
        ...(readerable === null ? {} : { readerableBody: roundedFigures(readerable) }),
        snippets: snippets === null ? null : roundedFigures(snippets),
        seconds: tally.timed ? round(tally.milliseconds / 1000) : null,
        pagesPerSecond: speed === null ? null : round(speed),
        failures: Object.fromEntries([...tally.failures].sort(([a], [b]) => a.localeCompare(b))),
        fallbacks: tally.system.name.startsWith('newsprint') ? tally.fallbacks : null,
      };
    }

    const gateFigures: FloorFigures = {};
    // On text input the gate watches the text path; the HTML row beside it is there for comparison.
    const newsprint =
      summaries.find((summary) => summary.tally.system.name === ('newsprint-text' satisfies SystemName)) ??
      summaries.find((summary) => summary.tally.system.name === ('newsprint' satisfies SystemName));
    if (newsprint?.body) gateFigures.bodyF1 = newsprint.body.f1;
    if (newsprint?.snippets) gateFigures.snippetF1 = newsprint.snippets.f1;

    return {
      figures: {
        bodyPages: this.bodyPages,
        snippetPages: this.snippetPages,
        skippedNoTruth: this.skippedNoTruth,
        skippedEmptyRendering: this.skippedEmptyRendering,
        systems,
        ...(this.settings.input === 'text' ? { headingAgreement: this.headingFigures() } : {}),
      },
      table: this.table(summaries),
      gateFigures,
      slowPages: this.slowPages,
    };
  }

  private headingFigures(): { [key: string]: Json } {
    const agreement = aggregateHeadingAgreement(this.headingPages);
    return { pages: this.headingPages.length, html: agreement.html, text: agreement.text, shared: agreement.shared, precision: round(agreement.precision), recall: round(agreement.recall) };
  }

  private table(summaries: { tally: SystemTally; body: BodyFigures | null; readerable: BodyFigures | null; snippets: SnippetFigures | null }[]): string {
    const showBody = this.bodyPages > 0;
    const showSnippets = this.snippetPages > 0;
    const header = ['system'];
    if (showBody) header.push('body P', 'body R', 'body F1', 'exact');
    if (showSnippets) header.push('snip P', 'snip R', 'snip F1');
    header.push('pages/s', 'failed', 'fallback');

    const rows = summaries.map(({ tally, body, snippets }) => {
      const row: string[] = [tally.system.name];
      if (body) row.push(figure(body.precision), figure(body.recall), figure(body.f1), figure(body.accuracy));
      if (snippets) row.push(figure(snippets.precision), figure(snippets.recall), figure(snippets.f1));
      const speed = pagesPerSecond(tally);
      const failed = [...tally.failures.values()].reduce((sum, count) => sum + count, 0);
      // Speed of a system that failed on every page measures nothing.
      row.push(speed === null || failed === tally.pages ? '—' : speed.toFixed(1), String(failed));
      const share = tally.pages > 0 ? ` (${((100 * tally.fallbacks) / tally.pages).toFixed(0)}%)` : '';
      row.push(tally.system.name.startsWith('newsprint') ? `${tally.fallbacks}${share}` : '—');
      return row;
    });

    const counts = [showBody ? `${this.bodyPages} with a truth body` : null, showSnippets ? `${this.snippetPages} with snippets` : null]
      .filter((part): part is string => part !== null)
      .join(', ');
    const skipped = [
      this.skippedNoTruth > 0 ? `${this.skippedNoTruth} without truth` : null,
      this.skippedEmptyRendering > 0 ? `${this.skippedEmptyRendering} with an empty rendering` : null,
    ].filter((part): part is string => part !== null);
    const title = `${this.dataset}: ${counts}${skipped.length > 0 ? `; skipped ${skipped.join(', ')}` : ''}`;
    // The dataset's own non-article pages (a one-word test page, a "Lorem ipsum" line) are shown apart too: on
    // them NO_ARTICLE is the documented answer, while the truth is whatever Readability printed.
    const readerable = summaries
      .filter((summary) => summary.readerable !== null)
      .map(({ tally, readerable: figures }) => `${tally.system.name} ${figure(figures!.f1)} (${figure(figures!.precision)} / ${figure(figures!.recall)})`);
    const readerableLine =
      readerable.length > 0
        ? `\nwithout the ${this.nonReaderablePages} pages the dataset marks as not articles, body F1 (P / R): ${readerable.join(', ')}`
        : '';
    let headingLine = '';
    if (this.settings.input === 'text' && this.headingPages.length > 0) {
      const h = aggregateHeadingAgreement(this.headingPages);
      headingLine =
        `\nheadings, newsprint-text against newsprint's HTML headings (no dataset annotates headings; ${this.headingPages.length} pages where both found an article): ` +
        `${h.shared} shared, ${figure(h.recall)} of the HTML path's ${h.html}, ${figure(h.precision)} of the text path's ${h.text}`;
    }
    return `${title}\n${formatTable(header, rows)}${readerableLine}${headingLine}`;
  }
}

/** The body evaluation mode. */
export const bodyMode: EvalMode = {
  name: 'body',
  startDataset: (dataset, settings) => new BodyDatasetRun(dataset, settings),
};
