/**
 * A second opinion from Readability.js, asked only when the main path is unsure (it costs a full
 * DOM, linkedom's or with `readabilityDom: 'builtin'` our own, and Readability's passes). Readability's
 * answer is not used as text: it votes on our own blocks, so labels, structure and reasons stay ours.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { ResolvedOptions } from '../options.js';
import type { ReadabilityDom } from '../types.js';
import { parseVoteDocument } from './vote-dom.js';
import type { Block, Verdict } from './block.js';
import { segmentHtml } from './segment-html.js';
import type { Features } from './features.js';
import { NO_ARTICLE_MAX_WORDS, READABILITY_GAIN_RATIO } from '../rules/thresholds.js';

/** Blocks shorter than this are not matched against Readability's text: too many false hits. */
const VOTE_MIN_CHARS = 20;

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Readability's own default `charThreshold`: it retries with looser filters while its article is shorter. */
const READABILITY_DEFAULT_CHARS = 500;

/**
 * A `charThreshold` that accepts Readability's first, strictest pass. Its looser retries (unlikely candidates
 * kept, class weights off, no conditional cleaning) re-parse the page's body each time, two to four passes on the
 * pages we ask about, and bring back the boxes the strict pass stripped: the strict answer is the one that helps
 * a vote. HTML dev pages: the fallback's time halves; dragnet .895 -> .897, trafilatura-eval .9316 -> .9315
 * (one page), the other three unchanged. (Readability reads 0 as "use the default", hence 1.)
 */
const STRICT_PASS_CHARS = 1;

/** Beyond this product of block count and text length, substring checks would cost too much. */
const SUBSTRING_BUDGET = 50_000_000;

interface ReadabilityAnswer {
  /** Readability's whole text, whitespace collapsed. */
  text: string;
  /** The text of each block of Readability's own HTML, cut by our segmenter. */
  blockTexts: ReadonlySet<string>;
}

/**
 * linkedom builds no <body> for a page that has none (browsers do), and Readability then climbs
 * past the root looking for one and throws. Give it the body a browser would.
 */
function ensureBody(document: Document): void {
  const root = document.documentElement;
  if (root === null || document.body !== null) return;
  const body = document.createElement('body');
  for (const child of Array.from(root.childNodes)) {
    if (child.nodeName.toLowerCase() !== 'head') body.appendChild(child);
  }
  root.appendChild(body);
}

interface BylineChecker {
  REGEXPS?: { byline?: RegExp };
  _isValidByline?: (node: Element, matchString: string) => boolean;
}

/**
 * Readability 0.6's `_isValidByline` reads `node.textContent` of every node it walks before testing
 * the node's rel, itemprop and class: quadratic in the tree's depth on linkedom, and a third of
 * Readability's time on real pages. The same test with the text read last gives the same answers
 * (the reads have no side effects); installed only when the method has the expected shape.
 */
function cheapBylineCheck(reader: unknown): void {
  const r = reader as BylineChecker;
  const byline = r.REGEXPS?.byline;
  if (typeof r._isValidByline !== 'function' || r._isValidByline.length !== 2 || !(byline instanceof RegExp) || byline.global || byline.sticky) return;
  r._isValidByline = (node: Element, matchString: string): boolean => {
    const rel = node.getAttribute('rel');
    const itemprop = node.getAttribute('itemprop');
    if (!(rel === 'author' || (itemprop !== null && itemprop.includes('author')) || byline.test(matchString))) return false;
    const length = node.textContent!.trim().length;
    return length > 0 && length < 100;
  };
}

interface EmptyChecker {
  ELEMENT_NODE?: number;
  _isElementWithoutContent?: (node: Element) => boolean;
}

const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

/** Whether some text under `node` is more than whitespace: `node.textContent.trim().length > 0`, stopping at the first such text. */
function hasText(node: Node): boolean {
  for (let child = node.firstChild; child !== null; child = child.nextSibling) {
    if (child.nodeType === TEXT_NODE || child.nodeType === CDATA_SECTION_NODE) {
      if (/\S/.test((child as CharacterData).data)) return true;
    } else if (child.firstChild !== null && hasText(child)) return true;
  }
  return false;
}

/**
 * Readability 0.6's `_isElementWithoutContent` builds the whole `textContent` of every div and section it
 * walks only to see whether it is blank: quadratic in the tree's depth. The same test, stopping at the
 * first non-blank text, gives the same answers; installed only when the method has the expected shape.
 */
