/**
 * Learned second opinions on plain-text pages, from boosted decision trees over each block's shape and its
 * neighbourhood (fitted by `bench/fit-text-model.ts` on the text renderings of `readability` and
 * `trafilatura-eval` only; the other datasets measure whether the fit generalises):
 *
 * - the **prior** reads shapes alone and weighs each prose block's pull on the article run before a region exists
 *   (a list of book titles set as long lines reads as prose to the rules, not to the trees);
 * - the **reviser** also reads the rules' verdicts around each block and overrules them where it is sure: it drops
 *   kept blocks that read as boilerplate and extends the article at its edges. Each block it overrules says so in
 *   its reason (`text-model:boilerplate`, `text-model:article`).
 */
import type { Block, Verdict } from './block.js';
import type { Classified } from './classify.js';
import type { Features } from './features.js';
import { isLetterCode } from './chars.js';
import { TEXT_MODEL } from '../rules/text-model-trees.js';
import { TEXT_PRIOR } from '../rules/text-prior-trees.js';

/** The hint labels the trees tell apart; the rest share the `hinted` slot. */
const MODEL_HINTS = ['navigation', 'related', 'share', 'comments', 'newsletter', 'promo', 'legal', 'byline', 'dateline', 'caption', 'metadata', 'ad'] as const;

/** Families of the rules' reasons (the part before the first colon) the reviser tells apart. */
const MODEL_REASONS = [
  'outside-region',
  'hint',
  'phrase',
  'prose',
  'short',
  'code',
  'between-prose',
  'short-in-region',
  'heading-before-prose',
  'heading-without-prose',
  'text-fragment',
  'teaser-excerpt',
  'no-sentence',
  'after-end-chrome',
  'after-comments',
  'after-author-box',
] as const;

/** Slot of each hint label and reason family in its one-hot group. */
const HINT_SLOT: ReadonlyMap<string, number> = new Map(MODEL_HINTS.map((h, i) => [h, i]));
const REASON_SLOT: ReadonlyMap<string, number> = new Map(MODEL_REASONS.map((r, i) => [r, i]));

/** Blocks either side whose prose the trees sum. */
const CONTEXT_BLOCKS = 3;
/** Distances in blocks are counted up to this: further is simply far. */
const MAX_DISTANCE = 12;

/** A line opening with a credit word: bylines and author boxes. */
const BY_OPENING = /^(?:by|von|par|por|di|door|av|de)\s/iu;
/** A line opening with a bullet or dash printed as text. */
const BULLET_OPENING = /^[•·▪►»›\-–—*]\s/u;

/**
 * Words that page chrome uses and article prose seldom does, in the languages of the phrase tables: a share of them
 * marks author boxes, sign-up pitches and footers the phrase tables do not match whole.
 */
const CHROME_WORDS = [
  'share', 'shares', 'comment', 'comments', 'reply', 'subscribe', 'newsletter', 'login', 'log', 'sign', 'register',
  'privacy', 'cookie', 'cookies', 'copyright', 'rights', 'reserved', 'terms', 'follow', 'click', 'advertisement',
  'advertise', 'related', 'read', 'more', 'posted', 'tags', 'tagged', 'filed', 'email', 'e-mail', 'print', 'tweet',
  'facebook', 'twitter', 'instagram', 'linkedin', 'youtube', 'whatsapp', 'rss', 'feed', 'contact', 'menu', 'search',
  'home', 'previous', 'next', 'photo', 'photos', 'video', 'videos', 'gallery', 'author', 'editor', 'staff',
  'teilen', 'kommentar', 'kommentare', 'anmelden', 'abonnieren', 'datenschutz', 'impressum', 'weiterlesen', 'mehr',
  'partager', 'commentaires', 'abonnez', 'connexion', 'compartir', 'comentarios', 'suscríbete', 'condividi',
  'commenti', 'compartilhe', 'comentários',
];
const CHROME_WORD_SET: ReadonlySet<string> = new Set(CHROME_WORDS);
/** Longest chrome word: longer words are not looked up. */
const CHROME_WORD_MAX = Math.max(...CHROME_WORDS.map((w) => w.length));
/**
 * The chrome words by length × first code unit (below 0x100): most words are ruled out by one read, the others are
 * compared with a few candidates in place. Allocated whole, so the table stays a flat array, not a sparse one.
 */
