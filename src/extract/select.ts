/**
 * Chooses the main region and gives every block its final verdict.
 *
 * Region: every container gets the summed weight of the blocks inside it (boilerplate containers
 * nested inside count zero: they will be dropped whole), adjusted by its own hints; the best-scoring
 * container is the article. Then, inside it, jusText's revision: hinted or boilerplate blocks go,
 * prose stays, and short blocks stay only when prose surrounds them.
 */
import type { BlockLabel } from '../types.js';
import { ancestorWithTag, type Block, type Container, type HintLabel, type Segmented, type Verdict } from './block.js';
import type { Classified } from './classify.js';
import type { Features } from './features.js';
import { hasSpacePieces } from './chars.js';
import { DROP_WHOLE, PROSE_KEEPING_HINT_TOKENS } from '../rules/selectors.js';
import { keyMayOpenWith, keyOpenings, phraseKey, SITE_MODULE_LABELS, TITLE_CASE_MINOR_WORDS } from '../rules/text-patterns.js';
import {
  ARTICLE_TAG_BONUS,
  GOOD_MIN_WORDS,
  NEGATIVE_HINT_FACTOR,
  POSITIVE_HINT_BONUS,
  UNSURE_MIN_WORDS,
  UNSURE_RUNNER_UP_RATIO,
  HINT_OVERRULE_PROSE_SHARE,
  COMMENTS_HINT_FACTOR,
  HINTS_NEVER_OVERRULED,
} from '../rules/thresholds.js';

export interface Selection {
  /** The chosen container, or -1 for the whole page (text input, or no container won). */
  root: number;
  verdicts: Verdict[];
  /** Words in kept blocks. */
  words: number;
  /** The main path doubts its choice: few words, or a close runner-up elsewhere on the page. */
  unsure: boolean;
  /** 0..1 */
  confidence: number;
}

const CELL_TAGS: ReadonlySet<string> = new Set(['td', 'th', 'li', 'dt', 'dd']);

/**
 * Readability's sibling pass: a lead or a second body part often sits in a sibling of the winning
 * container (a standfirst beside the body div, both in one `<article>`). An unhinted sibling whose
 * score reaches this share of the winner's joins the region.
 */
const SIBLING_MIN_SHARE = 0.2;

/** Readability's other sibling test: a sibling carrying a sentence of prose this long (in weight) joins too. */
const SIBLING_MIN_PROSE = 80;

function proseSiblings(seg: Segmented, root: number, raw: Float64Array, overruled: Uint8Array): number[] {
  const parent = seg.containers[root]!.parent;
  if (parent < 0 || raw[root]! <= 0) return [];
  const threshold = Math.min(raw[root]! * SIBLING_MIN_SHARE, SIBLING_MIN_PROSE);
  const siblings: number[] = [];
  // The parent's subtree follows it in the table (pre-order) until the depth falls back to the parent's.
  const parentDepth = seg.containers[parent]!.depth;
  for (let c = parent + 1; c < seg.containers.length && seg.containers[c]!.depth > parentDepth; c++) {
    const container = seg.containers[c]!;
    if (c === root || container.parent !== parent || isDropHint(container, overruled, c)) continue;
    if (raw[c]! >= threshold) siblings.push(c);
  }
  return siblings;
}

/** How far above the region's root the article wrapper holding its lead box may be. */
const LEAD_MAX_LEVELS = 4;

/** Slot words that name the box of an article's headline and lead (`article-header`, `teaser`). */
const LEAD_SLOT_TOKENS: ReadonlySet<string> = new Set(['header', 'teaser']);

/** The container is, or sits in, an `<article>`, a `<main>` or a box named as the body: not the page's own chrome. */
function withinArticle(containers: readonly Container[], c: number): boolean {
  for (let x = c; x >= 0; x = containers[x]!.parent) {
    const box = containers[x]!;
    if (box.tag === 'article' || box.tag === 'main' || box.positive) return true;
  }
  return false;
}

/**
 * The lead's box before the body container: a `<header>` or a box named `article-header` /
 * `teaser` that is a child of the root's wrapper a few levels up and comes before it. Its prose is
 * the standfirst, which templates keep apart from the body (and which the sibling pass misses when
 * the body sits deeper than the header). Headers outside any article or main element are the site's.
 */
function leadSlots(seg: Segmented, root: number, headlined: Uint8Array, overruled: Uint8Array): Set<number> {
  const leads = new Set<number>();
  const { containers } = seg;
  let child = root;
  for (let level = 0; level < LEAD_MAX_LEVELS; level++) {
    const wrapper = containers[child]!.parent;
    if (wrapper < 0) break;
    const w = containers[wrapper]!;
    if (w.tag === 'body' || w.tag === 'html' || isStrongDropHint(w, overruled, wrapper) || !withinArticle(containers, wrapper)) break;
    for (let c = wrapper + 1; c < child; c++) {
      const box = containers[c]!;
      if (box.parent !== wrapper || headlined[c] === 1) continue;
      const named = box.hint !== null && isDropHint(box, overruled, c) && LEAD_SLOT_TOKENS.has(box.hintToken ?? '');
      if (named || (box.tag === 'header' && box.hint === null)) leads.add(c);
    }
    child = wrapper;
  }
  return leads;
}

/** How far up from a block its table row may be (`<tr><td><p>Comment</p></td>`). */
const ROW_SEARCH_DEPTH = 3;

