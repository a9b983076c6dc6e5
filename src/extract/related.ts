/**
 * Related links as data: the teaser blocks around the article (lists, cards, "Most read" rails,
 * inline "Read more: …" links) become `{ title, url, excerpt, section, position }`.
 *
 * HTML path, in three steps:
 *  1. Which blocks are teasers: those the selector dropped as `related`, those inside a container
 *     named as a related box (through the card's own header, date and caption wrappers; not in a
 *     menu's drop-down, not an ad network's box), the links under a "Related" / "Most read" label,
 *     and runs of headline links outside the body, menus and footers.
 *  2. Which of their links point to an article: an article-like URL (a long slug, an id, a dated
 *     slug), not a section, tag or account page, not an ad redirect, not a URL the site menu links;
 *     not prose in a box, a tag row, a prev/next arrow, a priced product or a sponsored box.
 *  3. Blocks of one card that share a URL (kicker, headline, blurb, date) become one link, titled by
 *     its headline (a time-stamp permalink or a "Read more" button by the headline beside it).
 */
import type { RelatedLink } from '../types.js';
import type { Block, Container, HintLabel, Segmented, Verdict } from './block.js';
import { relatedFromText } from './related-text.js';
import { pageIdentity, pageIdentityOf, parsePlainHttpUrl, samePage, trimEnd, type UrlParts } from './url.js';
// Counted only as far as each comparison needs: the counts below are asked of long paragraphs too.
import { isSpaceCode, spaceSeparatedWords as wordCount } from './chars.js';
import { PHRASE_GROUPS } from '../rules/patterns.js';
import {
  AD_NETWORK_QUERY,
  AD_REDIRECT_HOSTS,
  ARTICLE_ID_MIN_DIGITS,
  ARTICLE_ID_QUERY_KEYS,
  ARTICLE_SLUG_MIN_WORDS,
  CLICK_TRACKER_SEGMENTS,
  HEADLINE_MIN_LINK_SHARE,
  LABELLED_RUN_MAX_BLOCKS,
  READ_MORE_TITLE_MAX_BLOCKS_BACK,
  LINK_ROW_ANCHOR_MAX_WORDS,
  LINK_ROW_MIN_URLS,
  MENU_TREE_MIN_DEPTH,
  NON_ARTICLE_PATH_SEGMENTS,
  PREV_NEXT_ARROW,
  PRICE,
  REFERENCE_MARK,
  SPONSORED_LABEL,
  SPONSORED_TOKENS,
  STAMP_TEXT,
  TEASER_CARD_HINTS,
  TEASER_RUN_MAX_GAP,
  TEASER_RUN_MIN_LINKS,
  TEASER_TITLE_MAX_WORDS,
  TEASER_TITLE_MIN_WORDS,
  YEAR_MAX,
  YEAR_MIN,
} from '../rules/related-links.js';

/** The phrases that head a teaser list ("Related", "Most read", "Lire aussi"), and read-more buttons. */
const RELATED_LABEL = PHRASE_GROUPS.find((g) => g.label === 'related')!;
const READ_MORE_BUTTON = PHRASE_GROUPS.find((g) => g.label === 'promo')!;

function isRelatedLabel(text: string): boolean {
  return text.length <= RELATED_LABEL.maxChars && RELATED_LABEL.pattern.test(text.trim());
}

/** Excerpts are short blurbs; a long block after a teaser is something else. */
const MAX_EXCERPT_CHARS = 400;

/** A sponsored label heads teasers within this many blocks after it. */
const SPONSORED_LABEL_REACH = 4;

/** A card's section kicker is a word or three. */
const KICKER_MAX_WORDS = 3;

/** A section label is a short line (a heading or a phrase such as "Related"). */
const MAX_SECTION_CHARS = 80;

/**
 * Like `resolveUrl` in url.ts, but the parsed URL: one parse per link serves its key and its verdict.
 * `parsedBase` is `base` parsed once (null when there is no base or it does not parse): plain links are
 * split without `URL`, which costs most of this stage when every link of a page goes through it.
 */