const CHROME_WORDS_BY_SHAPE: (string[] | undefined)[] = new Array((CHROME_WORD_MAX + 1) * 0x100);
for (const w of CHROME_WORDS) if (w.charCodeAt(0) < 0x100) (CHROME_WORDS_BY_SHAPE[w.length * 0x100 + w.charCodeAt(0)] ??= []).push(w);

/** A code unit of a word as the chrome-word count reads one: a letter or a hyphen (surrogates count as letters). */
function inChromeWord(c: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x2d;
  return (c >= 0xd800 && c <= 0xdfff) || isLetterCode(c);
}

/** Whether `text[start, end)` is one of {@link CHROME_WORDS}, case aside; most words are ruled out without a copy. */
function isChromeWord(text: string, start: number, end: number): boolean {
  const length = end - start;
  if (length > CHROME_WORD_MAX) return false;
  let first = text.charCodeAt(start);
  if (first >= 0x41 && first <= 0x5a) first += 0x20;
  const candidates = first < 0x100 ? CHROME_WORDS_BY_SHAPE[length * 0x100 + first] : undefined;
  if (candidates === undefined) return false;
  for (const word of candidates) {
    const same = sameAsciiFolded(text, start, word);
    if (same === null) return CHROME_WORD_SET.has(text.slice(start, end).toLowerCase());
    if (same) return true;
  }
  return false;
}

/**
 * Whether `text` from `start` spells `word` past its first character, ASCII capitals read as small letters; null at
 * a character beyond ASCII before a difference (its lowercase may take context or other lengths: the caller copies).
 */
function sameAsciiFolded(text: string, start: number, word: string): boolean | null {
  for (let k = 1; k < word.length; k++) {
    let c = text.charCodeAt(start + k);
    if (c >= 0x80) return null;
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    if (c !== word.charCodeAt(k)) return false;
  }
  return true;
}

/** Slots that read the block and its neighbours' shapes: the same whatever the verdicts. */
const SHAPE_FEATURES = [
  'words',
  'sentenceEnd',
  'stopwordDensity',
  'commasPerWord',
  'ellipsis',
  'heading',
  'listItem',
  'tableCell',
  'good',
  'bad',
  'hinted',
  ...MODEL_HINTS.map((h) => `hint:${h}`),
  'position',
  'prevWords',
  'nextWords',
  'prevSentence',
  'nextSentence',
  'prevHinted',
  'nextHinted',
  'prevGood',
  'nextGood',
  'goodWordsBefore',
  'goodWordsAfter',
  'nearStopwords',
  'capitalised',
  'digits',
  'separators',
  'charsPerWord',
  'sentences',
  'pageBlocks',
  'colonEnd',
  'questionEnd',
  'linkDensity',
  'blankBefore',
  'lines',
  'byOpening',
  'contactMarks',
  'bulletOpening',
  'chromeWords',
  'repeated',
  'charsBefore',
];

/** Slots that read the rules' verdicts: blank (zero) for the prior, which runs before there are any. */
const VERDICT_FEATURES = [
  'kept',
  ...MODEL_REASONS.map((r) => `reason:${r}`),
  'keptWordsBefore',
  'keptWordsAfter',
  'keptDistance',
  'prevKept',
  'nextKept',
  'pageKeptWords',
  'keptShare',
  'firstKept',
  'lastKept',
  'blocksFromFirstKept',
  'blocksToLastKept',
  'wordsToKeptMedian',
];

/** The names of the feature vector's slots, in order: the trees refer to them by index. */
export const TEXT_MODEL_FEATURES: readonly string[] = [...SHAPE_FEATURES, ...VERDICT_FEATURES];
const WIDTH = TEXT_MODEL_FEATURES.length;

