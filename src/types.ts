/**
 * Public types of newsprint. Everything a caller sees is declared here; internal stages
 * work on {@link Block}, a flat record per piece of page text.
 *
 * @packageDocumentation
 */

/** Which parser path a page takes. `auto` sniffs the input. */
export type InputFormat = 'auto' | 'html' | 'text';

/** The DOM Readability.js runs on when the main path asks it (see {@link ExtractOptions.readabilityDom}). */
export type ReadabilityDom = 'linkedom' | 'builtin';

/** Options for {@link extract} and {@link segment}. Defaults live in one frozen object, `DEFAULT_OPTIONS`. */
export interface ExtractOptions {
  /**
   * The page's address: resolves relative links and images, and is the fallback for `article.url`.
   * @default null
   */
  url?: string | null;
  /**
   * `'html'` or `'text'` forces a path; `'auto'` looks at the input (markup tags → HTML, else text).
   * @default 'auto'
   */
  format?: InputFormat;
  /**
   * Character encoding for byte input; only a byte-order mark overrides it. Without it, valid UTF-8
   * is read as UTF-8, else the page's `<meta charset>`, else windows-1252. A WHATWG Encoding
   * Standard label (`'windows-1252'`, `'shift_jis'`).
   * @default null
   */
  encoding?: string | null;
  /**
   * Inputs larger than this (in UTF-16 code units for strings, bytes for byte input) are refused
   * with `INPUT_TOO_LARGE`, before any parsing.
   * @default 50_000_000
   */
  maxInputBytes?: number;
  /**
   * At most this many elements are read; the rest of the page is skipped (and `trace.truncated` set).
   * Guards against pages built to exhaust memory.
   * @default 1_000_000
   */
  maxElements?: number;
  /**
   * Elements nested deeper than this are flattened into their ancestor at this depth.
   * @default 400
   */
  maxDepth?: number;
  /**
   * Text of a single block beyond this many characters is cut (at a word boundary when one is near).
   * @default 200_000
   */
  maxBlockChars?: number;
  /**
   * Attach every block the pipeline saw, kept or dropped, with its label and reason, as `article.explain`.
   * @default false
   */
  explain?: boolean;
  /**
   * Ask Readability.js (on a linkedom DOM) for a second opinion when the main path is unsure.
   * Costs a full DOM parse on those pages only; `article.trace.fallback` says when it ran.
   * @default true
   */
  readabilityFallback?: boolean;
  /**
   * The DOM Readability.js runs on when it is asked. `'linkedom'` (the default) parses the page with linkedom.
   * `'builtin'` builds newsprint's own small DOM from its tokenizer, made to answer as linkedom does to what
   * Readability 0.6 reads: on the 3193 development pages every Article came out the same, and the Readability
   * stage took about a quarter of the time. When Readability fails on it, the ask is made again on linkedom.
   * @default 'linkedom'
   */
  readabilityDom?: ReadabilityDom;
  /**
   * "Now" for date sanity checks: dates after it are rejected. ISO 8601 string or Date.
   * @default the clock at call time
   */
  now?: string | Date | null;
}

/** A heading in the article's outline. */
export interface Heading {
  /** 1..6, as in `<h1>`..`<h6>`; the text path guesses 2 for section headings. */
  level: number;
  text: string;
}

/** A link to another article found in a teaser block ("Related", "Recent news", "Read more: …"). */
export interface RelatedLink {
  title: string;
  /** Absolute URL, or `null` when the page (plain text) does not print one. */
  url: string | null;
  /** The teaser text, without its "Read more" tail; `null` when none. */
  excerpt: string | null;
  /** The label of the block the link was found in, as shown ("Recent news"); `null` for inline links. */
  section: string | null;
  /** 0-based position of the link among the page's related links, in page order. */
  position: number;
}

/** An inline link kept inside a body block. */
export interface InlineLink {
  text: string;
  url: string;
}

