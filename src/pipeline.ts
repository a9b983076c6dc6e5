/**
 * The orchestrator: calls the stages in order, times them, collects the trace. No heuristics here.
 *
 *   input → decode → detect → segment (html | text) → features → classify → select
 *         → [readability vote when unsure] → metadata → structure → related → Article
 */
import type { Article, ExtractOptions, LabelledBlock, Segmentation, Trace } from './types.js';
import { NewsprintError, type PageMetadata } from './errors.js';
import { resolveOptions, type ResolvedOptions } from './options.js';
import { ancestorWithTag, type Block, type BlockKind, type Segmented, type Verdict } from './extract/block.js';
import { decodeInput } from './extract/decode.js';
import { checkFrameset, checkUsable, detectFormat } from './extract/detect-input.js';
import { segmentHtml } from './extract/segment-html.js';
import { segmentText } from './extract/segment-text.js';
import { computeFeatures, type Features } from './extract/features.js';
import { classifyBlocks, type Classified } from './extract/classify.js';
import { TextModelRows } from './extract/text-model.js';
import { selectRegion } from './extract/select.js';
import { READABILITY_MAX_DEPTH_SUM, voteCanWin, voteWithReadability } from './extract/readability-vote.js';
import { blockText, structure } from './extract/structure.js';
import { extractMetadata, type Metadata } from './extract/metadata/index.js';
import { collectRelated } from './extract/related.js';
import { LISTING_MAX_MEAN_WORDS, LISTING_MAX_SENTENCE_SHARE, NO_ARTICLE_MAX_WORDS, READABILITY_MAX_ELEMENTS } from './rules/thresholds.js';

/** What the caller may pass. A DOM `Document` is read through its serialisation, never touched. */
type Input = string | Uint8Array | Document;