/**
 * Boosted trees, each in heap order: node `j` sends a row to `2j + 1` when `row[feature[j]] <= threshold[j]`, else
 * to `2j + 2`; `feature[j] < 0` marks a leaf, whose `value` is added to the log-odds.
 */
export interface TreeEnsemble {
  features: readonly string[];
  /** The reviser drops a kept block whose log-odds fall below this. */
  dropMargin: number;
  /** The reviser keeps a dropped block at the article's edge whose log-odds rise above this. */
  keepMargin: number;
  base: number;
  trees: { feature: number[]; threshold: number[]; value: number[] }[];
}

/**
 * Every tree padded to the ensemble's greatest depth, its splits and its leaves each in shared typed arrays at a
 * fixed stride: a walk is then `depth` steps with no test for a leaf, over a few cache lines per tree. A leaf above
 * the bottom becomes splits whose every descendant holds its value, so each row reaches the value it reaches in the
 * tree as fitted, and the margin is the same sum.
 */
interface CompiledTrees {
  base: number;
  count: number;
  depth: number;
  /** Splits per padded tree, in heap order: `2^depth - 1`. */
  splits: number;
  /** Leaves per padded tree, left to right: `2^depth`. */
  leaves: number;
  feature: Int16Array;
  threshold: Float64Array;
  value: Float64Array;
}

const compiledTrees = new WeakMap<TreeEnsemble, CompiledTrees>();

/** The depth bench/fit-text-model.ts fits trees to: {@link treeMargin} walks trees this deep unrolled. */
const SHIPPED_TREE_DEPTH = 3;

/** The depth of the node at heap position `j`. */
function heapDepth(j: number): number {
  return Math.floor(Math.log2(j + 1));
}

function treeDepth(tree: TreeEnsemble['trees'][number]): number {
  let depth = 0;
  for (let j = 0; j < tree.feature.length; j++) if (tree.feature[j]! < 0) depth = Math.max(depth, heapDepth(j));
  return depth;
}

function compile(model: TreeEnsemble): CompiledTrees {
  const cached = compiledTrees.get(model);
  if (cached !== undefined) return cached;
  const depth = model.trees.reduce((d, t) => Math.max(d, treeDepth(t)), 0);
  const splits = 2 ** depth - 1;
  const leaves = 2 ** depth;
  const count = model.trees.length;
  const c: CompiledTrees = {
    base: model.base,
    count,
    depth,
    splits,
    leaves,
    feature: new Int16Array(splits * count),
    threshold: new Float64Array(splits * count),
    value: new Float64Array(leaves * count),
  };
  model.trees.forEach((t, k) => {
    // Position `j` of the padded tree copies node `j` of the fitted one down to a leaf; below a leaf, its value.
    const fill = (j: number, leafValue: number | null): void => {
      const split = leafValue === null && t.feature[j]! >= 0;
      if (j >= splits) {
        if (split) throw new Error('text-model: a split below the ensemble\'s depth');
        c.value[k * leaves + j - splits] = leafValue ?? t.value[j]!;
        return;
      }
      // A split of the fitted tree, or a padding split on feature 0 whose two sides hold the leaf's value.
      c.feature[k * splits + j] = split ? t.feature[j]! : 0;
      c.threshold[k * splits + j] = split ? t.threshold[j]! : 0;
      const below = split ? null : (leafValue ?? t.value[j]!);
      fill(2 * j + 1, below);
      fill(2 * j + 2, below);
    };
    fill(0, null);
  });
  compiledTrees.set(model, c);
  return c;
}

