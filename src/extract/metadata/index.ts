/**
 * The metadata stage: title, authors, dates, site, language, description, URL, image, section and tags,
 * each from an ordered list of lazy sources (structured data first, page text last), with the
 * source recorded in `provenance`. Pure: reads the segmenter's `RawMeta` and blocks, returns values.
 */
import type { Article, MetadataSource, Provenance } from '../../types.js';
import type { ResolvedOptions } from '../../options.js';
import type { Block, RawMeta } from '../block.js';
import { JOB_TITLE_WORDS, META_KEYS, MICRODATA_KEYS, MODIFIED_MARKERS, MONTHS } from '../../rules/meta-names.js';
import { readJsonLd, type JsonLdFacts } from './json-ld.js';
import { absoluteHttpUrl, cleanValue, firstMeta, linkHref, looksLikeUrl, metaValues } from './meta-tags.js';
import { cleanAuthorName, datedLineCredit, finaliseAuthors, joinedDateCredit, findWireCredit, isAgency, isOrganisationName, mayHaveCreditPrefix, parseCredit, publishedByCredit, type CreditTrust } from './byline.js';
import { announcesModified, dateFromUrl, findDatesInText, hasYearDigits, parseMachineDate, type ParsedDate } from './date.js';
import { chooseTitle, foldsTo, foldTitle, splitSiteName } from './title.js';
import { LANGUAGE_SAMPLE_CHARS, detectLanguage, normaliseLangTag } from './lang.js';
import { NOT_A_HEADLINE, SHORT_LINE_RUN_TOKENS, chooseTextTitle, isCredit, segmenterTitle } from './text-title.js';
import { collapseSpaces, isAsciiSpace, spaceSeparatedWords } from '../chars.js';

export interface MetadataInput {
  meta: RawMeta;
  blocks: readonly Block[];
  /** Indexes of the blocks the selector kept as the article body. */
  bodyIndexes: ReadonlySet<number>;
  format: 'html' | 'text';
  options: ResolvedOptions;
}

/** The Article's metadata fields, as the Article declares them, plus what the pipeline needs to label blocks. */
export interface Metadata
  extends Pick<Article, 'title' | 'authors' | 'published' | 'modified' | 'siteName' | 'lang' | 'description' | 'url' | 'image' | 'section' | 'tags' | 'provenance'> {
  /** Blocks consumed as a byline or dateline, for the pipeline to label. */
  bylineBlocks: number[];
  /** The block that holds the headline, when one does. */
  titleBlock: number | null;
}

interface Found<T> {
  value: T;
  source: MetadataSource;
}
type LazySource<T> = () => Found<T> | null;

/** The first source that yields a value; later sources are never evaluated. */
function firstValid<T>(sources: readonly LazySource<T>[]): Found<T> | null {
  for (const source of sources) {
    const found = source();
    if (found !== null) return found;
  }
  return null;
}

const found = <T>(value: T | null | undefined, source: MetadataSource): Found<T> | null =>
  value === null || value === undefined ? null : { value, source };

/** Bylines and datelines sit just above the body: this many blocks before its first block are searched. */
const HEAD_LOOKBEHIND_BLOCKS = 20;
/** …and this many blocks into it (a byline under the lead paragraph or the first image). */
const HEAD_LOOKAHEAD_BLOCKS = 4;
/** Wire credits ("Reporting by …") close the story: the last blocks of the body are searched. */
const TAIL_BLOCKS = 3;
/** Blog templates print "Posted by …" just under the post: marked credits this many blocks after the body count. */
const FOOT_BLOCKS = 6;
/** Blocks under the headline searched for its byline and date, wherever the body starts. */
const UNDER_HEADLINE_BLOCKS = 4;
/** Dates below the body rank after every date above it. */
const FOOT_RANK_OFFSET = 1_000_000;
/** Date lines inside the body, past its first blocks, rank after those around its start and before those below it. */
const INNER_RANK_OFFSET = 500_000;
/** A lead paragraph may open with its date ("27.1.2022 – The council…", "Berlin, 25 January 2022 –"): this many characters are read. */
const LEAD_DATE_CHARS = 48;
/** A standfirst may come before the lead paragraph: blocks are read up to the second full paragraph. */
const LEAD_PARAGRAPHS = 2;
/** A heading that is only a date ("Dienstag, 28. April 2020") is a dateline: blog templates print one per post. */
const MAX_DATE_HEADING_WORDS = 6;
/** Without a body (nothing selected yet), the first blocks of the page stand in for the head. */
const NO_BODY_HEAD_BLOCKS = 40;
/** A byline block is short; longer text that opens with "By" is prose ("By the time…"). */
const MAX_BYLINE_WORDS = 30;
/** A dateline block is short and mostly the date. */
const MAX_DATELINE_WORDS = 14;
/** Tags from a `keywords` meta are used only when the list looks like tags, not an SEO word dump. */
const MAX_KEYWORD_TAGS = 15;
const MAX_TAG_CHARS = 40;
/** English regions that write the day first ("05/03/2024" is 5 March). */
const DAY_FIRST_ENGLISH_REGIONS = new Set(['GB', 'AU', 'NZ', 'IE', 'IN', 'ZA']);
/** Hints of blocks that never hold the article's own byline or date. */
const EXCLUDED_HINTS = new Set(['comments', 'related', 'navigation', 'promo', 'ad', 'newsletter']);

/** Loops, not Math.min(...set): spreading a page's worth of indexes overflows the call stack. */
function minOf(values: Iterable<number>, empty = Infinity): number {
  let m = empty;
  for (const v of values) if (v < m) m = v;
  return m;
}

function maxOf(values: Iterable<number>, empty = -Infinity): number {
  let m = empty;
  for (const v of values) if (v > m) m = v;
  return m;
}

/**
 * Words as `split(/\s+/)` counts them, without the array, up to one more than the largest bound they are
 * compared with (so a long body block is not read to its end): body blocks are counted here too.
 */
const wordsIn = (text: string): number => spaceSeparatedWords(text, WORDS_IN_CAP);

/** Whether a text has more than `max` words, counted no further: every body block is asked against a small bound. */
const hasMoreWordsThan = (text: string, max: number): boolean => spaceSeparatedWords(text, max + 1) > max;

/** {@link wordsIn} of a page's block. */
type BlockWords = (block: Block) => number;

/** {@link wordsIn} of each block counted once per page: the head's blocks are asked about a dozen times over. */
function blockWords(blocks: readonly Block[]): BlockWords {
  // Counts stop at WORDS_IN_CAP, so a byte holds each (-1: not counted yet).
  const counts = new Int8Array(blocks.length).fill(-1);
  return (block) => {
    const i = block.index;
    if (blocks[i] !== block) return wordsIn(block.text);
    let words = counts[i]!;
    if (words < 0) counts[i] = words = wordsIn(block.text);
    return words;
  };
}