/** The table row a block sits in, or -1. */
function rowOf(b: Block, containers: readonly Container[]): number {
  return ancestorWithTag(containers, b.parent, 'tr', ROW_SEARCH_DEPTH);
}

/**
 * A "Comment" that is a cell or list item, or shares its table row with the block before it, is a
 * table's column header or an entry, not the heading of a comment section. (A layout table's lone
 * cell may still hold a real one.)
 */
function isCellText(blocks: readonly Block[], i: number, containers: readonly Container[]): boolean {
  const b = blocks[i]!;
  if (CELL_TAGS.has(b.tag)) return true;
  const row = rowOf(b, containers);
  return row >= 0 && i > 0 && rowOf(blocks[i - 1]!, containers) === row;
}

/** How far after a heading its section's prose may start. */
const HEADING_LOOKAHEAD = 4;

interface HintRef {
  label: HintLabel;
  token: string;
  /** A layout-slot hint word (`header`, `teaser`, `label`): it condemns short blocks, not prose. */
  weak: boolean;
}

/** A teaser card's title: a link of at least this many words (menu entries have one or two). */
const HEADLINE_LINK_MIN_WORDS = 4;

/** Containers holding a linked headline (a block mostly made of one link of headline length): teaser cards and lists. */
function headlinedContainers(seg: Segmented, features: readonly Features[]): Uint8Array {
  const marked = new Uint8Array(seg.containers.length);
  for (const b of seg.blocks) {
    if (features[b.index]!.linkDensity <= 0.5 || !b.links.some((l) => hasSpacePieces(l.text, HEADLINE_LINK_MIN_WORDS))) continue;
    for (let c = b.parent; c >= 0 && marked[c] === 0; c = seg.containers[c]!.parent) marked[c] = 1;
  }
  return marked;
}

/**
 * A layout-slot hint (`article-header`, `teaser-text`) on a box without a linked headline: the
 * article's own lead or section, whose prose stays. With a linked headline it is a teaser card.
 */
function isProseKeepingSlot(c: Container, headlined: boolean): boolean {
  return c.hintWeak === true && PROSE_KEEPING_HINT_TOKENS.has(c.hintToken ?? '') && !headlined;
}

/** The nearer hint, unless it is weak and a strong one lies further out: the strong one decides. */
function strongest(own: HintRef | null, outer: HintRef | null): HintRef | null {
  if (own === null) return outer;
  return own.weak && outer !== null && !outer.weak ? outer : own;
}

function isDropHint(c: Container, overruled: Uint8Array, index: number): boolean {
  return c.hint !== null && DROP_WHOLE.has(c.hint) && overruled[index] !== 1;
}

/** A strong hint: the container's whole subtree goes, so it adds nothing to the region's score. */
function isStrongDropHint(c: Container, overruled: Uint8Array, index: number): boolean {
  return isDropHint(c, overruled, index) && c.hintWeak !== true;
}

/**
 * Boilerplate hints that hold most of a page's prose are overruled: a menu, a teaser box or an ad
 * slot does not carry the bulk of the page's sentences, so such a class name ("teaser", "header",
 * "widget") misnames the article's own wrapper. Comment sections are the exception: long threads can
 * outweigh a short article.
 */
function overruledHints(seg: Segmented, classified: readonly Classified[]): Uint8Array {
  const n = seg.containers.length;
  const overruled = new Uint8Array(n);
  const prose = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < seg.blocks.length; i++) {
    const k = classified[i]!;
    const b = seg.blocks[i]!;
    // Only running paragraphs count: a slideshow or teaser grid also carries sentences, but in list items.
    if (k.quality !== 'good' || k.weight <= 0 || b.kind !== 'paragraph') continue;
    total += k.weight;
    if (b.parent >= 0) prose[b.parent]! += k.weight;
  }
  if (total <= 0) return overruled;
  for (let c = n - 1; c >= 0; c--) {
    const parent = seg.containers[c]!.parent;
    if (parent >= 0) prose[parent]! += prose[c]!;
  }
  for (let c = 0; c < n; c++) {
    const container = seg.containers[c]!;
    if (container.hint === null || !DROP_WHOLE.has(container.hint) || HINTS_NEVER_OVERRULED.has(container.hint)) continue;
    if (prose[c]! >= total * HINT_OVERRULE_PROSE_SHARE) overruled[c] = 1;
  }
  return overruled;
}

/** Scores every container bottom-up. Parents always precede children in the table. */
function scoreContainers(seg: Segmented, classified: readonly Classified[], overruled: Uint8Array): { raw: Float64Array; adjusted: Float64Array } {
  const n = seg.containers.length;
  const raw = new Float64Array(n);
  for (let i = 0; i < seg.blocks.length; i++) {
    const b = seg.blocks[i]!;
    if (b.parent >= 0) raw[b.parent]! += classified[i]!.weight;
  }
  for (let c = n - 1; c >= 0; c--) {
    const container = seg.containers[c]!;
    if (container.parent >= 0 && !isStrongDropHint(container, overruled, c)) raw[container.parent]! += raw[c]!;
  }
  const underNegative = new Uint8Array(n);
  const adjusted = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    const container = seg.containers[c]!;
    const ownStrong = isStrongDropHint(container, overruled, c);
    // A generic boilerplate word (`widget`, `promo`) lends its prose to the region around it, but is itself a poor candidate.
    const ownWeak = isDropHint(container, overruled, c) && !PROSE_KEEPING_HINT_TOKENS.has(container.hintToken ?? '');
    const negative = ownStrong || ownWeak || (container.parent >= 0 && underNegative[container.parent]! >= 1);
    // 2 marks a comment thread: long threads must not outscore the short article above them.
    const inComments = (ownStrong && container.hint === 'comments') || (container.parent >= 0 && underNegative[container.parent] === 2);
    underNegative[c] = inComments ? 2 : negative ? 1 : 0;
    let s = raw[c]!;
    if (s > 0) {
      if (container.positive) s *= POSITIVE_HINT_BONUS;
      if (container.tag === 'article' || container.tag === 'main') s *= ARTICLE_TAG_BONUS;
      if (negative) s *= inComments ? COMMENTS_HINT_FACTOR : NEGATIVE_HINT_FACTOR;
    }
    adjusted[c] = s;
  }
  return { raw, adjusted };
}