/** The trees' log-odds that the block whose row starts at `offset` is article text. */
export function treeMargin(model: TreeEnsemble, rows: Float64Array, offset: number): number {
  const c = compile(model);
  const { count, depth, splits, leaves, feature, threshold, value } = c;
  let sum = c.base;
  // Each step as arithmetic on the comparison, not a branch: which way a row goes is unpredictable.
  if (depth === SHIPPED_TREE_DEPTH) {
    // The shipped trees' depth, unrolled: a quarter less time than the loop below.
    for (let k = 0, s = 0, l = 0; k < count; k++, s += splits, l += leaves) {
      let j = 2 - Number(rows[offset + feature[s]!]! <= threshold[s]!);
      j = 2 * j + 2 - Number(rows[offset + feature[s + j]!]! <= threshold[s + j]!);
      j = 2 * j + 2 - Number(rows[offset + feature[s + j]!]! <= threshold[s + j]!);
      sum += value[l + j - splits]!;
    }
    return sum;
  }
  for (let k = 0, s = 0, l = 0; k < count; k++, s += splits, l += leaves) {
    let j = 0;
    for (let d = 0; d < depth; d++) j = 2 * j + 2 - Number(rows[offset + feature[s + j]!]! <= threshold[s + j]!);
    sum += value[l + j - splits]!;
  }
  return sum;
}

let activePrior: TreeEnsemble = TEXT_PRIOR;
let activeReviser: TreeEnsemble = TEXT_MODEL;

/** Swaps trees in (null restores the shipped ones): the fit script scores each fold with trees that never saw it. Not public API. */
export function useTextTrees(prior: TreeEnsemble | null, reviser: TreeEnsemble | null): void {
  activePrior = prior ?? TEXT_PRIOR;
  activeReviser = reviser ?? TEXT_MODEL;
}

/** How many numbers a block's scan keeps. */
const SCAN_FIELDS = 7;

/** What one scan of a block's text counts; one record, reused, so the scan allocates nothing. */
const scanned = { words: 0, caps: 0, digits: 0, separators: 0, sentences: 0, chromeWords: 0, contact: false };

/** Bits of an ASCII character as {@link scan} reads it: one table read instead of a chain of range tests per character. */
const SCAN_LETTER = 1;
const SCAN_UPPER = 2;
const SCAN_DIGIT = 4;
/** A letter or a hyphen: part of a chrome word. */
const SCAN_CHROME = 8;
const SCAN_SEPARATOR = 16;
/** "h" and "w": they may open an address ("http://", "www."). */
const SCAN_ADDRESS = 32;
const SCAN_ASCII = new Uint8Array(0x80);
for (let c = 0; c < 0x80; c++) {
  const upper = c >= 0x41 && c <= 0x5a;
  const letter = upper || (c >= 0x61 && c <= 0x7a);
  SCAN_ASCII[c] =
    (letter ? SCAN_LETTER | SCAN_CHROME : 0) | (upper ? SCAN_UPPER : 0) | (c >= 0x30 && c <= 0x39 ? SCAN_DIGIT : 0) |
    (c === 0x2d ? SCAN_CHROME : 0) | (c === 0x7c ? SCAN_SEPARATOR : 0) | (c === 0x68 || c === 0x77 ? SCAN_ADDRESS : 0);
}

/**
 * Counts, in one pass: words (letter runs) and the capitalised ones, digits, menu separators, sentence ends before
 * a space, {@link CHROME_WORDS} (runs of letters and hyphens, case aside), and whether a contact mark shows
 * (`@`, `©`, `http://`, `https://`, `www.`).
 */
