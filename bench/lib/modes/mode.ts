/**
 * The seam between the evaluation runner and what it measures. The runner streams pages
 * dataset by dataset; a mode decides which systems run on a page, how they are scored and how
 * the figures are shown. `body` is the article-text evaluation; `metadata` and `related` are
 * planned and plug in here with their own module beside `body.ts`.
 */
import type { FloorFigures } from '../floors.js';
import type { TruthRecord } from '../datasets.js';
import type { ExtractFunction, PageSource } from '../systems.js';

/** The evaluations the runner knows, one module each under bench/lib/modes/. */
export type ModeName = 'body' | 'metadata' | 'related';

/** Which peer extractors run beside newsprint. */
export type PeerChoice = 'none' | 'readability';

/** Which input newsprint is measured on: the stored HTML, or the browser's text rendering. */
export type InputChoice = 'html' | 'text';

/** One page of a dataset, its HTML and rendering read only when a system asks. */
export interface EvalPage extends PageSource {
  dataset: string;
  truth: TruthRecord;
}

/** Sink for per-page figures (the optional `--pages` file). Figures and ids only, never page text. */
export interface PageLog {
  write(record: Readonly<Record<string, string | number | boolean | null>>): void;
}

/** What a mode is told about the run. */
export interface RunSettings {
  extract: ExtractFunction;
  peers: PeerChoice;
  input: InputChoice;
  pageLog: PageLog | null;
}

/** A page on which an extraction call took unusually long. */
export interface SlowPage {
  dataset: string;
  id: string;
  system: string;
  ms: number;
}

/** A plain JSON value, for the figures written to bench/results/eval.json. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** A mode's result for one dataset. */
export interface DatasetResult {
  /** Figures for eval.json. */
  figures: Json;
  /** The table printed for this dataset. */
  table: string;
  /** newsprint's figures that the gate compares with bench/floors.json. */
  gateFigures: FloorFigures;
  /** Pages whose extraction took longer than the mode's slow threshold. */
  slowPages: SlowPage[];
}

/** The scoring of one dataset: fed page by page, then closed. */
export interface DatasetRun {
  /** May return a promise, for systems that only answer asynchronously; the runner awaits it. */
  addPage(page: EvalPage): void | Promise<void>;
  finish(): DatasetResult;
}

/** An evaluation mode. */
export interface EvalMode {
  name: ModeName;
  startDataset(dataset: string, settings: RunSettings): DatasetRun;
  /** Optional: figures over all datasets of the run, printed after the last one. */
  finishRun?(): RunSummary | null;
}

/** A mode's figures over the whole run. */
export interface RunSummary {
  table: string;
  figures: Json;
}