/** Indexes of the blocks where the article's byline and dates are expected, head first. */
interface Regions {
  /** Blocks around the start of the body, where bylines and datelines sit. */
  head: number[];
  /** The last blocks of the body (wire credits). */
  tail: number[];
  /** The last body block and the few after it (a blog's "Posted on … by …" line). */
  foot: number[];
  /** The body's blocks between head and foot: only marked or date-only lines there give a date. */
  inner: number[];
  firstBody: number;
}

/** Indexes of the blocks where the article's byline and dates are expected. */
function regions(blocks: readonly Block[], body: ReadonlySet<number>): Regions {
  const usable = (i: number): boolean => {
    const b = blocks[i];
    return b !== undefined && !(b.hint !== null && EXCLUDED_HINTS.has(b.hint));
  };
  if (body.size === 0) {
    const head = blocks.slice(0, NO_BODY_HEAD_BLOCKS).map((b) => b.index).filter(usable);
    return { head, tail: [], foot: [], inner: [], firstBody: 0 };
  }
  const sorted = [...body].sort((a, b) => a - b);
  const first = sorted[0] ?? 0;
  const last = sorted[sorted.length - 1] ?? first;
  const range = (from: number, to: number): number[] => {
    const out: number[] = [];
    for (let i = Math.max(0, from); i <= to && i < blocks.length; i++) if (usable(i)) out.push(i);
    return out;
  };
  return {
    head: range(first - HEAD_LOOKBEHIND_BLOCKS, first + HEAD_LOOKAHEAD_BLOCKS),
    tail: sorted.slice(-TAIL_BLOCKS).filter(usable),
    foot: range(Math.max(last, first + HEAD_LOOKAHEAD_BLOCKS + 1), last + FOOT_BLOCKS),
    inner: range(first + HEAD_LOOKAHEAD_BLOCKS + 1, last - 1),
    firstBody: first,
  };
}

/** Closeness to the body's start: just above it first, then just inside it, then further inside, then below the body. */
function dateRank(index: number, r: Regions): number {
  if (index < r.firstBody) return r.firstBody - index;
  if (index <= r.firstBody + HEAD_LOOKAHEAD_BLOCKS) return index - r.firstBody + 0.5;
  if (r.foot.length === 0 || index < (r.foot[0] ?? 0)) return INNER_RANK_OFFSET + index;
  return FOOT_RANK_OFFSET + index;
}

function monthFirstFor(lang: string | null): boolean {
  if (lang === null) return false;
  const [primary, region] = lang.split('-');
  return primary === 'en' && !(region !== undefined && DAY_FIRST_ENGLISH_REGIONS.has(region));
}

/** A parsed author source; `people` is false when it credits only agencies or organisations. */
interface AuthorCandidate {
  names: string[];
  source: MetadataSource;
  people: boolean;
}

/** Letters and digits only, lowercased: "STERN.de", "Eat Smarter" and "eatsmarter" compare equal to a host label. */
const compact = (text: string): string => foldTitle(text).replace(/[^\p{L}\p{N}]+/gu, '');

/** Names the outlet goes by: its declared name and its host name's labels ("stern" of www.stern.de). */
function outletKeys(siteName: string | null, pageUrl: string | null): Set<string> {
  const keys = new Set<string>();
  if (siteName !== null && compact(siteName).length > 0) keys.add(compact(siteName));
  if (pageUrl !== null) {
    try {
      const labels = new URL(pageUrl).hostname.split('.').filter((l) => l !== 'www');
      for (let i = 0; i < labels.length; i++) keys.add(compact(labels.slice(i).join('.')));
      if (labels.length >= 2) keys.add(compact(labels[labels.length - 2] ?? ''));
    } catch {
      // an unparsable URL names no outlet
    }
  }
  keys.delete('');
  return keys;
}

function authorCandidate(names: string[], source: MetadataSource, outlets: ReadonlySet<string>, siteName: string | null, orgOnly = false): AuthorCandidate | null {
  const all = finaliseAuthors(names, siteName);
  // The outlet credited beside a person ("Jane Doe | The Daily Ledger") is no author.
  const final = all.some((n) => !outlets.has(compact(n)) && !isAgency(n)) ? all.filter((n) => !outlets.has(compact(n))) : all;
  if (final.length === 0) return null;
  // The outlet's own name ("STERN.de", "Eat Smarter") credits nobody: it waits, like an agency, for a person.
  const people = !orgOnly && final.some((n) => !isAgency(n) && !outlets.has(compact(n)));
  return { names: final, source, people };
}

/** All values of the first key that has any: `author` and `dc.creator` often repeat one another in other spellings. */
function firstMetaGroup(meta: RawMeta, keys: readonly string[]): string[] {
  for (const key of keys) {
    const values = metaValues(meta, [key]).filter((v) => !looksLikeUrl(v));
    if (values.length > 0) return values;
  }
  return [];
}

/** Parses credits once per text and trust within one page: the same byline is read for authors and for labels. */
type CreditReader = ((text: string, trust: CreditTrust) => ReturnType<typeof parseCredit>) & {
  /** {@link mayHaveCreditPrefix}, once per text: the byline scan and the author choice both ask. */
  mayHavePrefix: (text: string) => boolean;
};

function creditReader(): CreditReader {
  // One map per trust, keyed by the text itself: no key string is built per lookup.
  const caches = new Map<CreditTrust, Map<string, ReturnType<typeof parseCredit>>>();
  const prefixes = new Map<string, boolean>();
  const read = (text: string, trust: CreditTrust): ReturnType<typeof parseCredit> => {
    let cache = caches.get(trust);
    if (cache === undefined) caches.set(trust, (cache = new Map()));
    let parsed = cache.get(text);
    if (parsed === undefined) {
      parsed = parseCredit(text, trust);
      cache.set(text, parsed);
    }
    return parsed;
  };
  const mayHavePrefix = (text: string): boolean => {
    let possible = prefixes.get(text);
    if (possible === undefined) {
      possible = mayHaveCreditPrefix(text);
      prefixes.set(text, possible);
    }
    return possible;
  };
  return Object.assign(read, { mayHavePrefix });
}

function creditNames(read: CreditReader, texts: readonly string[], trust: CreditTrust, requirePrefix: boolean): string[] {
  const names: string[] = [];
  for (const text of texts) {
    if (requirePrefix && !read.mayHavePrefix(text)) continue;
    const parsed = read(text, trust);
    if (requirePrefix && !parsed.hadPrefix) continue;
    names.push(...parsed.names);
  }
  return names;
}

interface Credit {
  /** Texts read together: several marked elements in the head are co-authors ("A", "B", "C"). */
  texts: string[];
  blocks: number[];
  trust: CreditTrust;
  requirePrefix: boolean;
  source: MetadataSource;
}