function scan(text: string): typeof scanned {
  let words = 0;
  let caps = 0;
  let digits = 0;
  let separators = 0;
  let sentences = 0;
  let chromeWords = 0;
  let contact = false;
  let inWord = false;
  let chromeStart = -1;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      // ASCII, most of most pages, by table; the same tests as below.
      const k = SCAN_ASCII[c]!;
      if ((k & SCAN_CHROME) !== 0) {
        if (chromeStart < 0) chromeStart = i;
      } else if (chromeStart >= 0) {
        if (isChromeWord(text, chromeStart, i)) chromeWords++;
        chromeStart = -1;
      }
      if ((k & SCAN_DIGIT) !== 0) digits++;
      else if ((k & SCAN_SEPARATOR) !== 0) separators++;
      else if (c === 0x20 && i > 0) {
        const before = text.charCodeAt(i - 1);
        if (before === 0x2e || before === 0x21 || before === 0x3f) sentences++;
      } else if (c === 0x40) contact = true;
      else if (!contact && (k & SCAN_ADDRESS) !== 0) contact = opensAddress(text, i, c, length);
      if ((k & SCAN_LETTER) !== 0 && !inWord) {
        words++;
        if ((k & SCAN_UPPER) !== 0) caps++;
      }
      inWord = (k & (SCAN_LETTER | SCAN_DIGIT)) !== 0;
      // Inside a word, its further small letters change no count: most of a text is read with one test a character.
      // "h" and "w" are read in full, for the address test.
      if ((k & SCAN_LETTER) !== 0) {
        for (let next = i + 1; next < length; next++) {
          const n = text.charCodeAt(next);
          if (n < 0x61 || n > 0x7a || n === 0x68 || n === 0x77) break;
          i = next;
        }
      }
      continue;
    }
    // Chrome words: a run of letters and hyphens ends here.
    if (inChromeWord(c)) {
      if (chromeStart < 0) chromeStart = i;
    } else if (chromeStart >= 0) {
      if (isChromeWord(text, chromeStart, i)) chromeWords++;
      chromeStart = -1;
    }
    const letter = c >= 0xc0;
    if (c === 0x2022 || c === 0xb7) separators++;
    else if (c === 0xa9) contact = true;
    if (letter && !inWord) {
      words++;
      if (c >= 0xc0 && c <= 0xde) caps++;
    }
    inWord = letter;
  }
  if (chromeStart >= 0 && isChromeWord(text, chromeStart, length)) chromeWords++;
  scanned.words = words;
  scanned.caps = caps;
  scanned.digits = digits;
  scanned.separators = separators;
  scanned.sentences = sentences;
  scanned.chromeWords = chromeWords;
  scanned.contact = contact;
  return scanned;
}

/** Whether "http://", "https://" or "www." opens at `i` (an "h" or a "w"): the next letter rules most out before any comparison. */
function opensAddress(text: string, i: number, c: number, length: number): boolean {
  const next = i + 1 < length ? text.charCodeAt(i + 1) : 0;
  if (c === 0x68 ? next !== 0x74 : next !== 0x77) return false;
  return text.startsWith('http://', i) || text.startsWith('https://', i) || text.startsWith('www.', i);
}

/**
 * Sets `repeated[i]` to 1 where block `i`'s exact text is printed more than once on the page. Only texts that share
 * their length with another block's are compared: a text of a length no other has is unique, and so the long prose
 * blocks, which hold most of the page's characters, are never hashed.
 */
function markRepeated(blocks: readonly Block[], repeated: Uint8Array): void {
  // Blocks per text length, counted to two (all the test needs) in an array by length: no map entry per block.
  let longest = 0;
  for (const b of blocks) if (b.text.length > longest) longest = b.text.length;
  const lengths = new Uint8Array(longest + 1);
  for (const b of blocks) if (lengths[b.text.length]! < 2) lengths[b.text.length]!++;
  const seen = new Map<string, number>();
  for (const b of blocks) if (lengths[b.text.length] === 2) seen.set(b.text, (seen.get(b.text) ?? 0) + 1);
  for (let i = 0; i < blocks.length; i++) {
    const text = blocks[i]!.text;
    if (lengths[text.length] === 2 && seen.get(text)! > 1) repeated[i] = 1;
  }
}

/**
 * One page's feature rows, built one block at a time into a scratch row when the trees ask about that block: a
 * page keeps a few numbers per block (prefix sums, flags), never a full row per block, so memory stays linear in
 * the blocks with a small constant however short the lines.
 */