function parseHref(href: string, base: string | null, parsedBase: URL | null): UrlParts | null {
  const trimmed = href.trim();
  if (trimmed.length === 0 || trimmed.startsWith('#')) return null;
  // An unparsable base fails every link, absolute ones included, as `URL` would (by a costly throw).
  if (base !== null && parsedBase === null) return null;
  // Without a base, a link must open with a scheme: after the control characters and spaces `URL` skips,
  // any other first character fails it.
  if (base === null && !opensScheme(trimmed.charCodeAt(0))) return null;
  const plain = parsePlainHttpUrl(trimmed, parsedBase);
  if (plain !== undefined) return plain;
  try {
    const url = base !== null ? new URL(trimmed, base) : new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** Whether a URL string's first character can open a scheme: an ASCII letter, or a control character or space that `URL` skips. */
function opensScheme(c: number): boolean {
  return c <= 0x20 || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function parseOrNull(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** What the host and path of a URL say: an article, no article whatever the query, or nothing yet. */
type PathVerdict = 'article' | 'blocked' | 'plain';

/** The key of a parsed URL, its path judged by {@link pathVerdict}. */
function keyOf(u: UrlParts, verdict: PathVerdict): string {
  const path = `${u.hostname.replace(/^www\./, '')}${trimEnd(u.pathname, '/')}`;
  return u.search.length === 0 || verdict === 'article' ? path : `${path}${u.search}`;
}

/**
 * The URL as a key for "same page": no fragment, scheme, `www.` or trailing slash, and no query when
 * the path alone names the article (`?tid=most_read` tracking tags one link in several places).
 */
function urlKey(url: string): string {
  try {
    const u = new URL(url);
    return keyOf(u, pathVerdict(u));
  } catch {
    return url;
  }
}

function isYear(digits: string): boolean {
  const n = Number(digits);
  return digits.length === 4 && n >= YEAR_MIN && n <= YEAR_MAX;
}

/** {@link AD_REDIRECT_HOSTS} as suffixes of their subdomains' names. */
const AD_REDIRECT_SUFFIXES: readonly string[] = AD_REDIRECT_HOSTS.map((h) => `.${h}`);

/**
 * `s` without an extension of `min`–`max` characters (ASCII lowercase letters, and digits when allowed):
 * `s.replace(/\.[a-z]{2,5}$/, '')` without the regex, since this runs on every path segment of every link.
 */
function withoutExtension(s: string, digits: boolean): string {
  const dot = s.lastIndexOf('.');
  const length = s.length - dot - 1;
  if (dot < 0 || length < EXTENSION_MIN_CHARS || length > EXTENSION_MAX_CHARS) return s;
  for (let i = dot + 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 0x61 && c <= 0x7a) || (digits && c >= 0x30 && c <= 0x39))) return s;
  }
  return s.slice(0, dot);
}

/** File extensions are two to five characters (`.html`, `.php`, `.ece`). */
const EXTENSION_MIN_CHARS = 2;
const EXTENSION_MAX_CHARS = 5;

/** Words of a slug as `stem.split(/[-_+,.\s]+/).filter(non-empty)` counts them, without the array. */
function slugWords(stem: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < stem.length; i++) {
    const c = stem.charCodeAt(i);
    const separator = c === 0x2d || c === 0x5f || c === 0x2b || c === 0x2c || c === 0x2e || isSpaceCode(c);
    if (!separator && !inWord) words++;
    inWord = !separator;
  }
  return words;
}