interface BylineScan {
  /** Credits in order of trust: marked elements in the head, byline text in the head, marked elements further down. */
  credits: Credit[];
  bylineBlocks: Set<number>;
}

/** Credit labels that may stand alone above the name, lowercased without a colon. */
const STANDALONE_CREDIT_LABELS = new Set(['author', 'authors', 'autor', 'autorin', 'autoren', 'auteur', 'auteurs', 'autora', 'autores', 'written by', 'von', 'by', 'par', 'por']);
/** The line after such a label is a name or two: longer lines are prose. */
const MAX_LABELLED_CREDIT_WORDS = 8;

/** "Autor:" followed by "Jane Doe/SP-X": the two lines read as one credit, or null. */
function labelledCredit(block: Block, next: Block | undefined, words: BlockWords): string | null {
  if (next === undefined || next.kind === 'heading' || next.kind === 'caption' || words(block) > 2) return null;
  const label = block.text.trim().replace(/:$/, '').trim().toLowerCase();
  if (!STANDALONE_CREDIT_LABELS.has(label) || words(next) > MAX_LABELLED_CREDIT_WORDS) return null;
  return `${label}: ${next.text}`;
}

/** Labels that open a credit even at the start of a long meta line; one-word openings ("By", "Von") start prose too. */
const LONG_LINE_CREDIT = /^(?:posted|written|published|geschrieben|verfasst|veröffentlicht|écrit|publié|escrito|publicado|scritto|pubblicato) (?:by|von|par|por|da)\s/i;
/** How much of such a line is read: the label, the name and what follows it. */
const LONG_LINE_CREDIT_CHARS = 120;

/** Co-author elements sit side by side; credits further apart are teasers' bylines. */
const CO_AUTHOR_SPAN_BLOCKS = 2;

/** The marked credits nearest the body's start, with those right beside them. */
function nearestCluster(credits: RawMeta['bylines'], body: ReadonlySet<number>): RawMeta['bylines'] {
  if (credits.length <= 1 || body.size === 0) return credits;
  const first = minOf(body);
  const distance = (i: number): number => (i <= first ? first - i : i - first + 0.5);
  const anchor = [...credits].sort((a, b) => distance(a.blockIndex) - distance(b.blockIndex))[0]!;
  return credits.filter((c) => Math.abs(c.blockIndex - anchor.blockIndex) <= CO_AUTHOR_SPAN_BLOCKS);
}

/** Why: a credit line's own parts ("Fleur Leyden", "From The Times") are short; a headline this short has a small word. */
const NAME_LIKE_MAX_WORDS = 4;
/** Why: a bare name runs to two words or more (one word may be anything) and at most {@link NAME_LIKE_MAX_WORDS}. */
const BARE_NAME_MIN_WORDS = 2;
/**
 * "Jane Doe", "Nuño Domínguez", "Jean-Luc Picard", "Conan O'Brien", "Paul McCartney": each word capitalised, none a digit
 * or a mark of a sentence; no article or "Our" in front ("The Red Cottage", "Our Foreign Staff" are a blog and a desk).
 */
const BARE_NAME = /^(?!(?:The|Die|Der|Das|Le|La|Les|El|Los|Il|Our|Unsere?) )\p{Lu}\p{Ll}*(?:(?:['’-]\p{Lu}?|\p{Lu})\p{Ll}+)*(?: \p{Lu}\p{Ll}*(?:(?:['’-]\p{Lu}?|\p{Lu})\p{Ll}+)*| \p{Lu}\.)*$/u;
/**
 * Why: between a headline and its date line sit the kicker, a caption or a share bar, and the byline: a few blocks.
 * Further down, a capitalised line over a date is a sidebar's ("Search Site" over a list of posts).
 */
const BARE_NAME_MAX_BELOW_TITLE = 6;

/**
 * A line that is only a person's name, unlabelled: cleaning leaves it whole ("Our Foreign Staff" is a desk), and it is
 * no agency and holds no outlet's word ("Local News", "Reuters").
 */
function isBareName(block: Block): boolean {
  if (block.hint !== null && block.hint !== 'byline') return false;
  const text = block.text.trim();
  const words = spaceSeparatedWords(text, NAME_LIKE_MAX_WORDS + 1);
  if (words < BARE_NAME_MIN_WORDS || words > NAME_LIKE_MAX_WORDS || !BARE_NAME.test(text) || cleanAuthorName(text, 'text') !== text) return false;
  return !isOrganisationName(text);
}

/**
 * Bare names a few blocks under the headline, each right over a date line: the byline as magazines print it. Text
 * pages only: an HTML page's byline has its element, and its date line's hint comes from a class name.
 */
function bareNamesUnder(blocks: readonly Block[], titleBlock: number | null, format: MetadataInput['format']): number[] {
  if (titleBlock === null || format !== 'text') return [];
  const found: number[] = [];
  for (let i = titleBlock + 1; i <= titleBlock + BARE_NAME_MAX_BELOW_TITLE && i + 1 < blocks.length; i++) {
    if (blocks[i + 1]!.hint === 'dateline' && isBareName(blocks[i]!)) found.push(i);
  }
  return found;
}