export class TextModelRows {
  private readonly n: number;
  /** 1 where the rules read the block as prose: the prior is asked about these only. */
  private readonly prose: Uint8Array;
  /** 1 where the block's exact text is printed more than once on the page. */
  private readonly repeated: Uint8Array;
  /** Prefix sums: prose words and characters before each block. */
  private readonly goodWords: Float64Array;
  private readonly chars: Float64Array;
  /** The verdict slots' page-level inputs, or null for the prior (blank slots). */
  private verdictState: {
    verdicts: readonly Verdict[];
    keptBefore: Float64Array;
    distance: Float64Array;
    keptCount: number;
    keptMedian: number;
    firstKept: number;
    lastKept: number;
  } | null = null;
  private readonly scratch = new Float64Array(WIDTH);
  /** Each block's {@link scan}, `SCAN_FIELDS` numbers apiece; -1 in the first until counted. */
  private readonly scans: Int32Array;

  constructor(
    private readonly blocks: readonly Block[],
    private readonly features: readonly Features[],
    private readonly classified: readonly Classified[],
  ) {
    const n = blocks.length;
    this.n = n;
    this.prose = new Uint8Array(n);
    this.repeated = new Uint8Array(n);
    this.goodWords = new Float64Array(n + 1);
    this.chars = new Float64Array(n + 1);
    this.scans = new Int32Array(n * SCAN_FIELDS).fill(-1);
    // Lines printed twice on a page are menus, teaser titles and repeated headlines, seldom article prose.
    markRepeated(blocks, this.repeated);
    for (let i = 0; i < n; i++) {
      const good = classified[i]!.quality === 'good';
      if (good) this.prose[i] = 1;
      this.goodWords[i + 1] = this.goodWords[i]! + (good ? features[i]!.words : 0);
      this.chars[i + 1] = this.chars[i]! + features[i]!.chars;
    }
  }

  /** Sets the verdicts the verdict slots read, or blanks those slots (`null`) for the prior. */
  fillVerdicts(verdicts: readonly Verdict[] | null): void {
    if (verdicts === null) {
      this.verdictState = null;
      return;
    }
    const { n, features } = this;
    const keptBefore = new Float64Array(n + 1);
    const keptWords: number[] = [];
    let firstKept = -1;
    let lastKept = -1;
    for (let i = 0; i < n; i++) {
      const kept = verdicts[i]!.kept;
      keptBefore[i + 1] = keptBefore[i]! + (kept ? features[i]!.words : 0);
      if (!kept) continue;
      keptWords.push(features[i]!.words);
      if (firstKept < 0) firstKept = i;
      lastKept = i;
    }
    keptWords.sort((a, b) => a - b);
    const distance = new Float64Array(n);
    for (let i = 0, last = -Infinity; i < n; i++) {
      if (verdicts[i]!.kept) last = i;
      distance[i] = Math.min(MAX_DISTANCE, i - last);
    }
    for (let i = n - 1, next = Infinity; i >= 0; i--) {
      if (verdicts[i]!.kept) next = i;
      distance[i] = Math.min(distance[i]!, next - i);
    }
    const keptMedian = keptWords.length === 0 ? 0 : keptWords[keptWords.length >> 1]!;
    this.verdictState = { verdicts, keptBefore, distance, keptCount: keptWords.length, keptMedian, firstKept, lastKept };
  }