/** Whether the host and path of a URL name one article: the part of the judgement a query cannot change. */
function pathVerdict(u: UrlParts): PathVerdict {
  const host = u.hostname.toLowerCase();
  for (let k = 0; k < AD_REDIRECT_HOSTS.length; k++) {
    if (host === AD_REDIRECT_HOSTS[k] || host.endsWith(AD_REDIRECT_SUFFIXES[k]!)) return 'blocked';
  }
  const segments: string[] = [];
  for (const s of u.pathname.split('/')) if (s.length > 0) segments.push((s.includes('%') ? safeDecode(s) : s).toLowerCase());
  for (const s of segments) {
    const stem = withoutExtension(s, false);
    if (NON_ARTICLE_PATH_SEGMENTS.has(stem) || CLICK_TRACKER_SEGMENTS.has(stem)) return 'blocked';
  }
  let dated = false;
  for (let n = 0; n < segments.length; n++) {
    const stem = withoutExtension(segments[n]!, true);
    // A first segment with more below it is a section's name (`/stars_et_gotha/<name>`).
    if (slugWords(stem) >= ARTICLE_SLUG_MIN_WORDS && (n > 0 || segments.length === 1)) return 'article';
    // Runs of digits: an id, or a year.
    for (let i = 0; i < stem.length; ) {
      const c = stem.charCodeAt(i);
      if (c < 0x30 || c > 0x39) {
        i++;
        continue;
      }
      let end = i + 1;
      while (end < stem.length && stem.charCodeAt(end) >= 0x30 && stem.charCodeAt(end) <= 0x39) end++;
      const run = stem.slice(i, end);
      if (run.length >= ARTICLE_ID_MIN_DIGITS && !isYear(run)) return 'article';
      if (isYear(run) && run === stem) dated = true;
      i = end;
    }
    // After a date (`/2012/05/17/`), any word slug names the day's article.
    if (dated && /[a-z]/.test(stem)) return 'article';
  }
  return 'plain';
}

/** Whether a parsed URL names one article, its path's verdict given and its query read. */
function articleLike(u: UrlParts, verdict: PathVerdict): boolean {
  if (verdict === 'blocked') return false;
  if (u.search.length === 0) return verdict === 'article';
  let idInQuery = false;
  for (const [key, value] of u.searchParams) {
    if (AD_NETWORK_QUERY.test(value)) return false;
    if (ARTICLE_ID_QUERY_KEYS.has(key.toLowerCase()) && /^\d+$/.test(value)) idInQuery = true;
  }
  return verdict === 'article' || idInQuery;
}

/** Whether a URL names one article (or video, gallery) rather than a front, a tag or an account page. */
export function articleLikeUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return articleLike(u, pathVerdict(u));
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** One href of the page, resolved and judged once: pages repeat the same links in menus, cards and footers. */
interface LinkInfo {
  url: string | null;
  /** {@link urlKey} of the URL, or the raw href when it does not resolve. */
  key: string;
  article: boolean;
  /** The parsed URL, kept for {@link LinkTable.isPage}: re-parsing its `href` would give the same parts. */
  parsed: UrlParts | null;
  /** Whether the URL is the page's own, once asked. */
  isPage?: boolean;
}

class LinkTable {
  private readonly memo = new Map<string, LinkInfo>();
  /** {@link pageIdentity} of the page's URL, once. */
  private readonly pageIdentity: string | null;
  /** The page's URL parsed once, the base of every link; null without one or when it does not parse. */
  private readonly base: URL | null;
  constructor(private readonly pageUrl: string | null) {
    this.pageIdentity = pageUrl === null ? null : pageIdentity(pageUrl);
    this.base = pageUrl === null ? null : parseOrNull(pageUrl);
  }

  info(href: string): LinkInfo {
    let info = this.memo.get(href);
    if (info === undefined) {
      const u = parseHref(href, this.pageUrl, this.base);
      if (u === null) info = { url: null, key: href, article: false, parsed: null };
      else {
        const verdict = pathVerdict(u);
        info = { url: u.href, key: keyOf(u, verdict), article: articleLike(u, verdict), parsed: u };
      }
      this.memo.set(href, info);
    }
    return info;
  }

  /** {@link samePage} of a resolved link against the page's own URL, once per href: cards repeat their link. */
  isPage(info: LinkInfo): boolean {
    if (this.pageIdentity === null || info.parsed === null) return false;
    info.isPage ??= pageIdentityOf(info.parsed) === this.pageIdentity;
    return info.isPage;
  }
}

type BoxContext = 'related' | HintLabel | null;

/**
 * The box a block sits in: the nearest container hint, passing over a teaser card's own wrappers
 * (weak hints, dates, bylines, captions). A container that also holds the kept body is the page's
 * layout, not a box: the walk stops there.
 */