/**
 * Picks the article's region and gives every block its verdict. `prior`, on plain text only, holds the learned
 * prior's log-odds per prose block (src/extract/text-model.ts), which scale each block's pull on the article run.
 */
export function selectRegion(seg: Segmented, features: readonly Features[], classified: readonly Classified[], prior: Float64Array | null = null): Selection {
  const { blocks, containers } = seg;
  const overruled = overruledHints(seg, classified);
  const { raw, adjusted } = scoreContainers(seg, classified, overruled);

  let root = -1;
  let best = 0;
  for (let c = 0; c < containers.length; c++) {
    // A text page's comment section is a label's run of comments, every block hinted: as the region it keeps nothing.
    if (seg.format === 'text' && containers[c]!.hint === 'comments') continue;
    if (adjusted[c]! > 0 && adjusted[c]! >= best) {
      best = adjusted[c]!;
      root = c;
    }
  }
  const roots = new Set<number>(root >= 0 ? [root] : []);
  const headlined = headlinedContainers(seg, features);
  if (root >= 0 && seg.format === 'html') for (const sibling of proseSiblings(seg, root, raw, overruled)) roots.add(sibling);
  const leads = root >= 0 && seg.format === 'html' ? leadSlots(seg, root, headlined, overruled) : new Set<number>();

  // Which containers lie in the region, and the nearest boilerplate hint below the region's root.
  const inRegion = new Uint8Array(containers.length);
  const relHint: (HintRef | null)[] = new Array<HintRef | null>(containers.length).fill(null);
  const absHint: (HintRef | null)[] = new Array<HintRef | null>(containers.length).fill(null);
  for (let c = 0; c < containers.length; c++) {
    const container = containers[c]!;
    const parent = container.parent;
    inRegion[c] = root < 0 || roots.has(c) || leads.has(c) || (parent >= 0 && inRegion[parent] === 1) ? 1 : 0;
    const own = isDropHint(container, overruled, c) ? { label: container.hint!, token: container.hintToken ?? container.hint!, weak: isProseKeepingSlot(container, headlined[c] === 1) } : null;
    absHint[c] = strongest(own, parent >= 0 ? absHint[parent]! : null);
    relHint[c] = roots.has(c) ? null : strongest(own, parent >= 0 && !roots.has(parent) ? relHint[parent]! : null);
    // A lead box joins for its prose only: its kicker, date and credit lines stay out.
    if (leads.has(c)) relHint[c] = own ?? { label: 'metadata', token: `<${container.tag}>`, weak: true };
    if (root < 0) relHint[c] = absHint[c]!;
  }

  // The runner-up is the best container neither inside nor around the winner.
  const aroundRoot = new Set<number>();
  for (let x = root; x >= 0; x = containers[x]!.parent) aroundRoot.add(x);
  let runnerUp = 0;
  if (root >= 0) {
    for (let c = 0; c < containers.length; c++) {
      const s = adjusted[c]!;
      if (s > runnerUp && inRegion[c] === 0 && !aroundRoot.has(c)) runnerUp = s;
    }
  }

  // Plain text has no container tree worth the name: the region is also the best contiguous run of blocks.
  const run = seg.format === 'text' ? bestRun(blocks, features, classified, prior) : { start: 0, end: blocks.length - 1 };

  const verdicts: Verdict[] = new Array<Verdict>(blocks.length);
  const candidate = new Uint8Array(blocks.length);
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const k = classified[i]!;
    const blockInRegion = (root < 0 || (b.parent >= 0 && inRegion[b.parent] === 1)) && i >= run.start && i <= run.end;
    const hint: HintRef | null =
      b.hint !== null ? { label: b.hint, token: b.hintToken ?? b.hint, weak: false } : b.parent >= 0 ? (blockInRegion ? relHint[b.parent]! : absHint[b.parent]!) : null;
    if (!blockInRegion) {
      verdicts[i] = { label: hint?.label ?? k.label ?? 'other', kept: false, reason: hint !== null ? `outside-region:hint:${hint.token}` : 'outside-region' };
      continue;
    }
    // Prose under a generic hint word only (`article-header`, `teaser-text`) is the article's lead or body.
    if (hint !== null && !(hint.weak && k.quality === 'good')) {
      verdicts[i] = { label: hint.label, kept: false, reason: `hint:${hint.token}` };
      continue;
    }
    if (k.quality === 'bad') {
      verdicts[i] = { label: k.label ?? 'other', kept: false, reason: k.reason };
      continue;
    }
    candidate[i] = 1;
    verdicts[i] = k.quality === 'good' ? { label: 'body', kept: true, reason: k.reason } : { label: b.kind === 'heading' ? 'heading' : 'body', kept: false, reason: k.reason };
  }

  reviseByNeighbours(blocks, features, classified, verdicts, candidate, seg.format === 'text');
  cutAtComments(blocks, containers, verdicts, classified);
  cutAtAuthorBox(verdicts, classified, features);
  if (seg.format === 'text') cutAtEndChrome(blocks, verdicts, classified, features);
  if (seg.format === 'text') cutAtSiteModule(blocks, verdicts, features);
  if (seg.format === 'text') keepListAfterColon(blocks, verdicts, features);
  if (seg.format === 'text') keepListsBeforeRun(blocks, verdicts, features);
  if (seg.format === 'text') keepWholeList(blocks, containers, verdicts, features);

  const words = keptWords(verdicts, features);
  const unsure = words < UNSURE_MIN_WORDS || (best > 0 && runnerUp >= best * UNSURE_RUNNER_UP_RATIO);
  const closeness = best > 0 ? runnerUp / best : 1;
  const confidence = Math.max(0, Math.min(1, (Math.min(words, 400) / 400) * 0.6 + (1 - closeness) * 0.4));
  return { root, verdicts, words, unsure, confidence: Math.round(confidence * 100) / 100 };
}