/** A typed block of the article body, in reading order. */
export type ArticleBlock =
  | { type: 'heading'; level: number; text: string }
  | { type: 'paragraph'; text: string; links: InlineLink[] }
  | { type: 'list'; ordered: boolean; items: string[] }
  | { type: 'quote'; text: string }
  | { type: 'code'; text: string; language: string | null }
  | { type: 'table'; rows: string[][]; header: boolean }
  | { type: 'figure'; src: string | null; alt: string | null; caption: string | null };

/** Where a metadata value came from. */
export type MetadataSource = 'json-ld' | 'meta' | 'microdata' | 'byline' | 'text' | 'url' | 'title-tag' | 'heading' | 'detected';

/** The source of each metadata field that has a value. */
export type Provenance = Partial<
  Record<'title' | 'authors' | 'published' | 'modified' | 'siteName' | 'lang' | 'description' | 'url' | 'image' | 'section' | 'tags', MetadataSource>
>;

/** The label taxonomy every block receives, kept or dropped. See docs/labels.md. */
export type BlockLabel =
  | 'title'
  | 'body'
  | 'heading'
  | 'byline'
  | 'dateline'
  | 'caption'
  | 'related'
  | 'promo'
  | 'newsletter'
  | 'share'
  | 'navigation'
  | 'comments'
  | 'legal'
  | 'cookie'
  | 'ad'
  | 'metadata'
  | 'other';

/** One block as the pipeline saw it, with its verdict. Returned by {@link segment} and `explain`. */
export interface LabelledBlock {
  /** 0-based position in document order. */
  index: number;
  text: string;
  /** The element (or text shape) that produced the block: `p`, `h2`, `li`, `td`, `line`… */
  tag: string;
  label: BlockLabel;
  /** Whether the block is part of the article body. */
  kept: boolean;
  /** The rule or score that decided, as a stable code. See docs/labels.md. */
  reason: string;
}

/** How the pipeline ran: per-stage timings, which fallbacks fired. */
export interface Trace {
  /** Which path parsed the page. */
  format: 'html' | 'text';
  /** Milliseconds per stage, in order. */
  timings: Record<string, number>;
  /**
   * `'readability'` when Readability.js was asked for a second opinion; `null` otherwise (the main path
   * was sure, the page is text, the option is off, or the page has over 20,000 elements, where
   * Readability on a DOM grows too slow to ask).
   */
  fallback: 'readability' | null;
  /** Which candidate won when a fallback ran: `'main'` or `'readability'`. */
  winner: 'main' | 'readability';
  /** True when a limit (`maxElements`, `maxDepth`, `maxBlockChars`) cut the input. */
  truncated: boolean;
  /** Number of blocks segmented. */
  blockCount: number;
}

/** The extracted article. Unknown values are `null`, empty lists `[]`. */
export interface Article {
  title: string | null;
  authors: string[];
  /** The first of `authors`, or `null`. */
  author: string | null;
  /** ISO 8601, with the offset when the page gives one. */
  published: string | null;
  modified: string | null;
  siteName: string | null;
  /** BCP 47 primary tag as declared (`en`, `pt-BR`) or detected. */
  lang: string | null;
  description: string | null;
  /** Canonical URL, else `options.url`. */
  url: string | null;
  /** Lead image URL. */
  image: string | null;
  /** Section or category, where declared. */
  section: string | null;
  tags: string[];
  headings: Heading[];
  /** Body paragraphs in order; headings excluded. */
  paragraphs: string[];
  blocks: ArticleBlock[];
  /** The body as plain text: blocks joined by blank lines, title excluded. */
  text: string;
  related: RelatedLink[];
  wordCount: number;
  /** 0..1: how sure newsprint is that `blocks` is the whole article and nothing else. */
  confidence: number;
  provenance: Provenance;
  trace: Trace;
  /** Every block, kept or dropped, with label and reason; present only with `explain: true`. */
  explain?: LabelledBlock[];
}

/** What {@link segment} returns: the labelled blocks and the page-level facts. */
export interface Segmentation {
  format: 'html' | 'text';
  blocks: LabelledBlock[];
}
