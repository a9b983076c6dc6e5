/**
 * The article as JSON with a fixed key order, so two runs over the same page give byte-identical
 * output and diffs between versions show only what changed.
 */
import type { Article, ArticleBlock, LabelledBlock, Provenance, RelatedLink, Trace } from '../types.js';

/** Options for {@link toJson}. */
export interface JsonRenderOptions {
  /**
   * Indent with two spaces, one key per line. Off: one line, ready for JSON Lines.
   * @default false
   */
  pretty?: boolean;
}

type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Provenance keys in the order `Article` declares the fields they describe. */
const PROVENANCE_ORDER: readonly (keyof Provenance)[] = [
  'title', 'authors', 'published', 'modified', 'siteName', 'lang', 'description', 'url', 'image', 'section', 'tags',
];

/** A missing value becomes `null`, never an absent key: the shape of the output does not vary. */
function orNull<T extends JsonValue>(value: T | null | undefined): T | null {
  return value ?? null;
}

/** Numbers JSON cannot hold (NaN, Infinity) become `null` rather than silently turning into `null` in one place and failing in another. */
function finiteOrNull(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function blockJson(block: ArticleBlock): JsonValue {
  switch (block.type) {
    case 'heading':
      return { type: block.type, level: block.level, text: block.text };
    case 'paragraph':
      return { type: block.type, text: block.text, links: block.links.map((link) => ({ text: link.text, url: link.url })) };
    case 'list':
      return { type: block.type, ordered: block.ordered, items: [...block.items] };
    case 'quote':
      return { type: block.type, text: block.text };
    case 'code':
      return { type: block.type, text: block.text, language: orNull(block.language) };
    case 'table':
      return { type: block.type, header: block.header, rows: block.rows.map((row) => [...row]) };
    case 'figure':
      return { type: block.type, src: orNull(block.src), alt: orNull(block.alt), caption: orNull(block.caption) };
  }
}

function relatedJson(link: RelatedLink): JsonValue {
  return { title: link.title, url: orNull(link.url), excerpt: orNull(link.excerpt), section: orNull(link.section), position: link.position };
}

function provenanceJson(provenance: Provenance): JsonValue {
  const out: { [key: string]: JsonValue } = {};
  for (const key of PROVENANCE_ORDER) {
    const source = provenance[key];
    if (source !== undefined) out[key] = source;
  }
  return out;
}

function traceJson(trace: Trace): JsonValue {
  // Timings keep the pipeline's stage order, which is the order they were recorded in.
  const timings: { [key: string]: JsonValue } = {};
  for (const [stage, ms] of Object.entries(trace.timings)) timings[stage] = finiteOrNull(ms);
  return {
    format: trace.format,
    timings,
    fallback: orNull(trace.fallback),
    winner: trace.winner,
    truncated: trace.truncated,
    blockCount: trace.blockCount,
  };
}

function explainJson(block: LabelledBlock): JsonValue {
  return { index: block.index, tag: block.tag, label: block.label, kept: block.kept, reason: block.reason, text: block.text };
}

/** The article as a plain JSON value with keys in the documented order. */
function articleJson(article: Article): { [key: string]: JsonValue } {
  const out: { [key: string]: JsonValue } = {
    title: orNull(article.title),
    authors: [...article.authors],
    author: orNull(article.author),
    published: orNull(article.published),
    modified: orNull(article.modified),
    siteName: orNull(article.siteName),
    lang: orNull(article.lang),
    description: orNull(article.description),
    url: orNull(article.url),
    image: orNull(article.image),
    section: orNull(article.section),
    tags: [...article.tags],
    headings: article.headings.map((heading) => ({ level: heading.level, text: heading.text })),
    paragraphs: [...article.paragraphs],
    blocks: article.blocks.map(blockJson),
    text: article.text,
    related: article.related.map(relatedJson),
    wordCount: article.wordCount,
    confidence: finiteOrNull(article.confidence),
    provenance: provenanceJson(article.provenance),
    trace: traceJson(article.trace),
  };
  if (article.explain !== undefined) out['explain'] = article.explain.map(explainJson);
  return out;
}

/**
 * The article as JSON: every field of {@link Article} in its declared order, missing values as
 * `null`, `explain` only when it was asked for. One line by default; `pretty: true` indents.
 */
export function toJson(article: Article, options: JsonRenderOptions = {}): string {
  return JSON.stringify(articleJson(article), null, (options.pretty ?? false) ? 2 : undefined);
}