/**
 * A short line between two prose runs costs this many characters: menus and link lists break a run.
 * Calibrated on the text renderings of `readability` and `trafilatura-eval` (20, 35 and 60 tried).
 */
const RUN_SHORT_BLOCK_COST = 35;

/** Why: a line of code or program output copied as text (no indentation left): brackets, operators, box rules; menus have none. */
const CODE_LINE_MARKS = /[;{}=<>\[\]]|\w\(|[\u2500-\u257f]/u;

/** Why: raw markup in a text dump is an ad or embed snippet a script would have written, not the article's code. */
const RAW_MARKUP_LINE = /^<\/?[a-z]/iu;

/**
 * Chrome lines that part an article from what follows (share bars, sign-up prompts, legal and comment lines): each
 * costs a run, so a stretch of them ends it. Captions, bylines, ads, menus and teaser lists, which sit inside articles
 * too, stay free. Fitted on the text renderings of `readability` and `trafilatura-eval` (page F1 summed / net
 * snippets, against free): 20 → +.21 / +1, 60 → +.34 / +16, 100 → +.59 / +20, 200 → +.37 / +10; charging menus and
 * teaser lists as well lost readability pages at every cost.
 */
const RUN_CHROME_HINTS: ReadonlySet<string> = new Set(['share', 'newsletter', 'legal', 'comments', 'cookie', 'promo']);
const RUN_CHROME_HINT_COST = 100;
/**
 * Chrome lines that cost a run nothing all the same: the "Like" widget sits right under a post however short, so
 * charging it handed short posts' runs to the sidebar (trafilatura-eval: free +3 snippets, charged −3).
 */
const RUN_FREE_TOKENS: ReadonlySet<string> = new Set(['text:like-widget']);

/** Lines that open the comments whatever came before: a form's e-mail notice, a count heading naming the post, the section's rules. */
const COMMENTS_OPENING_TOKENS: ReadonlySet<string> = new Set(['text:comment-form', 'text:comment-heading', 'text:comment-policy']);

/** A short block of this many words that ends like a sentence is prose-like, and costs a run nothing. */
const RUN_SENTENCE_MIN_WORDS = 5;

/**
 * The contiguous run of blocks with the greatest summed weight (Kadane): prose adds its weight,
 * boilerplate subtracts, short lines cost a little. Chrome lines cost a paragraph's worth; other hinted blocks
 * are skipped, neither ending nor paying.
 */
function bestRun(blocks: readonly Block[], features: readonly Features[], classified: readonly Classified[], prior: Float64Array | null): { start: number; end: number } {
  let best = 0;
  let bestStart = 0;
  let bestEnd = blocks.length - 1;
  let sum = 0;
  let start = 0;
  let afterComments = false;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const k = classified[i]!;
    // Below the comments come sidebars and footers, never the article: once a run exists, none starts there.
    if (best > 0 && b.hintToken !== null && COMMENTS_OPENING_TOKENS.has(b.hintToken)) afterComments = true;
    if (afterComments && sum <= 0) continue;
    if (b.hint !== null) {
      if (RUN_CHROME_HINTS.has(b.hint) && !RUN_FREE_TOKENS.has(b.hintToken ?? '')) sum -= RUN_CHROME_HINT_COST;
      // A breadcrumb over its headline starts the article: nothing above it is the article, however long.
      if (b.hintToken === 'text:breadcrumb') {
        sum = 0;
        best = 0;
      }
      continue;
    }
    // A short sentence (a list item, a one-line paragraph) is neutral; a label or a menu line costs.
    const f = features[i]!;
    // Table cells are short by nature; a table between paragraphs belongs to them.
    const sentence = readsAsSentence(f) || b.kind === 'table-cell' || b.kind === 'code' || (CODE_LINE_MARKS.test(b.text) && !RAW_MARKUP_LINE.test(b.text));
    const w = k.quality === 'good' ? (prior === null ? k.weight : k.weight * priorFactor(prior[i]!)) : k.quality === 'bad' ? Math.min(k.weight, -RUN_SHORT_BLOCK_COST) : sentence ? k.weight : k.weight - RUN_SHORT_BLOCK_COST;
    if (sum <= 0) {
      sum = 0;
      start = i;
    }
    sum += w;
    if (sum > best) {
      best = sum;
      bestStart = start;
      bestEnd = i;
    }
  }
  if (best <= 0) return { start: 0, end: blocks.length - 1 };
  // Kadane starts and ends at blocks that add weight: a one-sentence lead or sign-off beside them adds none, yet belongs.
  while (bestStart > 0 && isSentenceBlock(blocks, features, bestStart - 1)) bestStart--;
  while (bestEnd < blocks.length - 1 && isSentenceBlock(blocks, features, bestEnd + 1)) bestEnd++;
  // Nor does a live blog's first entry heading under its time stamp (a heading right above the run is mostly the headline).
  const above = blocks[bestStart - 1];
  if (above !== undefined && above.kind === 'heading' && above.hint === null && blocks[bestStart - 2]?.hint === 'dateline') bestStart--;
  return { start: bestStart, end: bestEnd };
}