function cheapEmptyCheck(reader: unknown): void {
  const r = reader as EmptyChecker;
  const original = r._isElementWithoutContent;
  if (typeof original !== 'function' || original.length !== 1 || r.ELEMENT_NODE !== 1) return;
  if (!/node\.textContent\.trim\(\)\.length/.test(String(original))) return;
  r._isElementWithoutContent = (node: Element): boolean =>
    node.nodeType === 1 &&
    !hasText(node) &&
    (!node.children.length || node.children.length === node.getElementsByTagName('br').length + node.getElementsByTagName('hr').length);
}

interface VisibilityChecker {
  _isProbablyVisible?: (node: Element) => boolean;
}

/**
 * Readability 0.6's `_isProbablyVisible` reads `node.style.display` and `.visibility` of every node it
 * walks; on linkedom each read re-parses the style attribute through a proxy. An element without a style
 * attribute has neither property (both read as ''), so for it the rest of the test alone decides, as
 * written there; elements with one still go through the original. Installed only when the method has the
 * expected shape and source.
 */
function cheapVisibilityCheck(reader: unknown): void {
  const r = reader as VisibilityChecker;
  const original = r._isProbablyVisible;
  if (typeof original !== 'function' || original.length !== 1) return;
  const source = String(original);
  if (!source.includes('node.style.display != "none"') || !source.includes('node.className.includes("fallback-image")')) return;
  r._isProbablyVisible = (node: Element): boolean => {
    if (typeof node.hasAttribute !== 'function' || node.hasAttribute('style')) return original.call(r, node);
    return (
      !node.hasAttribute('hidden') &&
      (!node.hasAttribute('aria-hidden') ||
        node.getAttribute('aria-hidden') != 'true' ||
        Boolean(node.className && typeof node.className.includes === 'function' && node.className.includes('fallback-image')))
    );
  };
}

function parseFor(html: string, dom: ReadabilityDom): Document {
  return (dom === 'builtin' ? parseVoteDocument(html) : parseHTML(html).document) as unknown as Document;
}

function newReader(html: string, charThreshold: number, dom: ReadabilityDom): Readability {
  const document = parseFor(html, dom);
  ensureBody(document);
  const reader = new Readability(document, { charThreshold });
  cheapBylineCheck(reader);
  cheapEmptyCheck(reader);
  cheapVisibilityCheck(reader);
  return reader;
}

/** An answer from Readability's text and HTML; `null` when the text is blank. */
function answerOf(text: string | null | undefined, content: string | null | undefined, options: ResolvedOptions): ReadabilityAnswer | null {
  if (text === null || text === undefined || text.trim().length === 0) return null;
  const blockTexts = new Set(segmentHtml(content ?? '', options).blocks.map((b) => b.text));
  return { text: normalise(text), blockTexts };
}

/**
 * Readability's article, or `null` when it finds none or fails on the page. Readability retries with looser
 * filters while its article is shorter than `charThreshold` characters.
 */
export function askReadability(html: string, options: ResolvedOptions, charThreshold = READABILITY_DEFAULT_CHARS): ReadabilityAnswer | null {
  for (const dom of domsToTry(options.readabilityDom)) {
    try {
      const result = newReader(html, charThreshold, dom).parse();
      return result === null ? null : answerOf(result.textContent, result.content, options);
    } catch {
      // Readability and linkedom throw on some malformed pages; the main path's answer then stands. On the builtin
      // DOM a failure is asked again on linkedom, in case Readability reached for something that DOM lacks.
    }
  }
  return null;
}

const BUILTIN_THEN_LINKEDOM: readonly ReadabilityDom[] = ['builtin', 'linkedom'];
const LINKEDOM_ONLY: readonly ReadabilityDom[] = ['linkedom'];

function domsToTry(dom: ReadabilityDom): readonly ReadabilityDom[] {
  return dom === 'builtin' ? BUILTIN_THEN_LINKEDOM : LINKEDOM_ONLY;
}

/** A run on the builtin DOM that threw somewhere: it is made again on linkedom. */
const DOM_FAILED = Symbol('readability failed on the builtin DOM');

interface AttemptRecorder {
  _attempts?: unknown;
  _grabArticle?: unknown;
  _postProcessContent?: (content: Element) => void;
  _serializer?: (content: Element) => string;
}

/** Readability's two answers from one run. */
export interface BothAnswers {
  strict: ReadabilityAnswer | null;
  /** The usual answer, cut into blocks only when asked for: the vote needs it only when the strict one falls short. */
  usual(): ReadabilityAnswer | null;
}