function boxContext(b: Block, containers: readonly Container[], bodyAncestors: ReadonlySet<number>): BoxContext {
  let box: BoxContext = null;
  let inMenuItem = false;
  // A "most discussed" or "most shared" list inside a related box is the box's own list (its class
  // says comment or share); share buttons and comment links there fail the URL test anyway.
  let inside: BoxContext = null;
  for (let c = b.parent; c >= 0; c = containers[c]!.parent) {
    if (bodyAncestors.has(c)) break;
    const k = containers[c]!;
    if (box === 'related') {
      // Teaser cards hanging from a menu item are the menu's drop-down; a strip in a <nav> is not.
      if (k.tag === 'li') inMenuItem = true;
      if (inMenuItem && k.hint === 'navigation' && k.hintWeak !== true) return 'navigation';
      continue;
    }
    if (k.hint === null) continue;
    if (k.hint === 'related') {
      // Recommendation widgets of ad networks are paid placements.
      if (k.hintToken !== null && SPONSORED_TOKENS.has(k.hintToken)) return 'ad';
      box = 'related';
      continue;
    }
    if (k.hintWeak === true || TEASER_CARD_HINTS.has(k.hint)) continue;
    if (k.hint === 'comments' || k.hint === 'share') {
      inside ??= k.hint;
      continue;
    }
    return k.hint;
  }
  return box ?? inside;
}

/**
 * Whether a container above the block, below the page's layout, is named as a related box: a menu
 * inside one is the box's own list.
 */
function underRelatedBox(b: Block, containers: readonly Container[], bodyAncestors: ReadonlySet<number>): boolean {
  for (let c = b.parent; c >= 0 && !bodyAncestors.has(c); c = containers[c]!.parent) if (containers[c]!.hint === 'related') return true;
  return false;
}

/** The nearest container holding both blocks; -1 for none. */
function commonContainer(a: Block, b: Block, containers: readonly Container[]): number {
  const above = new Set<number>();
  for (let c = a.parent; c >= 0; c = containers[c]!.parent) above.add(c);
  for (let c = b.parent; c >= 0; c = containers[c]!.parent) if (above.has(c)) return c;
  return -1;
}

function within(b: Block, container: number, containers: readonly Container[]): boolean {
  for (let c = b.parent; c >= 0; c = containers[c]!.parent) if (c === container) return true;
  return false;
}

/** The hint of the closest named container: a card's byline row credits, its links are no teasers. */
function nearestHint(b: Block, containers: readonly Container[]): HintLabel | null {
  for (let c = b.parent; c >= 0; c = containers[c]!.parent) if (containers[c]!.hint !== null) return containers[c]!.hint;
  return null;
}

/** Containers that hold many cards, never one. */
const LIST_TAGS: ReadonlySet<string> = new Set(['ul', 'ol', 'dl', 'table', 'tbody']);

/** How far above a block its card's container may sit (headline in a link in a heading in the card). */
const CARD_MAX_DEPTH = 3;

/**
 * Whether two blocks sit in one card: their nearest common container is close above the first and is
 * neither a list nor the named box that holds all the cards.
 */
function sameCard(a: Block, b: Block, containers: readonly Container[]): boolean {
  const above = new Set<number>();
  for (let c = b.parent; c >= 0; c = containers[c]!.parent) above.add(c);
  let c = a.parent;
  for (let up = 0; c >= 0 && up <= CARD_MAX_DEPTH; up++, c = containers[c]!.parent) {
    if (above.has(c)) return !LIST_TAGS.has(containers[c]!.tag) && containers[c]!.hint !== 'related';
  }
  return false;
}

/** Boxes whose links are never teasers, even when shaped like them. */
const NON_TEASER_BOXES: ReadonlySet<BoxContext> = new Set<BoxContext>(['navigation', 'legal', 'comments', 'ad', 'newsletter', 'cookie', 'share']);

interface Card {
  url: string;
  key: string;
  /** Best title so far, and the block it came from. */
  title: string;
  titleScore: number;
  titleBlock: number;
  firstBlock: number;
  section: string | null;
  /** A block of the card shows a price: a shop's product, not an article. */
  product: boolean;
}