/**
 * A prose block's pull on the article run, scaled by the learned prior's odds that it is article text
 * (src/extract/text-model.ts): twice its probability, so a sure block pulls double and a doubtful one little.
 * Out of fold on the fit sets, with the first feature set (readability body F1 / trafilatura-eval snippet F1, rules
 * alone .911 / .883): 2p .912 / .889, min(1, 2p) .910 / .886, 0.5 + p .913 / .886, 3p .911 / .889.
 */
function priorFactor(margin: number): number {
  return 2 / (1 + Math.exp(-margin));
}

/** A block of a few words or more that ends like a sentence. */
function readsAsSentence(f: Features): boolean {
  return f.sentenceEnd && f.words >= RUN_SENTENCE_MIN_WORDS;
}

/** An unhinted paragraph that reads as a sentence: a short lead or closing line, neither chrome nor a label. */
function isSentenceBlock(blocks: readonly Block[], features: readonly Features[], i: number): boolean {
  const b = blocks[i]!;
  return b.hint === null && b.kind === 'paragraph' && readsAsSentence(features[i]!);
}

/**
 * Why: in plain text a line of a few words that ends no sentence, alone in its paragraph, is a link, a label or a
 * teaser heading far more often than article text (trafilatura-eval, text renderings, kept lines of 1-3 words
 * between prose: 54 article snippets against 173 boilerplate ones); HTML marks such lines' roles, text does not.
 * Lines of code stay. Fitted on readability / trafilatura-eval text F1 (.909 / .875 without the rule): up to 2 words
 * .906 / .878 (snippets +26), 3 words .907 / .880 (+40), 5 words .903 / .880; sparing runs of such lines (lists)
 * .908 / .877.
 */
const TEXT_FRAGMENT_MAX_WORDS = 3;

/** A short line alone in its paragraph that ends no sentence and is no code. */
function isTextFragment(b: Block, f: Features): boolean {
  return b.kind === 'paragraph' && f.words <= TEXT_FRAGMENT_MAX_WORDS && !f.sentenceEnd && !CODE_LINE_MARKS.test(b.text);
}

/**
 * jusText's neighbour pass: a short block (a one-line paragraph, a list item, a subheading)
 * stays when prose lies on both sides of it within the region; at the region's edges it goes.
 * Headings stay when prose follows them closely. In plain text a lone fragment goes ({@link isTextFragment}).
 */
function reviseByNeighbours(blocks: readonly Block[], features: readonly Features[], classified: readonly Classified[], verdicts: Verdict[], candidate: Uint8Array, text: boolean): void {
  const n = blocks.length;
  const goodBefore = new Uint8Array(n);
  const goodAfter = new Uint8Array(n);
  let seen = 0;
  for (let i = 0; i < n; i++) {
    goodBefore[i] = seen;
    if (candidate[i] === 1 && classified[i]!.quality === 'good') seen = 1;
  }
  seen = 0;
  for (let i = n - 1; i >= 0; i--) {
    goodAfter[i] = seen;
    if (candidate[i] === 1 && classified[i]!.quality === 'good') seen = 1;
  }
  for (let i = 0; i < n; i++) {
    if (candidate[i] !== 1 || verdicts[i]!.kept) continue;
    const b = blocks[i]!;
    if (b.kind === 'heading') {
      let prose = false;
      for (let j = i + 1, steps = 0; j < n && steps < HEADING_LOOKAHEAD; j++) {
        if (candidate[j] !== 1) continue;
        steps++;
        // A heading as long as a paragraph is a standfirst set in heading type, not a section title a sibling heading closes.
        if (blocks[j]!.kind === 'heading' && blocks[j]!.level <= b.level && features[i]!.words < GOOD_MIN_WORDS) break;
        if (classified[j]!.quality === 'good') {
          prose = true;
          break;
        }
      }
      verdicts[i] = prose ? { label: 'heading', kept: true, reason: 'heading-before-prose' } : { label: 'heading', kept: false, reason: 'heading-without-prose' };
      continue;
    }
    // Short blocks at the region's edges stay too: the region already excludes the page chrome, and
    // dropping them cost more article lines (kickers, sign-offs, datelines the truth keeps) than it saved.
    if (text && isTextFragment(b, features[i]!)) {
      verdicts[i] = { label: classified[i]!.label ?? 'other', kept: false, reason: 'text-fragment' };
      continue;
    }
    const between = goodBefore[i] === 1 && goodAfter[i] === 1;
    verdicts[i] = { label: b.kind === 'caption' ? 'caption' : 'body', kept: true, reason: between ? 'between-prose' : 'short-in-region' };
  }
}