/**
 * Readability's strict answer and its usual one from a single run, where asking twice costs a second parse
 * and a second strict pass. Both runs make the same attempts in the same order, dropping the same filters one
 * at a time; the strict run stops at the first attempt with any text, and the usual run, when it retries,
 * first records that attempt. So the strict answer is the first recorded attempt with text (cleaned up as
 * `parse()` cleans its result), or the usual answer itself when no attempt with text was recorded (`null`
 * when the run failed before recording one). `undefined` when this Readability does not record attempts as
 * expected: the caller then asks twice. The usual run's retries cost more than the strict pass alone where
 * the strict answer would have sufficed under 500 characters: on the dev pages that is 7 of the 53 pages
 * asked this way, against 27 spared a second parse and pass. With `strictSuffices`, the strict answer is read as soon
 * as its attempt is recorded, and when the callback says it suffices the run stops there, before those retries (the
 * usual answer then comes from a run of its own, should it be asked for after all).
 */
export function askReadabilityBoth(html: string, options: ResolvedOptions, strictSuffices?: (strict: ReadabilityAnswer) => boolean): BothAnswers | undefined {
  if (options.readabilityDom === 'builtin') {
    const answers = askBothOn(html, options, 'builtin', strictSuffices);
    if (answers !== DOM_FAILED) return answers;
  }
  // On linkedom a failure never sends the ask elsewhere: askBothOn returns Readability's answers or undefined.
  return askBothOn(html, options, 'linkedom', strictSuffices) as BothAnswers | undefined;
}

/** Thrown out of Readability's run when the strict answer suffices: the usual run's retries would go unread. */
const STRICT_SUFFICES = Symbol('the strict answer suffices');

function askBothOn(
  html: string,
  options: ResolvedOptions,
  dom: ReadabilityDom,
  strictSuffices?: (strict: ReadabilityAnswer) => boolean,
): BothAnswers | undefined | typeof DOM_FAILED {
  // On linkedom a failure is Readability's answer (none, or the attempts recorded before it); on the builtin DOM it sends the ask to linkedom.
  const failFast = dom === 'builtin';
  let reader: Readability;
  try {
    reader = newReader(html, READABILITY_DEFAULT_CHARS, dom);
  } catch {
    return failFast ? DOM_FAILED : { strict: null, usual: () => null };
  }
  const r = reader as unknown as AttemptRecorder;
  const attempts = r._attempts;
  const postProcess = r._postProcessContent;
  const serialize = r._serializer;
  if (!Array.isArray(attempts) || attempts.length !== 0 || typeof postProcess !== 'function' || typeof serialize !== 'function' || typeof r._grabArticle !== 'function') {
    return undefined;
  }
  const grab = String(r._grabArticle);
  if (!grab.includes('textLength < this._charThreshold') || !grab.includes('this._attempts.push(')) return undefined;
  /**
   * The strict answer, read from a copy of the first attempt with text as soon as Readability records it (the usual
   * run may clean that attempt up later as its own answer); undefined until then.
   */
  let strict: ReadabilityAnswer | null | undefined;
  /** Reading it threw: the answer is what a failed reading gives. */
  let strictFailed = false;
  const push = Array.prototype.push;
  Object.defineProperty(attempts, 'push', {
    configurable: true,
    writable: true,
    value(this: unknown[], ...items: { articleContent?: Element; textLength?: number }[]): number {
      for (const item of items) {
        if (strict !== undefined || strictFailed || typeof item.textLength !== 'number' || item.textLength < 1 || item.articleContent === undefined) continue;
        const first = item.articleContent.cloneNode(true) as Element;
        try {
          postProcess.call(reader, first);
          strict = answerOf(first.textContent, serialize.call(reader, first), options);
        } catch {
          strictFailed = true;
        }
        // Read now, not after the run: when it suffices, the usual run's retries (each re-parses the page's body) are
        // stopped before they start.
        if (strict !== undefined && strict !== null && strictSuffices?.(strict) === true) throw STRICT_SUFFICES;
      }
      return push.apply(this, items);
    },
  });
  let result: ReturnType<Readability['parse']> = null;
  let failed = false;
  try {
    result = reader.parse();
  } catch (error) {
    if (error === STRICT_SUFFICES && strict !== undefined) {
      // The usual answer is not wanted; should a caller ask after all, a run of its own gives it.
      return { strict, usual: () => askReadability(html, options, READABILITY_DEFAULT_CHARS) };
    }
    if (failFast) return DOM_FAILED;
    // The strict run fails alike unless it stopped at an attempt recorded before the failure.
    failed = true;
  }
  const finished = result;
  const usual = (): ReadabilityAnswer | null => (finished === null ? null : answerOf(finished.textContent, finished.content, options));
  if (strictFailed) return failFast ? DOM_FAILED : { strict: null, usual };
  if (strict === undefined) return { strict: failed ? null : usual(), usual };
  return { strict, usual };
}