function titleScore(b: Block, text: string): number {
  // A heading is the card's headline; otherwise the longer text (a headline beats a kicker or a date).
  return (b.kind === 'heading' ? 1000 : 0) + wordCount(text, TEASER_TITLE_MAX_WORDS);
}

/** Whether a line ends in a price: its last word, or its last two ("4,20 €", "EUR 19.900,--"). */
function endsInPrice(text: string): boolean {
  // The last two words, read from the end: `trim().split(/\s+/)` would split the whole block.
  const t = text.trim();
  let lastStart = t.length;
  while (lastStart > 0 && !isSpaceCode(t.charCodeAt(lastStart - 1))) lastStart--;
  const last = t.slice(lastStart);
  if (PRICE.test(last)) return true;
  if (lastStart === 0) return false;
  let previousEnd = lastStart;
  while (previousEnd > 0 && isSpaceCode(t.charCodeAt(previousEnd - 1))) previousEnd--;
  let previousStart = previousEnd;
  while (previousStart > 0 && !isSpaceCode(t.charCodeAt(previousStart - 1))) previousStart--;
  return PRICE.test(`${t.slice(previousStart, previousEnd)} ${last}`);
}

/** The nearest unkept heading above a read-more button, within a card's reach. */
function headlineAbove(blocks: readonly Block[], verdicts: readonly Verdict[], i: number): string | null {
  for (let j = i - 1; j >= 0 && j >= i - READ_MORE_TITLE_MAX_BLOCKS_BACK; j--) {
    const b = blocks[j]!;
    if (verdicts[j]!.kept) return null;
    if (b.kind === 'heading') return b.text;
  }
  return null;
}

/**
 * Whether a teaser block's links can be teasers: running prose in a box cites its links, a row of
 * short links to several pages (`Tag ▪ Tag ▪ Tag`) is tags or a menu, and so is a deeply nested list;
 * a reference-list entry cites.
 */
function teaserShaped(b: Block, links: LinkTable): boolean {
  if ((b.kind === 'list-item' && b.level >= MENU_TREE_MIN_DEPTH) || REFERENCE_MARK.test(b.text)) return false;
  if (wordCount(b.text, TEASER_TITLE_MAX_WORDS + 1) > TEASER_TITLE_MAX_WORDS && b.linkChars < HEADLINE_MIN_LINK_SHARE * b.text.length) return false;
  if (b.links.length < LINK_ROW_MIN_URLS || b.links.some((l) => wordCount(l.text, LINK_ROW_ANCHOR_MAX_WORDS + 1) > LINK_ROW_ANCHOR_MAX_WORDS)) return true;
  // Stops at the LINK_ROW_MIN_URLS-th page: a row of menu links need not have all its links resolved.
  const keys = new Set<string>();
  for (const l of b.links) {
    keys.add(links.info(l.href).key);
    if (keys.size >= LINK_ROW_MIN_URLS) return false;
  }
  return true;
}

/** A block that is a headline link: short, mostly linked, every link to the same article. */
function headlineUrl(b: Block, links: LinkTable): LinkInfo | null {
  if (b.links.length === 0 || b.linkChars < HEADLINE_MIN_LINK_SHARE * b.text.length || wordCount(b.text, TEASER_TITLE_MAX_WORDS + 1) > TEASER_TITLE_MAX_WORDS) return null;
  const first = links.info(b.links[0]!.href);
  if (first.url === null || !first.article) return null;
  for (let k = 1; k < b.links.length; k++) {
    const href = b.links[k]!.href;
    if (href !== b.links[0]!.href && links.info(href).key !== first.key) return null;
  }
  return first;
}