function scanBylines(
  input: MetadataInput,
  head: readonly number[],
  read: CreditReader,
  words: BlockWords,
  underHeadline: readonly number[] = [],
  bareNames: readonly number[] = [],
): BylineScan {
  const { meta, blocks } = input;
  const headSet = new Set(head);
  const noBody = input.bodyIndexes.size === 0;
  const lastBody = maxOf(input.bodyIndexes, -1);
  // Marked byline elements: microdata first (most explicit), then rel=author, then class names.
  const order: Record<RawMeta['bylines'][number]['source'], number> = { itemprop: 0, rel: 1, class: 2 };
  const marked = [...meta.bylines]
    .filter((b) => {
      // Never a comment's or a teaser's credit; nothing far below the article.
      const at = blocks[b.blockIndex];
      if (at !== undefined && at.hint !== null && EXCLUDED_HINTS.has(at.hint)) return false;
      return noBody || b.blockIndex < 0 || b.blockIndex <= lastBody + FOOT_BLOCKS;
    })
    .sort((a, b) => order[a.source] - order[b.source]);
  const sourceOf = (b: RawMeta['bylines'][number]): MetadataSource => (b.source === 'itemprop' ? 'microdata' : 'byline');
  const inHead = (b: RawMeta['bylines'][number]): boolean => noBody || b.blockIndex < 0 || headSet.has(b.blockIndex);

  const credits: Credit[] = [];
  for (const kind of ['itemprop', 'rel', 'class'] as const) {
    const group = nearestCluster(marked.filter((b) => b.source === kind && inHead(b)), input.bodyIndexes);
    if (group.length > 0) {
      credits.push({ texts: group.map((b) => b.text), blocks: group.map((b) => b.blockIndex), trust: 'element', requirePrefix: false, source: sourceOf(group[0]!) });
    }
  }
  // Marked elements under the headline but outside the head: one at a time, page order (nested byline
  // elements close inner first: the name before the name-and-title around it).
  const underSet = new Set(underHeadline);
  for (const b of marked.filter((m) => !inHead(m) && underSet.has(m.blockIndex)).sort((x, y) => x.blockIndex - y.blockIndex)) {
    credits.push({ texts: [b.text], blocks: [b.blockIndex], trust: 'element', requirePrefix: false, source: sourceOf(b) });
  }
  for (const i of [...head, ...underHeadline]) {
    const block = blocks[i];
    // A label on its own ("Autor:", an <h4>Author</h4>) credits the short line after it.
    const labelled = block === undefined ? null : labelledCredit(block, blocks[i + 1], words);
    if (labelled !== null) credits.push({ texts: [labelled], blocks: [i + 1], trust: 'text', requirePrefix: true, source: 'text' });
    // Captions credit photographers, not authors.
    if (block === undefined || block.kind === 'heading' || block.kind === 'caption' || block.kind === 'figure' || block.hint === 'caption') continue;
    if (words(block) > MAX_BYLINE_WORDS) {
      // "Posted by Jane Doe @ 5:56 am Categories: … Tags: …": a long meta line that opens with a label of two
      // words or more is a credit; its start is read (not the block: it stays in the page).
      const opening = LONG_LINE_CREDIT.exec(block.text);
      if (opening !== null) credits.push({ texts: [block.text.slice(0, LONG_LINE_CREDIT_CHARS)], blocks: [], trust: 'text', requirePrefix: true, source: 'text' });
      continue;
    }
    const hinted = block.hint === 'byline';
    credits.push({ texts: [block.text], blocks: [i], trust: hinted ? 'element' : 'text', requirePrefix: !hinted, source: hinted ? 'byline' : 'text' });
  }
  // Below the head (a blog's "Posted by" line under the post): one element at a time, page order.
  for (const b of marked.filter((m) => !inHead(m) && !underSet.has(m.blockIndex)).sort((x, y) => x.blockIndex - y.blockIndex)) {
    credits.push({ texts: [b.text], blocks: [], trust: 'element', requirePrefix: false, source: sourceOf(b) });
  }
  // Last: a date line that names someone without a label ("11.12.2019 – Jane Doe"), nearest the body's start first.
  const start = noBody ? 0 : minOf(input.bodyIndexes);
  for (const i of [...head].sort((a, b) => Math.abs(a - start) - Math.abs(b - start))) {
    const block = blocks[i];
    if (block === undefined || block.kind === 'caption' || block.kind === 'figure' || block.hint === 'caption') continue;
    // A theme may set "22. Dezember 2019 von Jane Doe" apart like a heading: a heading is read for a date, a joiner word
    // and a name, nothing looser ("3 March 2024 – Mayor Opens Library" is a headline).
    if (block.kind === 'heading') {
      const joined = joinedDateCredit(block.text);
      if (joined.length > 0) credits.push({ texts: joined, blocks: [], trust: 'text', requirePrefix: false, source: 'text' });
      continue;
    }
    const names = datedLineCredit(block.text);
    if (names.length > 0) credits.push({ texts: [names.join(', ')], blocks: [], trust: 'text', requirePrefix: false, source: 'text' });
    // "Veröffentlicht am 13. März 2019 von jdoe": the theme's phrase marks the name as plainly as a byline element would.
    const published = publishedByCredit(block.text);
    if (published !== null) credits.push({ texts: [published], blocks: [], trust: 'element', requirePrefix: false, source: 'text' });
  }
  // Weakest: a bare name under the headline, right over the date line ("Jane Doe" / "19 février 2020").
  for (const i of bareNames) credits.push({ texts: [blocks[i]!.text], blocks: [], trust: 'text', requirePrefix: false, source: 'text' });

  const bylineBlocks = new Set<number>();
  for (const i of underHeadline) headSet.add(i);
  for (const c of credits) {
    c.texts.forEach((text, k) => {
      const index = c.blocks[k];
      const block = index === undefined ? undefined : blocks[index];
      if (block === undefined || index === undefined || !headSet.has(index) || words(block) > MAX_BYLINE_WORDS) return;
      // Where only a prefixed credit counts, a line that cannot hold a credit opening is not parsed for names.
      if (c.requirePrefix && !read.mayHavePrefix(text)) return;
      const parsed = read(text, c.trust);
      if (parsed.names.length > 0 && (!c.requirePrefix || parsed.hadPrefix)) bylineBlocks.add(index);
    });
  }
  return { credits, bylineBlocks };
}

function chooseAuthors(input: MetadataInput, ld: JsonLdFacts, scan: BylineScan, tail: readonly number[], siteName: string | null, pageUrl: string | null, read: CreditReader): AuthorCandidate | null {
  const { meta, blocks } = input;
  const outlets = outletKeys(siteName, pageUrl);
  const candidates: (() => AuthorCandidate | null)[] = [
    () => authorCandidate(ld.authors.filter((a) => a.kind === 'person').flatMap((a) => parseCredit(a.name, 'declared').names), 'json-ld', outlets, siteName),
    () => authorCandidate(creditNames(read, firstMetaGroup(meta, META_KEYS.authors).filter((v) => !looksLikeUrl(v)), 'declared', false), 'meta', outlets, siteName),
    ...scan.credits.map((c) => () => authorCandidate(creditNames(read, c.texts, c.trust, c.requirePrefix), c.source, outlets, siteName)),
    () => {
      const wire = tail.map((i) => findWireCredit(blocks[i]?.text ?? '')).filter((t): t is string => t !== null);
      return authorCandidate(creditNames(read, wire, 'text', false), 'text', outlets, siteName);
    },
    () => authorCandidate(ld.authors.filter((a) => a.kind === 'organization').map((a) => a.name), 'json-ld', outlets, siteName, true),
    () => {
      // A Twitter handle is not a name; a few sites put the name there.
      const creator = metaValues(meta, ['twitter:creator']).filter((v) => !v.startsWith('@'));
      return authorCandidate(creditNames(read, creator, 'element', false), 'meta', outlets, siteName);
    },
  ];
  // A source crediting a person wins; a source crediting only an agency or organisation waits for a better one.
  let fallback: AuthorCandidate | null = null;
  for (const source of candidates) {
    const c = source();
    if (c === null) continue;
    if (c.people) return c;
    fallback ??= c;
  }
  return fallback;
}

interface DateFinding {
  published: Found<ParsedDate> | null;
  modified: Found<ParsedDate> | null;
  datelineBlocks: number[];
}

function machineDate(values: readonly string[], now: Date): ParsedDate | null {
  for (const v of values) {
    const d = parseMachineDate(v, now);
    if (d !== null) return d;
  }
  return null;
}