/**
 * Comment labels the text segmenter read as a count link ("Comments", "53 Comments" in a tool row
 * above the story, before any body), not as a section heading: they cut nothing.
 */
const COMMENT_COUNT_TOKENS: ReadonlySet<string> = new Set(['text:comment-count']);

/** A comment section's heading inside the region ends the article: nothing after it is body. */
function cutAtComments(
  blocks: readonly Block[],
  containers: readonly Container[],
  verdicts: Verdict[],
  classified: readonly Classified[],
): void {
  let seenBody = false;
  let cut = false;
  for (let i = 0; i < blocks.length; i++) {
    const v = verdicts[i]!;
    if (cut) {
      if (v.kept) verdicts[i] = { label: 'comments', kept: false, reason: 'after-comments' };
      continue;
    }
    // Only prose opens the body: a "Comments" link under the headline, above the first paragraph, cuts nothing.
    if (v.kept && classified[i]!.quality === 'good') seenBody = true;
    const b = blocks[i]!;
    // Read first: a block is rarely a standalone "Comments" line after the body, and a verdict's reason may be a
    // joined string that a prefix test would first have to flatten.
    if (!seenBody || classified[i]!.label !== 'comments' || (b.kind !== 'heading' && b.kind !== 'paragraph')) continue;
    // Only a heading inside the region opens its comments: a share bar's "Comments" link beside the lead is no section.
    if (v.reason.startsWith('outside-region')) continue;
    // A "Comments" link in a post's meta row (a container hinted as metadata, share or byline) is no section heading.
    const inOtherChrome = v.reason.startsWith('hint:') && v.label !== 'comments';
    const countLink = b.hintToken !== null && COMMENT_COUNT_TOKENS.has(b.hintToken);
    if (!inOtherChrome && !countLink && !isCellText(blocks, i, containers)) cut = true;
  }
}

/**
 * An author box or press contact closes an article: after its heading ("Über den Autor", "About
 * the author", "Pressekontakt") come the bio and the addresses. The cut holds only near the end;
 * a "Zur Person" box mid-interview is followed by most of the text, which stays.
 */
const AUTHOR_BOX_MAX_TAIL_SHARE = 0.25;

/** Words of the blocks kept so far. */
function keptWords(verdicts: readonly Verdict[], features: readonly Features[]): number {
  let words = 0;
  for (let i = 0; i < verdicts.length; i++) if (verdicts[i]!.kept) words += features[i]!.words;
  return words;
}

/** Drops every kept block after `i`, with the reason that ended the article there (and a label, when it names one). */
function dropKeptAfter(verdicts: Verdict[], i: number, reason: string, label: BlockLabel | null): void {
  for (let j = i + 1; j < verdicts.length; j++) {
    const v = verdicts[j]!;
    if (v.kept) verdicts[j] = { label: label ?? v.label, kept: false, reason };
  }
}

function cutAtAuthorBox(verdicts: Verdict[], classified: readonly Classified[], features: readonly Features[]): void {
  const total = keptWords(verdicts, features);
  let before = 0;
  for (let i = 0; i < verdicts.length; i++) {
    if (verdicts[i]!.kept) before += features[i]!.words;
    const k = classified[i]!;
    if (k.label !== 'byline' || !k.reason.startsWith('phrase:') || before === 0 || verdicts[i]!.reason.startsWith('outside-region')) continue;
    if (total - before > total * AUTHOR_BOX_MAX_TAIL_SHARE) continue;
    dropKeptAfter(verdicts, i, 'after-author-box', 'byline');
    return;
  }
}

/** Why: a colon (or a semicolon, as some writers use it) at a block's end announces what follows: "Here is the full changelog:". */
const LIST_INTRO_END = /[:;]$/u;
/** Why: the lines a colon announces are a list; a longer line is prose again. */
const COLON_LIST_ITEM_MAX_WORDS = 25;
/** Why: a changelog or an ingredient list runs to dozens of lines; the bound keeps a sidebar from joining whole. */
const COLON_LIST_MAX_ITEMS = 80;

/**
 * A text page loses the list that ends an article: its short lines read as a menu. When the article's last kept
 * block announces it with a colon, the unhinted short lines after it are the article's, up to the first hinted one.
 */
function keepListAfterColon(blocks: readonly Block[], verdicts: Verdict[], features: readonly Features[]): void {
  let last = -1;
  for (let i = verdicts.length - 1; i >= 0; i--) if (verdicts[i]!.kept) { last = i; break; }
  if (last < 0 || !LIST_INTRO_END.test(blocks[last]!.text)) return;
  for (let i = last + 1; i < blocks.length && i <= last + COLON_LIST_MAX_ITEMS; i++) {
    if (blocks[i]!.hint !== null || !isListItemSized(features[i]!)) return;
    verdicts[i] = { label: 'body', kept: true, reason: 'list-after-colon' };
  }
}

/** A line the size of a list item: some words, no more than {@link COLON_LIST_ITEM_MAX_WORDS}. */
function isListItemSized(f: Features): boolean {
  return f.words > 0 && f.words <= COLON_LIST_ITEM_MAX_WORDS;
}