export function collectRelated(seg: Segmented, verdicts: readonly Verdict[], pageUrl: string | null): RelatedLink[] {
  if (seg.format === 'text') {
    // A text page may print its own address among the teasers.
    const own = pageUrl;
    const links = relatedFromText(seg).filter((l) => own === null || l.url === null || !samePage(l.url, own));
    return links.map((l, position) => ({ ...l, position }));
  }
  const { blocks, containers } = seg;

  const bodyAncestors = new Set<number>();
  blocks.forEach((b, i) => {
    if (!verdicts[i]!.kept) return;
    for (let c = b.parent; c >= 0 && !bodyAncestors.has(c); c = containers[c]!.parent) bodyAncestors.add(c);
  });
  const links = new LinkTable(pageUrl);
  const pageKey = pageUrl === null ? null : urlKey(pageUrl);
  // A block's box depends only on its container: read each container's chain once.
  const boxOfContainer = new Map<number, BoxContext>();
  const boxes = blocks.map((b) => {
    let box = boxOfContainer.get(b.parent);
    if (box === undefined) {
      box = boxContext(b, containers, bodyAncestors);
      boxOfContainer.set(b.parent, box);
    }
    return box;
  });

  // URLs the site menu links are section fronts, whatever their shape. Compared as written: a
  // template writes one link the same way in its menu and its cards, and parsing every menu link costs.
  const menuHrefs = new Set<string>();
  blocks.forEach((b, i) => {
    if (boxes[i] !== 'navigation' || verdicts[i]!.kept || underRelatedBox(b, containers, bodyAncestors)) return;
    for (const l of b.links) menuHrefs.add(l.href.trim());
  });

  const teaser = blocks.map((b, i) => {
    const v = verdicts[i]!;
    if (v.kept || b.links.length === 0) return false;
    if (v.label === 'related') return !NON_TEASER_BOXES.has(boxes[i]!) || boxes[i] === 'share';
    return boxes[i] === 'related';
  });

  // Runs of headline links outside any named box: "Most read" lists, onward rails without class names.
  let run: number[] = [];
  let runUrls = new Set<string>();
  let gap = 0;
  const closeRun = (): void => {
    if (runUrls.size >= TEASER_RUN_MIN_LINKS) for (const i of run) teaser[i] = true;
    run = [];
    runUrls = new Set();
    gap = 0;
  };
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (verdicts[i]!.kept) {
      closeRun();
      continue;
    }
    if (b.links.length === 0) {
      if (++gap > TEASER_RUN_MAX_GAP) closeRun();
      continue;
    }
    const url = NON_TEASER_BOXES.has(boxes[i]!) ? null : headlineUrl(b, links);
    if (url === null) {
      // A card's section kicker ("World & Nation") links a front: part of the list, not a teaser.
      if (!NON_TEASER_BOXES.has(boxes[i]!) && wordCount(b.text, KICKER_MAX_WORDS + 1) <= KICKER_MAX_WORDS && b.links.length === 1) {
        if (++gap > TEASER_RUN_MAX_GAP) closeRun();
      } else closeRun();
      continue;
    }
    run.push(i);
    runUrls.add(url.key);
    gap = 0;
  }
  closeRun();

  // Under a "Related" / "Most read" / "Lire aussi" label, the links up to the next heading or body text.
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (verdicts[i]!.kept || b.links.length > 1 || !isRelatedLabel(b.text) || NON_TEASER_BOXES.has(boxes[i]!)) continue;
    // A label may link its section front ("More from Politics"); a "Read more" button links an article and heads nothing.
    if (b.links.some((l) => links.info(l.href).article)) continue;
    for (let j = i + 1; j < blocks.length && j <= i + LABELLED_RUN_MAX_BLOCKS; j++) {
      const next = blocks[j]!;
      if (verdicts[j]!.kept || NON_TEASER_BOXES.has(boxes[j]!) || (next.kind === 'heading' && next.links.length === 0)) break;
      if (next.links.length > 0) teaser[j] = true;
    }
  }

  const cards = new Map<string, Card>();
  const order: Card[] = [];
  let section: string | null = null;
  // A "Sponsored" / "From around the web" label: the block, then the box it shares with the first teaser after it.
  let sponsoredLabel: Block | null = null;
  let sponsoredBox = -1;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const v = verdicts[i]!;
    if (v.kept) {
      section = null;
      continue;
    }
    if (b.links.length === 0) {
      // A short linkless line before teasers is their label ("Related", "More from Politics").
      if (b.text.length <= MAX_SECTION_CHARS && (b.kind === 'heading' || isRelatedLabel(b.text) || SPONSORED_LABEL.test(b.text))) {
        section = trimEnd(b.text, ':').trimEnd();
        if (SPONSORED_LABEL.test(b.text)) {
          sponsoredLabel = b;
          sponsoredBox = -1;
        }
      }
      continue;
    }
    if (!teaser[i] || !teaserShaped(b, links) || nearestHint(b, containers) === 'byline') continue;
    // Under a "Sponsored" or "From around the web" label the teasers of its box are paid placements.
    if (sponsoredLabel !== null && sponsoredBox === -1) {
      // The label heads the box it shares with the teasers right after it, never the page's layout.
      const box = i - sponsoredLabel.index <= SPONSORED_LABEL_REACH ? commonContainer(sponsoredLabel, b, containers) : -1;
      sponsoredBox = bodyAncestors.has(box) ? -1 : box;
      sponsoredLabel = null;
    }
    if (sponsoredBox >= 0 && within(b, sponsoredBox, containers)) continue;
    // Whether the block (or the linkless line after it, in its card) shows a price: asked once per block.
    let priced: boolean | undefined;
    for (const link of b.links) {
      const info = links.info(link.href);
      const { url, key, article } = info;
      if (url === null || !article) continue;
      if (pageUrl !== null && (key === pageKey || links.isPage(info))) continue;
      if (menuHrefs.has(link.href.trim()) || PREV_NEXT_ARROW.test(link.text)) continue;
      let text = link.text.trim();
      let minWords = TEASER_TITLE_MIN_WORDS;
      if (STAMP_TEXT.test(text)) {
        // A time-stamp permalink ("14:44") is titled by the headline beside it, however short.
        const beside = b.text.replace(link.text, ' ').replace(/\s+/g, ' ').trim();
        const next = blocks[i + 1];
        text = wordCount(beside, 1) > 0 ? beside : next !== undefined && !verdicts[i + 1]!.kept && next.links.length === 0 ? next.text : '';
        minWords = 1;
      } else if (text.length <= READ_MORE_BUTTON.maxChars && READ_MORE_BUTTON.pattern.test(text)) {
        // A "Read more" button is titled by the card's headline above it.
        text = headlineAbove(blocks, verdicts, i) ?? '';
      }
      const score = wordCount(text, minWords) >= minWords ? titleScore(b, text) : -1;
      let card = cards.get(key);
      if (card === undefined) {
        card = { url, key, title: text, titleScore: score, titleBlock: i, firstBlock: i, section, product: false };
        cards.set(key, card);
        order.push(card);
      }
      if (priced === undefined) {
        const after = blocks[i + 1];
        priced = endsInPrice(b.text) || (after !== undefined && after.links.length === 0 && endsInPrice(after.text) && sameCard(b, after, containers));
      }
      if (priced) card.product = true;
      if (score > card.titleScore) {
        card.title = text;
        card.titleScore = score;
        card.titleBlock = i;
      }
    }
  }

  const out: RelatedLink[] = [];
  for (const card of order) {
    if (card.titleScore < 0 || card.product) continue;
    out.push({ title: card.title, url: card.url, excerpt: excerptOf(blocks, verdicts, card, links), section: card.section, position: out.length });
  }
  return out;
}

/** The blurb of a card: the next unkept block, when it is short and links nowhere but the card's own URL. */
function excerptOf(blocks: readonly Block[], verdicts: readonly Verdict[], card: Card, links: LinkTable): string | null {
  const i = card.titleBlock;
  const next = blocks[i + 1];
  const v = verdicts[i + 1];
  if (next === undefined || v === undefined || v.kept || next.kind === 'heading' || next.text.length > MAX_EXCERPT_CHARS) return null;
  if (next.text === card.title || STAMP_TEXT.test(next.text.trim())) return null;
  if (!next.links.every((l) => links.info(l.href).key === card.key)) return null;
  return next.text;
}