/** A date line carries few words besides the date: a label, a name, a place ("Gespeichert von rasos am 24. Juli 2017"). */
const MAX_DATELINE_OTHER_WORDS = 6;
/** A full sentence with a date in it ("It happened on 5 March 2024.") is body text unless it is nearly all date. */
const MAX_SENTENCE_DATELINE_OTHER_WORDS = 2;
/**
 * Why: Chinese and Japanese write no spaces, so a sentence reaches the word split as one "word", and with a year in it
 * read as all date. A run this long is read letter by letter instead; a date line's runs are short ("发稿时间：2017-03-10",
 * 12 letters and digits) or mostly date ("TNW中文站2016年10月14日07:17": three other letters in 21).
 */
const MAX_UNSPACED_RUN_CHARS = 20;
/**
 * Han and kana letters other than a date's own marks: year, month, day, hour (both spellings), minute, second, and the
 * Japanese weekdays' one-letter names (月 and 日 among them).
 */
const UNSPACED_NON_DATE_LETTER = /(?![年月日時时分秒火水木金土])[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
/** Why: a Chinese or Japanese word runs to two or three characters: three a word is the lenient count, fewer words. */
const UNSPACED_CHARS_PER_WORD = 3;
/**
 * Why: a long run without a digit beside a date is a name ("来源：中华人民共和国外交部驻香港特别行政区特派员公署", the
 * source): at most two words, as a name of a spaced language counts about; a sentence still counts enough to end with
 * its full stop (see {@link SENTENCE_END}).
 */
const MAX_UNSPACED_NAME_WORDS = 2;
/** A line ending as a sentence does, in Latin or in Chinese and Japanese punctuation. */
const SENTENCE_END = /[.!?。！？]\s*$/;

/**
 * The words a run of letters and digits without spaces stands for, when it is long and holds Han or kana letters
 * other than a date's marks; 0 for any other run (which counts as one word, or as part of a date).
 */
function unspacedRunWords(run: string): number {
  if (run.length <= MAX_UNSPACED_RUN_CHARS) return 0;
  const letters = run.match(UNSPACED_NON_DATE_LETTER)?.length ?? 0;
  const words = Math.ceil(letters / UNSPACED_CHARS_PER_WORD);
  return /\d/.test(run) ? words : Math.min(words, MAX_UNSPACED_NAME_WORDS);
}

function isMostlyDate(text: string): boolean {
  const ascii = asciiMostlyDate(text);
  if (ascii !== null) return ascii;
  const limit = SENTENCE_END.test(text) ? MAX_SENTENCE_DATELINE_OTHER_WORDS : MAX_DATELINE_OTHER_WORDS;
  // Counted word by word, stopping once past the limit: most lines asked are not date lines.
  let others = 0;
  for (const raw of text.split(/\s+/)) {
    const w = raw.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
    const unspaced = unspacedRunWords(w);
    if (unspaced > 0) others += unspaced;
    else if (w.length === 0 || /\d/.test(w) || MONTHS.has(w) || MODIFIED_MARKERS.has(w)) continue;
    else others++;
    if (others > limit) return false;
  }
  return true;
}

/** The longest month name or modified marker: a longer word is one of the other words without being copied. */
const MAX_DATE_WORD_CHARS = maxOf([...MONTHS.keys(), ...MODIFIED_MARKERS].map((w) => w.length), 0);

/**
 * {@link isMostlyDate} of an all-ASCII text in one scan, without a regex or a copy per word (there,
 * `\s` is ASCII whitespace and the letters and digits are `[A-Za-z0-9]`); null for other text.
 */
function asciiMostlyDate(text: string): boolean | null {
  let end = text.length;
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) >= 0x80) return null;
  while (end > 0 && isAsciiSpace(text.charCodeAt(end - 1))) end--;
  const last = end > 0 ? text.charCodeAt(end - 1) : -1;
  const limit = last === 0x2e || last === 0x21 || last === 0x3f ? MAX_SENTENCE_DATELINE_OTHER_WORDS : MAX_DATELINE_OTHER_WORDS;
  let others = 0;
  for (let i = 0; i < text.length; ) {
    while (i < text.length && isAsciiSpace(text.charCodeAt(i))) i++;
    const start = i;
    let letters = 0;
    let digit = false;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (isAsciiSpace(c)) break;
      if (c >= 0x30 && c <= 0x39) digit = true;
      else if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) letters++;
    }
    if (digit || letters === 0) continue;
    if (letters <= MAX_DATE_WORD_CHARS) {
      let w = '';
      for (let k = start; k < i; k++) {
        const c = text.charCodeAt(k) | 0x20;
        if (c >= 0x61 && c <= 0x7a) w += String.fromCharCode(c);
      }
      if (MONTHS.has(w) || MODIFIED_MARKERS.has(w)) continue;
    }
    if (++others > limit) return false;
  }
  return true;
}