interface Prepared {
  text: string;
  format: 'html' | 'text';
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

function isDocument(input: unknown): input is Document {
  return (
    typeof input === 'object' &&
    input !== null &&
    'documentElement' in input &&
    typeof (input as { documentElement?: { outerHTML?: unknown } }).documentElement?.outerHTML === 'string'
  );
}

function describe(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'an array';
  return typeof input === 'object' ? `an object (${Object.prototype.toString.call(input)})` : `a ${typeof input}`;
}

/** Input → page text and its path. Throws for input that is not a page. */
function prepare(input: unknown, options: ResolvedOptions, timings: Record<string, number>): Prepared {
  const t0 = now();
  let text: string;
  let bytes: Uint8Array | undefined;
  if (typeof input === 'string') {
    if (input.length > options.maxInputBytes) {
      throw new NewsprintError('INPUT_TOO_LARGE', `Input is ${input.length} characters, over maxInputBytes (${options.maxInputBytes}). Raise the option to read it.`);
    }
    text = input;
  } else if (input instanceof Uint8Array) {
    if (input.byteLength > options.maxInputBytes) {
      throw new NewsprintError('INPUT_TOO_LARGE', `Input is ${input.byteLength} bytes, over maxInputBytes (${options.maxInputBytes}). Raise the option to read it.`);
    }
    bytes = input;
    text = decodeInput(input, options);
  } else if (isDocument(input)) {
    text = `<!doctype html>${input.documentElement.outerHTML}`;
  } else {
    throw new NewsprintError('INVALID_INPUT', `extract() takes a string, a Uint8Array or a DOM Document; got ${describe(input)}.`);
  }
  timings['decode'] = now() - t0;
  const t1 = now();
  checkUsable(text, bytes);
  const format = options.format === 'auto' ? detectFormat(text) : options.format;
  timings['detect'] = now() - t1;
  return { text, format };
}

/** The title is looked for among the first few kept blocks; deeper, a matching heading is a section's. */
const TITLE_SEARCH_KEPT_BLOCKS = 4;

/** An article has at least one paragraph of prose; a page of list items and headlines is a listing. */
const PROSE_KINDS: ReadonlySet<BlockKind> = new Set<BlockKind>(['paragraph', 'quote', 'code', 'table-cell']);

/** How far up from a block to look for the list item it sits in. */
const LIST_ITEM_SEARCH_DEPTH = 6;

/**
 * Kept prose blocks that share one list item with another kept prose block: an article set inside a
 * single `<li>` (some blog and notes templates), not a listing, whose items hold one excerpt each.
 */
function paragraphsSharingListItem(seg: Segmented, verdicts: readonly Verdict[], classified: readonly Classified[]): Set<number> {
  const byItem = new Map<number, number[]>();
  for (let i = 0; i < seg.blocks.length; i++) {
    const b = seg.blocks[i]!;
    if (b.kind !== 'list-item' || !verdicts[i]!.kept || classified[i]!.quality !== 'good') continue;
    const item = ancestorWithTag(seg.containers, b.parent, 'li', LIST_ITEM_SEARCH_DEPTH);
    if (item < 0) continue;
    const members = byItem.get(item);
    if (members === undefined) byItem.set(item, [i]);
    else members.push(i);
  }
  const shared = new Set<number>();
  for (const members of byItem.values()) if (members.length > 1) for (const i of members) shared.add(i);
  return shared;
}

interface Run {
  seg: Segmented;
  features: Features[];
  classified: Classified[];
  verdicts: Verdict[];
  words: number;
  confidence: number;
  trace: Trace;
}

function run(prepared: Prepared, options: ResolvedOptions, timings: Record<string, number>): Run {
  let t = now();
  const lap = (stage: string): void => {
    const n = now();
    timings[stage] = (timings[stage] ?? 0) + (n - t);
    t = n;
  };
  const seg = prepared.format === 'html' ? segmentHtml(prepared.text, options) : segmentText(prepared.text, options);
  if (seg.frameset === true) checkFrameset(prepared.text);
  lap('segment');
  const features = computeFeatures(seg.blocks);
  lap('features');
  const classified = classifyBlocks(seg.blocks, features);
  lap('classify');
  // Plain text: the learned prior weighs the run search, and the reviser has the last word on each block.
  const learned = seg.format === 'text' ? new TextModelRows(seg.blocks, features, classified) : null;
  const prior = learned?.prior() ?? null;
  if (learned !== null) lap('text-model');
  const selection = selectRegion(seg, features, classified, prior);
  lap('select');
  let verdicts = selection.verdicts;
  if (learned !== null) {
    verdicts = learned.revise(verdicts);
    lap('text-model');
  }
  let words = selection.words;
  let confidence = selection.confidence;
  let fallback: Trace['fallback'] = null;
  let winner: Trace['winner'] = 'main';
  if (
    selection.unsure &&
    prepared.format === 'html' &&
    options.readabilityFallback &&
    seg.containers.length <= READABILITY_MAX_ELEMENTS &&
    (seg.depthSum ?? 0) <= READABILITY_MAX_DEPTH_SUM &&
    voteCanWin(seg.blocks, features, verdicts, words)
  ) {
    fallback = 'readability';
    const vote = voteWithReadability(prepared.text, seg.blocks, features, verdicts, words, options);
    if (vote !== null) {
      verdicts = vote.verdicts;
      words = vote.words;
      winner = 'readability';
      confidence = Math.min(confidence, 0.6);
    }
    lap('readability');
  }
  const trace: Trace = { format: seg.format, timings, fallback, winner, truncated: seg.truncated, blockCount: seg.blocks.length };
  return { seg, features, classified, verdicts, words, confidence, trace };
}

function labelled(seg: Segmented, verdicts: readonly Verdict[]): LabelledBlock[] {
  return seg.blocks.map((b, i) => {
    const v = verdicts[i]!;
    return { index: b.index, text: b.text, tag: b.tag, label: v.label, kept: v.kept, reason: v.reason };
  });
}

/**
 * Extracts the main article of a news page.
 *
 * @param input - The page: HTML or plain text as a string, bytes (decoded by BOM, UTF-8 validity,
 *   `<meta charset>`), or a DOM `Document` (read, never mutated).
 * @throws {@link NewsprintError} `INVALID_INPUT`, `INPUT_TOO_LARGE`, `EMPTY_INPUT`, `BINARY_INPUT`,
 *   `FEED_INPUT`, `FRAMESET`, `UNSUPPORTED_ENCODING`, `INVALID_OPTION`, or `NO_ARTICLE` when the page
 *   holds no article.
 */
export function extract(input: string | Uint8Array | Document, options?: ExtractOptions): Article {
  const opts = resolveOptions(options);
  const timings: Record<string, number> = {};
  const prepared = prepare(input as Input, opts, timings);
  const r = run(prepared, opts, timings);
  let t = now();

  const bodyIndexes = keptIndexes(r.verdicts);
  const metadata = extractMetadata({ meta: r.seg.meta, blocks: r.seg.blocks, bodyIndexes, format: r.seg.format, options: opts });
  // Blocks the metadata stage read as title or byline are no body text.
  const verdicts = r.verdicts.slice();
  if (metadata.titleBlock !== null && metadata.titleBlock >= 0) {
    const v = verdicts[metadata.titleBlock];
    if (v !== undefined) verdicts[metadata.titleBlock] = { label: 'title', kept: false, reason: v.kept ? 'title' : v.reason };
  }
  for (const i of metadata.bylineBlocks) {
    const v = verdicts[i];
    if (v !== undefined && (v.kept || v.label === 'other')) verdicts[i] = { label: 'byline', kept: false, reason: 'byline' };
  }
  // A heading equal to the title near the top of the body is the title again, and the short lines
  // kept above it (a kicker, a section label) are no body either.
  let titleAt = metadata.titleBlock ?? -1;
  if (metadata.title !== null) {
    for (let i = 0, seen = 0; i < verdicts.length && seen < TITLE_SEARCH_KEPT_BLOCKS; i++) {
      if (!verdicts[i]!.kept) continue;
      seen++;
      const b = r.seg.blocks[i]!;
      if (b.kind === 'heading' && sameText(b.text, metadata.title)) {
        verdicts[i] = { label: 'title', kept: false, reason: 'title' };
        titleAt = Math.max(titleAt, i);
        break;
      }
    }
  }
  for (let i = 0; i < titleAt; i++) {
    if (verdicts[i]!.kept && r.classified[i]!.quality !== 'good') verdicts[i] = { label: 'other', kept: false, reason: 'before-title' };
  }
  timings['metadata'] = now() - t;
  t = now();

  const structured = structure(r.seg.blocks, verdicts, metadata.url ?? opts.url);
  const text = structured.blocks.map(blockText).filter((s) => s.length > 0).join('\n\n');
  const wordCount = countWords(r.features, verdicts);
  timings['structure'] = now() - t;
  t = now();

  // When Readability's vote won, its paragraphs count as prose even where ours called them short.
  const votedIn = r.trace.winner === 'readability';
  const itemParagraphs = paragraphsSharingListItem(r.seg, verdicts, r.classified);
  const proseBlocks = r.seg.blocks.filter(
    (b, i) =>
      verdicts[i]!.kept && (PROSE_KINDS.has(b.kind) || itemParagraphs.has(i)) && (votedIn || r.classified[i]!.quality === 'good'),
  ).length;
  const keptBlocks = verdicts.filter((v) => v.kept).length;
  // A body container named as such (`entry-content`) holding bullet points is an article in bullets.
  const inNamedBody = r.seg.blocks.filter((b, i) => verdicts[i]!.kept && b.positive > 0).length * 2 > keptBlocks;
  // Plain text names no body container: there, items that nearly all end a sentence are a post in short sentences (a
  // numbered list of statements), since headlines seldom do. Not on HTML pages, where a news ticker's briefs end
  // sentences too and a named body container marks a post.
  const sentenceBlocks = (): number => r.seg.blocks.filter((b, i) => verdicts[i]!.kept && r.features[i]!.sentenceEnd && !r.features[i]!.ellipsis).length;
  const listing =
    proseBlocks === 0 &&
    !inNamedBody &&
    wordCount < LISTING_MAX_MEAN_WORDS * keptBlocks &&
    (r.seg.format !== 'text' || sentenceBlocks() < keptBlocks * LISTING_MAX_SENTENCE_SHARE);
  if (wordCount < NO_ARTICLE_MAX_WORDS || listing) {
    throw new NewsprintError(
      'NO_ARTICLE',
      (listing
        ? `No article found: the page's main region is ${keptBlocks} headline-sized items (${wordCount} words) and no paragraph of prose. `
        : `No article found: the page's main region has ${wordCount} words of text (at least ${NO_ARTICLE_MAX_WORDS} needed). `) +
        `It may be a listing, a login or error page, or render its text with scripts; call segment() to see how each block was labelled.`,
      pageMetadata(metadata),
    );
  }

  const related = collectRelated(r.seg, verdicts, metadata.url ?? opts.url);
  timings['related'] = now() - t;

  const article: Article = {
    title: metadata.title,
    authors: metadata.authors,
    author: metadata.authors[0] ?? null,
    published: metadata.published,
    modified: metadata.modified,
    siteName: metadata.siteName,
    lang: metadata.lang,
    description: metadata.description,
    url: metadata.url,
    image: metadata.image,
    section: metadata.section,
    tags: metadata.tags,
    headings: structured.blocks.flatMap((b) => (b.type === 'heading' ? [{ level: b.level, text: b.text }] : [])),
    paragraphs: structured.blocks.flatMap((b) => (b.type === 'paragraph' || b.type === 'quote' ? [b.text] : [])),
    blocks: structured.blocks,
    text,
    related,
    wordCount,
    confidence: r.confidence,
    provenance: metadata.provenance,
    trace: r.trace,
  };
  if (opts.explain) article.explain = labelled(r.seg, verdicts);
  return article;
}

/** The metadata an article would carry, for the `NO_ARTICLE` error: the page was read even though it has no body. */
function pageMetadata(m: Metadata): PageMetadata {
  return {
    title: m.title,
    authors: m.authors,
    author: m.authors[0] ?? null,
    published: m.published,
    modified: m.modified,
    siteName: m.siteName,
    lang: m.lang,
    description: m.description,
    url: m.url,
    image: m.image,
    section: m.section,
    tags: m.tags,
    provenance: m.provenance,
  };
}

function sameText(a: string, b: string): boolean {
  const n = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();
  return n(a) === n(b);
}

function countWords(features: readonly Features[], verdicts: readonly Verdict[]): number {
  let n = 0;
  for (let i = 0; i < verdicts.length; i++) if (verdicts[i]!.kept) n += features[i]!.words;
  return n;
}

function keptIndexes(verdicts: readonly Verdict[]): Set<number> {
  const kept = new Set<number>();
  verdicts.forEach((v, i) => {
    if (v.kept) kept.add(i);
  });
  return kept;
}

/**
 * The blocks and the body the metadata stage is handed, for the scripts that fit its weights (not part of the
 * public API). Same input and options as {@link extract}.
 */
export function selectedBlocks(input: string | Uint8Array, options?: ExtractOptions): { blocks: readonly Block[]; bodyIndexes: Set<number> } {
  const opts = resolveOptions(options);
  const r = run(prepare(input as Input, opts, {}), opts, {});
  return { blocks: r.seg.blocks, bodyIndexes: keptIndexes(r.verdicts) };
}

/**
 * Every block of the page, in order, with its label and the reason it was kept or dropped.
 * Same input and options as {@link extract}; never throws `NO_ARTICLE`.
 */
export function segment(input: string | Uint8Array | Document, options?: ExtractOptions): Segmentation {
  const opts = resolveOptions(options);
  const timings: Record<string, number> = {};
  const prepared = prepare(input as Input, opts, timings);
  const r = run(prepared, opts, timings);
  return { format: r.seg.format, blocks: labelled(r.seg, r.verdicts) };
}