  /** Block `i`'s row, written into `rows` from `offset`, in {@link TEXT_MODEL_FEATURES} order. */
  rowInto(i: number, rows: Float64Array, offset = 0): void {
    const { n, blocks, features, classified } = this;
    const b = blocks[i]!;
    const f = features[i]!;
    const k = classified[i]!;
    const prev = i > 0 ? i - 1 : -1;
    const next = i + 1 < n ? i + 1 : -1;
    const s = this.scanOf(i);
    const last = b.text.charCodeAt(b.text.length - 1);
    let x = offset;
    rows[x++] = Math.log1p(f.words);
    rows[x++] = f.sentenceEnd ? 1 : 0;
    rows[x++] = f.stopwordDensity;
    rows[x++] = f.words === 0 ? 0 : f.commas / f.words;
    rows[x++] = f.ellipsis ? 1 : 0;
    rows[x++] = b.kind === 'heading' ? 1 : 0;
    rows[x++] = b.kind === 'list-item' ? 1 : 0;
    rows[x++] = b.kind === 'table-cell' ? 1 : 0;
    rows[x++] = k.quality === 'good' ? 1 : 0;
    rows[x++] = k.quality === 'bad' ? 1 : 0;
    rows[x++] = b.hint !== null ? 1 : 0;
    rows.fill(0, x, x + MODEL_HINTS.length);
    const hint = b.hint === null ? -1 : (HINT_SLOT.get(b.hint) ?? -1);
    if (hint >= 0) rows[x + hint] = 1;
    x += MODEL_HINTS.length;
    rows[x++] = n <= 1 ? 0 : i / (n - 1);
    rows[x++] = prev >= 0 ? Math.log1p(features[prev]!.words) : -1;
    rows[x++] = next >= 0 ? Math.log1p(features[next]!.words) : -1;
    rows[x++] = prev >= 0 && features[prev]!.sentenceEnd ? 1 : 0;
    rows[x++] = next >= 0 && features[next]!.sentenceEnd ? 1 : 0;
    rows[x++] = prev >= 0 && blocks[prev]!.hint !== null ? 1 : 0;
    rows[x++] = next >= 0 && blocks[next]!.hint !== null ? 1 : 0;
    rows[x++] = prev >= 0 && classified[prev]!.quality === 'good' ? 1 : 0;
    rows[x++] = next >= 0 && classified[next]!.quality === 'good' ? 1 : 0;
    rows[x++] = Math.log1p(this.goodWords[i]! - this.goodWords[Math.max(0, i - CONTEXT_BLOCKS)]!);
    rows[x++] = Math.log1p(this.goodWords[Math.min(n, i + 1 + CONTEXT_BLOCKS)]! - this.goodWords[i + 1]!);
    let stop = 0;
    let near = 0;
    for (let j = Math.max(0, i - 2); j <= Math.min(n - 1, i + 2); j++, near++) stop += features[j]!.stopwordDensity;
    rows[x++] = stop / near;
    rows[x++] = s.words === 0 ? 0 : s.caps / s.words;
    rows[x++] = b.text.length === 0 ? 0 : s.digits / b.text.length;
    rows[x++] = Math.min(5, s.separators);
    rows[x++] = f.words === 0 ? 0 : Math.min(30, f.chars / f.words);
    rows[x++] = Math.min(10, s.sentences);
    rows[x++] = Math.log1p(n);
    rows[x++] = last === 0x3a ? 1 : 0;
    rows[x++] = last === 0x3f ? 1 : 0;
    rows[x++] = f.linkDensity;
    rows[x++] = b.blankBefore ? 1 : 0;
    rows[x++] = Math.min(10, b.lines);
    rows[x++] = BY_OPENING.test(b.text) ? 1 : 0;
    rows[x++] = s.contact ? 1 : 0;
    rows[x++] = BULLET_OPENING.test(b.text) ? 1 : 0;
    // Capped at five words in twenty: a long paragraph naming Twitter twice is no author box.
    rows[x++] = Math.min(5, s.chromeWords) / Math.max(1, Math.min(f.words, 20));
    rows[x++] = this.repeated[i]!;
    const totalChars = this.chars[n]!;
    rows[x++] = totalChars === 0 ? 0 : this.chars[i]! / totalChars;

    const state = this.verdictState;
    if (state === null) {
      rows.fill(0, x, offset + WIDTH);
      return;
    }
    const { verdicts, keptBefore, distance, firstKept, lastKept, keptMedian } = state;
    const v = verdicts[i]!;
    const totalKept = keptBefore[n]!;
    rows[x++] = v.kept ? 1 : 0;
    const colon = v.reason.indexOf(':');
    const family = REASON_SLOT.get(colon < 0 ? v.reason : v.reason.slice(0, colon)) ?? -1;
    rows.fill(0, x, x + MODEL_REASONS.length);
    if (family >= 0) rows[x + family] = 1;
    x += MODEL_REASONS.length;
    rows[x++] = totalKept === 0 ? 0 : keptBefore[i]! / totalKept;
    rows[x++] = totalKept === 0 ? 0 : (totalKept - keptBefore[i + 1]!) / totalKept;
    rows[x++] = distance[i]!;
    rows[x++] = i > 0 && verdicts[i - 1]!.kept ? 1 : 0;
    rows[x++] = i + 1 < n && verdicts[i + 1]!.kept ? 1 : 0;
    rows[x++] = Math.log1p(totalKept);
    rows[x++] = n === 0 ? 0 : state.keptCount / n;
    rows[x++] = i === firstKept ? 1 : 0;
    rows[x++] = i === lastKept ? 1 : 0;
    rows[x++] = firstKept < 0 ? 0 : Math.max(-MAX_DISTANCE, Math.min(MAX_DISTANCE, i - firstKept));
    rows[x++] = lastKept < 0 ? 0 : Math.max(-MAX_DISTANCE, Math.min(MAX_DISTANCE, lastKept - i));
    rows[x++] = keptMedian === 0 ? 0 : Math.min(10, f.words / keptMedian);
  }