function findDates(input: MetadataInput, ld: JsonLdFacts, region: Regions, lang: string | null, pageUrl: string | null, bylineBlocks: ReadonlySet<number>, words: BlockWords): DateFinding {
  const { meta, blocks, options } = input;
  const now = options.now;
  const monthFirst = monthFirstFor(lang);
  // Inside the body only lines marked as a dateline or byline, or short lines that are nearly all date, count:
  // other dates there are the story's own.
  // A line there without a year's digits gives no date, so it counts only for a <time> element it holds.
  const timeBlocks = new Set<number>();
  for (const t of meta.times) timeBlocks.add(t.blockIndex);
  const innerLines = region.inner.filter((i) => {
    const b = blocks[i];
    if (b === undefined || b.kind === 'heading' || hasMoreWordsThan(b.text, MAX_DATELINE_WORDS)) return false;
    if (!timeBlocks.has(i) && !hasYearDigits(b.text)) return false;
    return b.hint === 'dateline' || b.hint === 'byline' || isMostlyDate(b.text);
  });
  const innerSet = new Set(innerLines);
  const searched = [...region.head, ...innerLines, ...region.foot];
  const searchedSet = new Set(searched);
  // A byline line under the headline, outside the head, carries the date too.
  for (const i of bylineBlocks) {
    if (!searchedSet.has(i)) {
      searched.push(i);
      searchedSet.add(i);
    }
  }
  const noBody = input.bodyIndexes.size === 0;

  // Dates printed on the page around the body: <time> elements and short date lines, nearest the body's start first.
  const printed: { date: ParsedDate; modified: boolean; block: number; source: MetadataSource; rank: number }[] = [];
  for (const t of meta.times) {
    if (!noBody && !searchedSet.has(t.blockIndex)) continue;
    const fromAttr = t.datetime === null ? null : parseMachineDate(t.datetime, now);
    const date = fromAttr ?? findDatesInText(t.text, { now, monthFirst }, 1)[0] ?? null;
    if (date === null) continue;
    const context = blocks[t.blockIndex]?.text ?? t.text;
    const at = context.indexOf(t.text);
    const modified = announcesModified(at > 0 ? context.slice(0, at) : t.text);
    // A machine-readable <time> beats a date line in the same place.
    printed.push({ date, modified, block: t.blockIndex, source: 'text', rank: dateRank(t.blockIndex, region) - 0.25 });
  }
  const datelineBlocks: number[] = [];
  for (const i of searched) {
    const block = blocks[i];
    // Without a year's digits no date is found: the heading's word count and date share are not asked.
    if (block === undefined || words(block) > MAX_BYLINE_WORDS || !hasYearDigits(block.text)) continue;
    // A longer heading is a date line only when it is nearly all date ("Posted on Sat, Jan. 12, 2008 09:15 PM").
    if (block.kind === 'heading' && words(block) > MAX_DATE_HEADING_WORDS && !isMostlyDate(block.text)) continue;
    const dates = findDatesInText(block.text, { now, monthFirst }, 2);
    if (dates.length === 0) continue;
    // A line read as a byline ("By Jane Doe on October 31, 2012 at 5:00 PM") is as good as one marked so.
    const marked = block.hint === 'dateline' || block.hint === 'byline' || bylineBlocks.has(i);
    if (!marked && words(block) > MAX_DATELINE_WORDS) continue;
    // A short line may give the date; only a line that is nearly all date is taken out of the body for it
    // (inside the body, it stays: it may be the story's own).
    if ((marked || isMostlyDate(block.text)) && !innerSet.has(i)) datelineBlocks.push(i);
    for (const d of dates) {
      const source: MetadataSource = block.hint === 'byline' ? 'byline' : 'text';
      printed.push({ date: d, modified: announcesModified(block.text.slice(0, d.at)), block: i, source, rank: dateRank(i, region) });
    }
  }
  // The lead paragraph's opening date, where no date line was found around it.
  let leads = 0;
  for (const i of region.head) {
    if (leads >= LEAD_PARAGRAPHS) break;
    const block = blocks[i];
    if (block === undefined || i < region.firstBody || block.kind === 'heading' || words(block) <= MAX_DATELINE_WORDS) continue;
    const date = findDatesInText(block.text.slice(0, LEAD_DATE_CHARS), { now, monthFirst }, 1)[0];
    if (date !== undefined && !announcesModified(block.text.slice(0, date.at))) {
      printed.push({ date, modified: false, block: i, source: 'text', rank: INNER_RANK_OFFSET / 2 + i });
    }
    if (words(block) > MAX_BYLINE_WORDS) leads++;
  }
  printed.sort((a, b) => a.rank - b.rank);

  const firstPrinted = (before: number): Found<ParsedDate> | null => {
    const p = printed.find((x) => !x.modified && x.rank < before);
    return p === undefined ? null : { value: p.date, source: p.source };
  };
  const published = firstValid<ParsedDate>([
    () => found(machineDate(ld.datePublished === null ? [] : [ld.datePublished], now), 'json-ld'),
    () => found(machineDate(metaValues(meta, META_KEYS.published), now), 'meta'),
    () => found(machineDate(metaValues(meta, MICRODATA_KEYS.published), now), 'microdata'),
    // A date printed around the article or in it beats a generic `date` meta; one below the article does not.
    () => firstPrinted(FOOT_RANK_OFFSET),
    () => found(machineDate(metaValues(meta, META_KEYS.publishedGeneric), now), 'meta'),
    () => firstPrinted(Infinity),
    () => (pageUrl === null ? null : found(dateFromUrl(pageUrl, now), 'url')),
    // Pages that print only "Last updated …" above the story (no other date anywhere) were mostly written that day.
    () => {
      const p = printed.find((x) => x.modified && x.rank < FOOT_RANK_OFFSET);
      return p === undefined ? null : { value: p.date, source: p.source };
    },
  ]);
  const modified = firstValid<ParsedDate>([
    () => found(machineDate(ld.dateModified === null ? [] : [ld.dateModified], now), 'json-ld'),
    () => found(machineDate(metaValues(meta, META_KEYS.modified), now), 'meta'),
    () => found(machineDate(metaValues(meta, MICRODATA_KEYS.modified), now), 'microdata'),
    () => {
      const p = printed.find((x) => x.modified);
      return p === undefined ? null : { value: p.date, source: p.source };
    },
  ]);
  return { published, modified, datelineBlocks };
}

/** Modified before published is a template error: the modified date is dropped. */
function consistentModified(published: ParsedDate | null, modified: ParsedDate | null): ParsedDate | null {
  if (modified === null || published === null) return modified;
  if (modified.instant < published.instant) {
    // Same day with one side date-only: not a contradiction.
    return modified.iso.slice(0, 10) === published.iso.slice(0, 10) && (!modified.hasTime || !published.hasTime) ? modified : null;
  }
  return modified;
}

function splitTags(values: readonly string[], maxTags: number): string[] {
  const tags = values.flatMap((v) => v.split(/[,;]/)).map((t) => t.replace(/\s+/g, ' ').trim()).filter((t) => t.length > 0);
  if (tags.length > maxTags || tags.some((t) => t.length > MAX_TAG_CHARS)) return [];
  return tags;
}

function uniqueTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  return tags.filter((t) => {
    const key = t.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A headline is short: longer blocks near the title are the standfirst or the lead. */
const MAX_VISIBLE_HEADLINE_WORDS = 30;
/** One more than every bound a word count is compared with in this module. */
const WORDS_IN_CAP = Math.max(MAX_LABELLED_CREDIT_WORDS, MAX_BYLINE_WORDS, MAX_DATELINE_WORDS, MAX_DATE_HEADING_WORDS, MAX_VISIBLE_HEADLINE_WORDS) + 1;
if (WORDS_IN_CAP > 127) throw new Error('metadata: word counts are cached in bytes; raise the cache to Int16Array');

/**
 * Blocks near the body's start that may print the headline, closest to the body first: `visible` has the headings
 * first, then short lines; `headings` are the headings alone that may open the article (none inside the body).
 */
function visibleHeadlines(blocks: readonly Block[], r: Regions, words: BlockWords): { visible: string[]; headings: string[] } {
  const near = [...r.head].sort((a, b) => Math.abs(a - r.firstBody) - Math.abs(b - r.firstBody));
  const headingLines: string[] = [];
  const otherLines: string[] = [];
  const openingHeadings: string[] = [];
  for (const i of near) {
    const b = blocks[i];
    if (b === undefined || b.kind === 'caption' || b.kind === 'figure' || words(b) > MAX_VISIBLE_HEADLINE_WORDS) continue;
    if (b.kind !== 'heading') otherLines.push(b.text);
    else {
      headingLines.push(b.text);
      if (i <= r.firstBody) openingHeadings.push(b.text);
    }
  }
  return { visible: [...headingLines, ...otherLines], headings: openingHeadings };
}

/** A page without any title or h1 ("<h2 class=headline>"): the heading nearest above the body, of a headline's length. */
function nearestHeadingAbove(blocks: readonly Block[], r: Regions, words: BlockWords): Block | null {
  for (let i = r.firstBody; i >= 0 && i >= r.firstBody - HEAD_LOOKBEHIND_BLOCKS; i--) {
    const b = blocks[i];
    if (b === undefined || b.kind !== 'heading' || (b.hint !== null && EXCLUDED_HINTS.has(b.hint))) continue;
    const count = words(b);
    if (count >= MIN_FALLBACK_HEADLINE_WORDS && count <= MAX_VISIBLE_HEADLINE_WORDS) return b;
  }
  return null;
}

/** Why: a text page's headline sits this many blocks above its body at most (byline, date, share bar, dek, key events). */
const TEXT_TITLE_MAX_DISTANCE = 20;
/** Why: the byline or date line under a headline is this many blocks above the body at most. */
const CREDIT_ABOVE_BODY_MAX_BLOCKS = 10;

/** Why: a standfirst runs to a sentence; a line this long under a shorter headline-shaped one is the dek, not the headline. */
const DEK_MIN_WORDS = 12;

/** A line that can be a text page's headline: headline-sized, not ending like a label or clause, and no credit's part. */
function isTextHeadline(b: Block): boolean {
  if (b.hint !== null && !SHORT_LINE_RUN_TOKENS.has(b.hintToken ?? '')) return false;
  const text = collapseSpaces(b.text);
  const words = text.split(' ');
  if (words.length < 2 || words.length > MAX_VISIBLE_HEADLINE_WORDS || /[,;:]$/.test(text) || !/^[\p{Lu}\p{N}"“‘'¿¡„«]/u.test(text)) return false;
  if (words.some((w) => JOB_TITLE_WORDS.has(w.toLowerCase())) || NOT_A_HEADLINE.test(text)) return false;
  // "Fleur Leyden", "From The Times", "Staff and agencies": every word capitalised or a joiner is a name or an outlet.
  const nameLike = words.length <= NAME_LIKE_MAX_WORDS && words.every((w, i) => /^\p{Lu}/u.test(w) || (i > 0 && /^(?:and|&|of|the)$/.test(w)) || (i === 0 && /^from$/i.test(w)));
  return !nameLike;
}

/** The headline right over the nearest stack of byline and date lines above the body, or null. */
function headlineOverCredit(blocks: readonly Block[], firstBody: number): Block | null {
  for (let i = firstBody - 1; i >= 1 && i >= firstBody - CREDIT_ABOVE_BODY_MAX_BLOCKS; i--) {
    if (!isCredit(blocks[i]!)) continue;
    // The top of the stack: "By Jane Doe" over "5 March 2024".
    while (i > 1 && isCredit(blocks[i - 1]!)) i--;
    const above = blocks[i - 1]!;
    if (!isTextHeadline(above)) return null;
    // A standfirst between the headline and the byline is the longer of two headline-shaped lines.
    const higher = blocks[i - 2];
    const dek = higher !== undefined && isTextHeadline(higher) && wordsIn(above.text) >= DEK_MIN_WORDS && wordsIn(higher.text) < wordsIn(above.text);
    return dek ? higher : above;
  }
  return null;
}

/** A fallback heading shorter than this is a section label ("News", "Top Stories"). */
const MIN_FALLBACK_HEADLINE_WORDS = 3;

function findTitleBlock(blocks: readonly Block[], body: ReadonlySet<number>, title: string | null, alsoText: string | null): number | null {
  if (title === null) return null;
  const wanted = foldTitle(title);
  // The h1 as printed, kicker and all, when the title is that h1 without its kicker.
  const printed = alsoText === null ? null : foldTitle(alsoText);
  const first = body.size === 0 ? blocks.length : minOf(body);
  let best: number | null = null;
  for (const b of blocks) {
    // Folded while compared, stopping at the first difference: nearly every heading differs from the title within a few characters.
    if (b.kind !== 'heading' || !(foldsTo(b.text, wanted) || (printed !== null && foldsTo(b.text, printed)))) continue;
    // The matching heading closest above the body; one inside the body only when none is above.
    if (b.index <= first) best = b.index;
    else if (best === null) return b.index;
  }
  return best;
}

export function extractMetadata(input: MetadataInput): Metadata {
  const { meta, blocks, bodyIndexes, options } = input;
  const ld = readJsonLd(meta.jsonLd);
  const provenance: Provenance = {};
  const region = regions(blocks, bodyIndexes);
  const { head, tail } = region;
  const words = blockWords(blocks);

  // Site name before the title, which needs it to strip suffixes; the title suffix is its last resort.
  const siteFound = firstValid<string>([
    () => found(firstMeta(meta, META_KEYS.siteName)?.value, 'meta'),
    () => found(cleanValue(ld.publisher), 'json-ld'),
    () => found(cleanValue(ld.siteName), 'json-ld'),
  ]);
  let siteName = siteFound?.value ?? null;

  const metaTitles: { value: string; source: MetadataSource }[] = [
    ...metaValues(meta, META_KEYS.title).map((value) => ({ value, source: 'meta' as const })),
    ...metaValues(meta, MICRODATA_KEYS.title).map((value) => ({ value, source: 'microdata' as const })),
  ];
  const titleTag = cleanValue(meta.titleTag);
  let titleFound: Found<string> | null = null;
  let titleBlock: number | null = null;
  // A text page's lines scored as headlines; the usual sources below when none scores.
  const scored = input.format === 'text' ? chooseTextTitle(blocks, bodyIndexes) : null;
  if (scored !== null) {
    titleFound = { value: collapseSpaces(scored.text), source: 'heading' };
    titleBlock = scored.index;
  } else {
    const near = visibleHeadlines(blocks, region, words);
    const chosen = chooseTitle({
      jsonLdHeadline: cleanValue(ld.headline),
      metaTitles,
      titleTag,
      h1: meta.h1.map((h) => h.replace(/\s+/g, ' ').trim()).filter(Boolean),
      siteName,
      visible: near.visible,
      visibleHeadings: near.headings,
      h1Kicker: meta.h1Kickers[0] ?? null,
    });
    if (chosen !== null) titleFound = { value: chosen.title, source: chosen.source };
  }
  if (titleFound === null) {
    const heading = segmenterTitle(blocks, bodyIndexes) ?? nearestHeadingAbove(blocks, region, words);
    if (heading !== null) {
      titleFound = { value: heading.text.replace(/\s+/g, ' ').trim(), source: 'heading' };
      titleBlock = heading.index;
    }
  }
  titleBlock ??= findTitleBlock(blocks, bodyIndexes, titleFound?.value ?? null, meta.h1Kickers[0] ? meta.h1[0] ?? null : null);
  // A text page's title was picked before selection, above what looked like the first paragraph; when that pick is
  // far from the body selection found, the headline over the byline or date line above the body is the title.
  if (input.format === 'text' && bodyIndexes.size > 0 && scored === null) {
    const far = titleBlock === null || titleBlock > region.firstBody || titleBlock < region.firstBody - TEXT_TITLE_MAX_DISTANCE;
    const credited = far ? headlineOverCredit(blocks, region.firstBody) : null;
    if (credited !== null) {
      titleFound = { value: collapseSpaces(credited.text), source: 'heading' };
      titleBlock = credited.index;
    }
  }

  if (siteName === null && titleTag !== null) {
    const split = splitSiteName(titleTag, null);
    if (split.site !== null) {
      siteName = split.site;
      provenance.siteName = 'title-tag';
    }
  } else if (siteFound !== null) provenance.siteName = siteFound.source;

  const langFound = firstValid<string>([
    () => found(normaliseLangTag(meta.htmlLang), 'meta'),
    () => found(normaliseLangTag(firstMeta(meta, META_KEYS.lang)?.value), 'meta'),
    () => found(normaliseLangTag(ld.inLanguage), 'json-ld'),
    () => {
      // The body's text up to the sample the guess reads, not the whole body joined.
      const parts: string[] = [];
      let length = -1;
      for (const b of blocks) {
        if (length >= LANGUAGE_SAMPLE_CHARS) break;
        if (bodyIndexes.size > 0 && !bodyIndexes.has(b.index)) continue;
        parts.push(b.text);
        length += b.text.length + 1;
      }
      return found(detectLanguage(parts.join('\n')), 'detected');
    },
  ]);

  const base = options.url;
  const urlFound = firstValid<string>([
    () => {
      const canonical = absoluteHttpUrl(linkHref(meta, 'canonical'), base);
      // A canonical pointing at the site's home page from an article page is a template default.
      if (canonical !== null && base !== null && new URL(canonical).pathname === '/' && new URL(base).pathname !== '/') return null;
      return found(canonical, 'meta');
    },
    () => found(absoluteHttpUrl(firstMeta(meta, META_KEYS.url)?.value ?? null, base), 'meta'),
    () => found(absoluteHttpUrl(ld.url, base), 'json-ld'),
    () => found(absoluteHttpUrl(base, null), 'url'),
  ]);
  const pageUrl = urlFound?.value ?? null;
  const resolveBase = pageUrl ?? base;

  const read = creditReader();
  // A byline line just below the body ("Author: X" under a post, on text pages) is a credit too.
  const footBylines = region.foot.filter((i) => blocks[i]?.hint === 'byline' && !head.includes(i));
  // A byline line sits right under the headline, also where the body was found to start far from it.
  const underHeadline: number[] = [];
  if (titleBlock !== null && bodyIndexes.size > 0) {
    const inHead = new Set(head);
    for (let i = titleBlock + 1; i <= titleBlock + UNDER_HEADLINE_BLOCKS && i < blocks.length; i++) {
      const b = blocks[i];
      if (b !== undefined && !inHead.has(i) && !(b.hint !== null && EXCLUDED_HINTS.has(b.hint))) underHeadline.push(i);
    }
  }
  const scan = scanBylines(input, [...head, ...footBylines], read, words, underHeadline, bareNamesUnder(blocks, titleBlock, input.format));
  const authors = chooseAuthors(input, ld, scan, tail, siteName, pageUrl ?? base, read);
  const dates = findDates(input, ld, region, langFound?.value ?? null, base ?? pageUrl, scan.bylineBlocks, words);
  const published = dates.published?.value ?? null;
  const modified = consistentModified(published, dates.modified?.value ?? null);

  const descriptionFound = firstValid<string>([
    () => found(firstMeta(meta, META_KEYS.description)?.value, 'meta'),
    () => found(cleanValue(ld.description), 'json-ld'),
  ]);
  const imageFound = firstValid<string>([
    () => {
      for (const v of metaValues(meta, META_KEYS.image)) {
        const url = absoluteHttpUrl(v, resolveBase);
        if (url !== null) return { value: url, source: 'meta' };
      }
      return null;
    },
    () => found(absoluteHttpUrl(ld.image, resolveBase), 'json-ld'),
    () => {
      const inBody = meta.images.find((im) => bodyIndexes.has(im.blockIndex)) ?? (bodyIndexes.size === 0 ? meta.images[0] : undefined);
      return found(inBody === undefined ? null : absoluteHttpUrl(inBody.src, resolveBase), 'text');
    },
  ]);
  const sectionFound = firstValid<string>([
    () => found(firstMeta(meta, META_KEYS.section)?.value, 'meta'),
    () => found(cleanValue(ld.section), 'json-ld'),
    () => found(firstMeta(meta, MICRODATA_KEYS.section)?.value, 'microdata'),
  ]);
  const tagsFound = firstValid<string[]>([
    () => {
      const tags = uniqueTags([
        ...metaValues(meta, ['article:tag']),
        ...splitTags(metaValues(meta, ['parsely-tags', 'news_keywords', 'sailthru.tags']), Number.POSITIVE_INFINITY),
      ]);
      return tags.length > 0 ? { value: tags, source: 'meta' } : null;
    },
    () => {
      const tags = uniqueTags(ld.keywords.filter((k) => k.length <= MAX_TAG_CHARS));
      return tags.length > 0 ? { value: tags, source: 'json-ld' } : null;
    },
    () => {
      const tags = uniqueTags(splitTags(metaValues(meta, ['keywords']), MAX_KEYWORD_TAGS));
      return tags.length > 0 ? { value: tags, source: 'meta' } : null;
    },
  ]);

  const record = (field: keyof Provenance, f: Found<unknown> | null): void => {
    if (f !== null) provenance[field] = f.source;
  };
  record('title', titleFound);
  record('authors', authors === null ? null : { value: authors.names, source: authors.source });
  record('published', dates.published);
  if (modified !== null) record('modified', dates.modified);
  record('lang', langFound);
  record('description', descriptionFound);
  record('url', urlFound);
  record('image', imageFound);
  record('section', sectionFound);
  record('tags', tagsFound);

  const consumed = new Set([...scan.bylineBlocks, ...dates.datelineBlocks]);
  if (titleBlock !== null) consumed.delete(titleBlock);
  return {
    title: titleFound?.value ?? null,
    authors: authors?.names ?? [],
    published: published?.iso ?? null,
    modified: modified?.iso ?? null,
    siteName,
    lang: langFound?.value ?? null,
    description: descriptionFound?.value ?? null,
    url: pageUrl,
    image: imageFound?.value ?? null,
    section: sectionFound?.value ?? null,
    tags: tagsFound?.value ?? [],
    provenance,
    bylineBlocks: [...consumed].sort((a, b) => a - b),
    titleBlock,
  };
}