/** Why: a recipe's ingredient line opens with its quantity ("200 g Zucker", "1 Ei", "½ cup milk"): never a menu entry. */
const QUANTITY_LINE = /^(?:\d{1,4}(?:[.,/]\d+)?|[½¼¾⅓⅔])\s?\p{L}/u;
/** Why: a recipe or fact list above the first paragraph is at most this many lines. */
const LISTS_BEFORE_RUN_MAX_BLOCKS = 40;

/**
 * A text page's run starts at prose, leaving out the lists a colon announces above it ("Zutaten:", "Zubereitung:"). The
 * short lines between the topmost such colon line and the first kept block are the article's, when no chrome lies
 * between (a menu-run hint is allowed only on or beside a quantity line: ingredient lists read as menus).
 */
function keepListsBeforeRun(blocks: readonly Block[], verdicts: Verdict[], features: readonly Features[]): void {
  const first = verdicts.findIndex((v) => v.kept);
  if (first <= 0) return;
  let top = -1;
  for (let i = first - 1; i >= 0 && i >= first - LISTS_BEFORE_RUN_MAX_BLOCKS; i--) {
    const b = blocks[i]!;
    // An ingredient without a quantity ("Salt to taste") sits among lines with one.
    const amid = QUANTITY_LINE.test(b.text) || QUANTITY_LINE.test(blocks[i - 1]?.text ?? '') || QUANTITY_LINE.test(blocks[i + 1]?.text ?? '');
    const listLine = b.hint === null || (b.hintToken === MENU_RUN_TOKEN && amid);
    if (!listLine || !isListItemSized(features[i]!)) break;
    if (LIST_INTRO_END.test(b.text)) top = i;
  }
  if (top < 0) return;
  for (let i = top; i < first; i++) verdicts[i] = { label: 'body', kept: true, reason: 'list-before-run' };
}

/** Why: a changelog or a list article runs to dozens of bullet points; the bound keeps a lynx dump's long menu from joining whole. */
const WHOLE_LIST_MAX_ITEMS = 200;
/** Why: a menu's entries are a word or two; a changelog's or a list article's items run longer on average. */
const LIST_ITEM_MIN_MEAN_WORDS = 3;

/** Whether the items from `start` to `end` read as a menu or a headline rail: short on average, or mostly Title Case. */
function readsAsMenu(blocks: readonly Block[], features: readonly Features[], start: number, end: number): boolean {
  let words = 0;
  let titled = 0;
  for (let j = start; j <= end; j++) {
    words += features[j]!.words;
    if (isTitleCased(blocks[j]!.text)) titled++;
  }
  const count = end - start + 1;
  return words < LIST_ITEM_MIN_MEAN_WORDS * count || titled * 2 >= count;
}

/** A line of three or more words whose every word but the minor ones ({@link TITLE_CASE_MINOR_WORDS}) opens with a capital ("Mayor Opens New Library in Town"). */
function isTitleCased(text: string): boolean {
  const words = text.split(/\s+/u).filter((w) => /\p{L}/u.test(w));
  if (words.length < 3) return false;
  return words.every((w, k) => (k > 0 && TITLE_CASE_MINOR_WORDS.has(w)) || /^["'“‘(]?\p{Lu}/u.test(w));
}

/** Why: a list under the article's last paragraph joins it from two items; one marked line there is a credit or a prompt. */
const TYPED_LIST_MIN_ITEMS = 2;

/**
 * An article does not start or stop in the middle of a list whose markers its author typed, nor end on the sentence
 * that introduces one: when the kept run holds some items of a typed text list, or its kept paragraph sits right above
 * the list's first item, the list's unhinted items without links are the article's too (a changelog's short lines,
 * "Added Banners", read as a menu, its longer ones as prose). A hinted item or a linked one (a dump's headline rail)
 * ends the list there.
 */
function keepWholeList(blocks: readonly Block[], containers: readonly Container[], verdicts: Verdict[], features: readonly Features[]): void {
  const isTypedItem = (i: number, list: number): boolean => blocks[i]?.kind === 'list-item' && blocks[i]!.parent === list;
  const isOpenItem = (i: number, list: number): boolean =>
    isTypedItem(i, list) && blocks[i]!.hint === null && blocks[i]!.links.length === 0 && isListItemSized(features[i]!);
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind !== 'list-item' || b.parent < 0 || containers[b.parent]?.typedList !== true) continue;
    const list = b.parent;
    const opensAfterKept = i > 0 && verdicts[i - 1]!.kept && blocks[i - 1]!.kind === 'paragraph' && blocks[i - 1]!.parent !== list;
    if (!verdicts[i]!.kept && !opensAfterKept) continue;
    let start = i;
    while (start > 0 && i - start + 1 < WHOLE_LIST_MAX_ITEMS && isOpenItem(start - 1, list)) start--;
    let end = i;
    while (end - start + 1 < WHOLE_LIST_MAX_ITEMS && (verdicts[end + 1]?.kept === true ? isTypedItem(end + 1, list) : isOpenItem(end + 1, list))) end++;
    // One marked line under the article ("- Have a view on this story?", "* REUTERS") is a stray line, not a list; under a
    // paragraph that does not announce it, a list of one- and two-word entries or of Title Case headlines is a menu or a
    // teaser rail ("* Politics", "- Mayor Opens New Library").
    if (!verdicts[i]!.kept) {
      if (!isOpenItem(i, list) || end - start + 1 < TYPED_LIST_MIN_ITEMS) continue;
      if (!LIST_INTRO_END.test(blocks[i - 1]!.text) && readsAsMenu(blocks, features, start, end)) continue;
    }
    for (let j = start; j <= end; j++) if (!verdicts[j]!.kept) verdicts[j] = { label: 'body', kept: true, reason: 'list-around-run' };
    i = end;
  }
}