/**
 * Readability reads `textContent` node by node, so its cost grows with the sum of all elements'
 * depths: the development pages stay under 120,000, while 100,000 nested tags reach 5×10⁹.
 */
export const READABILITY_MAX_DEPTH_SUM = 2_000_000;

/**
 * The most words a vote could leave kept: every block it may keep (a block we kept, or any block
 * not labelled comments). When even that is short of the gain a vote needs, asking Readability is
 * wasted: its answer would be dropped whatever it says.
 */
export function voteCanWin(blocks: readonly Block[], features: readonly Features[], verdicts: readonly Verdict[], ourWords: number): boolean {
  let most = 0;
  for (let i = 0; i < blocks.length; i++) {
    const v = verdicts[i]!;
    if (v.kept || v.label !== 'comments') most += features[i]!.words;
  }
  return most >= ourWords * READABILITY_GAIN_RATIO;
}

export interface Vote {
  verdicts: Verdict[];
  words: number;
}

/**
 * Re-decides the blocks by Readability's text: a block whose text Readability kept is body,
 * others are dropped. Readability's strict answer is taken first; its usual answer, from looser retries, only
 * when neither the strict answer nor ours reaches an article's length (when ours is that short, one run gives
 * both). Returns `null` when no answer is clearly better than ours.
 */
export function voteWithReadability(
  html: string,
  blocks: readonly Block[],
  features: readonly Features[],
  verdicts: readonly Verdict[],
  ourWords: number,
  options: ResolvedOptions,
): Vote | null {
  // When ours is long enough to be an article, only the strict answer can improve on it; otherwise the usual
  // answer may be wanted too, and one run gives both.
  // The strict answer is voted on when Readability records it and again below: the vote is kept, not made twice.
  let voted: { answer: ReadabilityAnswer | null; vote: Vote | null } | null = null;
  const strictVote = (answer: ReadabilityAnswer | null): Vote | null => {
    if (voted === null || voted.answer !== answer) voted = { answer, vote: voteOn(answer, blocks, features, verdicts, ourWords) };
    return voted.vote;
  };
  // The strict answer suffices when its vote keeps an article's length: then the usual run need not retry.
  const both = ourWords < NO_ARTICLE_MAX_WORDS ? askReadabilityBoth(html, options, (answer) => (strictVote(answer)?.words ?? 0) >= NO_ARTICLE_MAX_WORDS) : undefined;
  const strict = strictVote(both !== undefined ? both.strict : askReadability(html, options, STRICT_PASS_CHARS));
  // The looser passes' answer is wanted only where neither answer is long enough to be an article.
  if (ourWords >= NO_ARTICLE_MAX_WORDS || (strict !== null && strict.words >= NO_ARTICLE_MAX_WORDS)) return strict;
  return voteOn(both !== undefined ? both.usual() : askReadability(html, options, READABILITY_DEFAULT_CHARS), blocks, features, verdicts, ourWords);
}

/** Re-decides our blocks by one answer of Readability's; `null` when the answer is not clearly better than ours. */
function voteOn(answer: ReadabilityAnswer | null, blocks: readonly Block[], features: readonly Features[], verdicts: readonly Verdict[], ourWords: number): Vote | null {
  if (answer === null) return null;
  const substrings = blocks.length * answer.text.length <= SUBSTRING_BUDGET;
  const next: Verdict[] = verdicts.slice();
  let words = 0;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const v = verdicts[i]!;
    const found =
      b.text.length >= VOTE_MIN_CHARS && (answer.blockTexts.has(b.text) || (substrings && answer.text.includes(normalise(b.text))));
    if (found && !v.kept && v.label !== 'comments') {
      next[i] = { label: b.kind === 'heading' ? 'heading' : 'body', kept: true, reason: 'readability-vote' };
    } else if (!found && v.kept && b.text.length >= VOTE_MIN_CHARS) {
      next[i] = { label: v.label === 'body' ? 'other' : v.label, kept: false, reason: 'readability-vote' };
    }
    if (next[i]!.kept) words += features[i]!.words;
  }
  if (words < ourWords * READABILITY_GAIN_RATIO) return null;
  return { verdicts: next, words };
}
