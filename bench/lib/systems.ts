/**
 * The extractors the evaluation compares, each behind the same small interface: give it a page,
 * get the body text back with the time the extraction call took. A throw is caught and becomes an
 * empty prediction, as the metric prescribes, with the reason kept for the failure counts.
 */
import { performance } from 'node:perf_hooks';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Article, ExtractOptions } from '../../src/types.js';
import { decodeHtml } from './datasets.js';

/** What every system returns for one page. */
export interface Prediction {
  /** The extracted body as plain text; `''` when the system returned nothing or threw. */
  text: string;
  /** Milliseconds spent in the extraction call (decoding and parsing included, reading the file not). */
  ms: number;
  /** Why the system gave nothing: an error code or class name; `null` when it returned normally. */
  failure: string | null;
  /** Whether newsprint asked Readability for a second opinion on this page. */
  fallback: boolean;
  /** The article's section headings, for newsprint's systems (empty for the others and on a failure). */
  headings: readonly string[];
}

/** A page as a system may read it; the HTML bytes and the text rendering are loaded on demand. */
export interface PageSource {
  url: string | null;
  bytes(): Uint8Array;
  /** The browser's innerText rendering, `null` when absent. */
  rendering(): string | null;
}

/** A named extractor. */
export interface BodySystem {
  name: SystemName;
  predict(page: PageSource): Prediction;
}

/** Every system the body evaluation knows. */
export type SystemName = 'newsprint' | 'newsprint-text' | 'readability' | 'whole-text';

/** newsprint's `extract`, as the evaluation calls it. */
export type ExtractFunction = (input: string | Uint8Array, options?: ExtractOptions) => Article;

/** The error's code (a NewsprintError's), else its name: how tables count failures. */
export function failureName(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    const name = (error as { name?: unknown }).name;
    if (typeof name === 'string') return name;
  }
  return 'thrown';
}

/** Times `run` and turns a throw into an empty prediction. */
function timed(run: () => { text: string; fallback: boolean; headings?: readonly string[] }): Prediction {
  const start = performance.now();
  try {
    const { text, fallback, headings = [] } = run();
    return { text, ms: performance.now() - start, failure: null, fallback, headings };
  } catch (error) {
    return { text: '', ms: performance.now() - start, failure: failureName(error), fallback: false, headings: [] };
  }
}

/**
 * Loads newsprint from the sources (tsx runs them directly, so no build is needed). Returns the
 * error instead of throwing so a run can still score the peers while the library is broken.
 */
export async function loadNewsprint(): Promise<ExtractFunction | Error> {
  try {
    const library: { extract: ExtractFunction } = await import('../../src/index.js');
    return library.extract;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** newsprint on the page's raw bytes, as a caller would pass them: it decodes and sniffs the format itself. */
export function newsprintHtmlSystem(extract: ExtractFunction): BodySystem {
  return {
    name: 'newsprint',
    predict: (page) => {
      const bytes = page.bytes();
      return timed(() => {
        const article = extract(bytes, { url: page.url });
        return { text: article.text, fallback: article.trace.fallback === 'readability', headings: article.headings.map((h) => h.text) };
      });
    },
  };
}

/** newsprint on the browser's text rendering of the page, through the text path. */
export function newsprintTextSystem(extract: ExtractFunction): BodySystem {
  return {
    name: 'newsprint-text',
    predict: (page) => {
      const rendering = page.rendering() ?? '';
      return timed(() => {
        const article = extract(rendering, { url: page.url, format: 'text' });
        return { text: article.text, fallback: article.trace.fallback === 'readability', headings: article.headings.map((h) => h.text) };
      });
    },
  };
}

/** The baseline for the text path: the entire rendering taken as the body. */
export const wholeTextSystem: BodySystem = {
  name: 'whole-text',
  predict: (page) => {
    const rendering = page.rendering() ?? '';
    return { text: rendering, ms: 0, failure: null, fallback: false, headings: [] };
  },
};

/**
 * Readability.js on a linkedom DOM, the way newsprint's own fallback runs it. The serializer is
 * a no-op because only `textContent` is scored; serialising the article HTML would only add time.
 */
export const readabilitySystem: BodySystem = {
  name: 'readability',
  predict: (page) => {
    const bytes = page.bytes();
    return timed(() => ({ text: readabilityArticle(bytes)?.textContent ?? '', fallback: false }));
  },
};

/** Readability.js's parse of the decoded page on a linkedom DOM: how every evaluation mode runs the peer. */
export function readabilityArticle(bytes: Uint8Array): ReturnType<Readability['parse']> {
  const { document } = parseHTML(decodeHtml(bytes));
  // linkedom's Document is structurally close enough for Readability; its own types differ from lib.dom's.
  return new Readability(document as unknown as Document, { serializer: () => '' }).parse();
}