/** Why: a site-module heading closes an article only after a paragraph of it; above that it heads a sidebar printed first. */
const SITE_MODULE_MIN_WORDS_BEFORE = 50;

/** Why: a box's heading is a few words; the longest label has five. */
const SITE_MODULE_LABEL_MAX_CHARS = 40;

/** The labels' first characters: most short lines after the article's start open otherwise and are never keyed. */
const SITE_MODULE_LABEL_OPENINGS = keyOpenings(SITE_MODULE_LABELS);

function isSiteModuleLabel(block: Block): boolean {
  const text = block.text;
  return text.length <= SITE_MODULE_LABEL_MAX_CHARS && keyMayOpenWith(text, SITE_MODULE_LABEL_OPENINGS) && SITE_MODULE_LABELS.has(phraseKey(text));
}

/**
 * A heading naming one of the site's own boxes ("From the editor", "Community calendar") under the article starts the
 * page's sidebar, however long the prose under it: in HTML an `<aside>` holds it, in text only the label tells.
 */
function cutAtSiteModule(blocks: readonly Block[], verdicts: Verdict[], features: readonly Features[]): void {
  let before = 0;
  for (let i = 0; i < verdicts.length; i++) {
    // "Events Calendar" among "Directory", "Daily News" is a menu entry, not the heading of a box.
    const menuEntry = blocks[i - 1]?.hint === 'navigation' || blocks[i + 1]?.hint === 'navigation';
    if (before >= SITE_MODULE_MIN_WORDS_BEFORE && !menuEntry && isSiteModuleLabel(blocks[i]!)) {
      // The label goes too: kept, it would read as the article's last heading.
      dropKeptAfter(verdicts, i - 1, 'after-site-module', null);
      return;
    }
    if (verdicts[i]!.kept) before += features[i]!.words;
  }
}

/** Boilerplate that follows an article's end: share bars, sign-up prompts, teaser lists, legal and menu lines. */
const END_CHROME_LABELS: ReadonlySet<string> = new Set(['share', 'newsletter', 'related', 'legal', 'navigation', 'comments', 'cookie', 'promo']);

/** A run of short lines may be a menu, or the article's own code, list or table: alone it is no end mark. */
const MENU_RUN_TOKEN = 'text:menu-run';
const WEAK_MENU_REASON = `hint:${MENU_RUN_TOKEN}`;

/**
 * Why: a share bar, sign-up prompt, legal or comment line in the article's last quarter marks its end; a run of short
 * lines or a teaser list marks it only beside another. Fitted on the text renderings of `readability` and
 * `trafilatura-eval` (net snippets found minus boilerplate snippets kept, and page F1 summed, against no cut):
 * one strong line +95 / +.57; two +63 / +.45; three +46 / +.36; a lone menu run or teaser list as strong +105 / +.58,
 * but it cut the paragraphs after a mid-article "DON'T MISS" list.
 */
const END_CHROME_STRONG = 2;
const END_CHROME_WEAK = 1;
const END_CHROME_MARK = 2;

/** Why: the cut holds only for a short tail, as for author boxes; more prose after the chrome is more article. */
const END_CHROME_MAX_TAIL_SHARE = 0.25;

/**
 * A text page has no containers to close its article, so prose-shaped boilerplate after it (a site's
 * blurb, a newsletter pitch, teaser excerpts) joins the best run. Chrome lines with no prose between
 * them, followed by only a short tail, end the article there.
 */
function cutAtEndChrome(blocks: readonly Block[], verdicts: Verdict[], classified: readonly Classified[], features: readonly Features[]): void {
  const total = keptWords(verdicts, features);
  let before = 0;
  let chrome = 0;
  // A chrome line printed again inside the article ("Share this update" under each live-blog entry) marks no end.
  const seen = new Set<string>();
  for (let i = 0; i < verdicts.length; i++) {
    const v = verdicts[i]!;
    if (v.kept) {
      before += features[i]!.words;
      if (classified[i]!.quality === 'good') chrome = 0;
      continue;
    }
    // The label first: a reason may be a joined string that the prefix test would first flatten.
    if (before === 0 || !END_CHROME_LABELS.has(v.label) || v.reason.startsWith('outside-region')) continue;
    const text = blocks[i]!.text;
    if (seen.has(text)) continue;
    seen.add(text);
    // A run of short lines, or a teaser list (news pages set them mid-article too), counts once and weakly.
    const weak = v.reason === WEAK_MENU_REASON || v.label === 'related';
    if (weak && i > 0 && verdicts[i - 1]!.label === v.label && verdicts[i - 1]!.reason.startsWith('hint:')) continue;
    chrome += weak ? END_CHROME_WEAK : END_CHROME_STRONG;
    if (chrome < END_CHROME_MARK || total - before > total * END_CHROME_MAX_TAIL_SHARE) continue;
    dropKeptAfter(verdicts, i, 'after-end-chrome', null);
    return;
  }
}