  /** Block `i`'s scan, counted once (the prior and the reviser both ask about most prose blocks) and kept in typed arrays. */
  private scanOf(i: number): typeof scanned {
    const at = i * SCAN_FIELDS;
    const store = this.scans;
    if (store[at] === -1) {
      const s = scan(this.blocks[i]!.text);
      store[at] = s.words;
      store[at + 1] = s.caps;
      store[at + 2] = s.digits;
      store[at + 3] = s.separators;
      store[at + 4] = s.sentences;
      store[at + 5] = s.chromeWords;
      store[at + 6] = s.contact ? 1 : 0;
      return s;
    }
    scanned.words = store[at]!;
    scanned.caps = store[at + 1]!;
    scanned.digits = store[at + 2]!;
    scanned.separators = store[at + 3]!;
    scanned.sentences = store[at + 4]!;
    scanned.chromeWords = store[at + 5]!;
    scanned.contact = store[at + 6] === 1;
    return scanned;
  }

  /** Block `i`'s row as a new array (the fit script keeps them). */
  row(i: number): Float64Array {
    const row = new Float64Array(WIDTH);
    this.rowInto(i, row);
    return row;
  }

  /** The trees' log-odds for block `i` under the verdicts now set. */
  private margin(model: TreeEnsemble, i: number): number {
    this.rowInto(i, this.scratch);
    return treeMargin(model, this.scratch, 0);
  }

  /** The prior's log-odds per block, for the prose blocks whose pull it scales (0 elsewhere); null without prior trees. */
  prior(): Float64Array | null {
    const model = activePrior;
    if (model.trees.length === 0) return null;
    this.fillVerdicts(null);
    const margins = new Float64Array(this.n);
    for (let i = 0; i < margins.length; i++) if (this.prose[i] === 1) margins[i] = this.margin(model, i);
    return margins;
  }

  /** The verdicts after the reviser's second opinion; the trees run on kept blocks and on the edges' neighbours only. */
  revise(verdicts: Verdict[]): Verdict[] {
    const model = activeReviser;
    const n = this.n;
    if (model.trees.length === 0) return verdicts;
    this.fillVerdicts(verdicts);
    const out = verdicts.slice();
    let first = -1;
    let last = -1;
    for (let i = 0; i < n; i++) {
      if (!verdicts[i]!.kept) continue;
      if (first < 0) first = i;
      last = i;
      if (this.margin(model, i) < model.dropMargin) out[i] = { label: 'other', kept: false, reason: 'text-model:boilerplate' };
    }
    if (first < 0) return out;
    // Article text the rules left out sits at the region's edges: the trees extend it there, block by block.
    const extend = (i: number): boolean => {
      if (verdicts[i]!.kept || this.blocks[i]!.kind === 'heading' || this.margin(model, i) <= model.keepMargin) return false;
      out[i] = { label: 'body', kept: true, reason: 'text-model:article' };
      return true;
    };
    for (let i = first - 1; i >= 0 && extend(i); i--);
    for (let i = last + 1; i < n && extend(i); i++);
    return out;
  }
}
