/**
 * The headline: the `<title>` without its site-name suffix, confirmed by the `<h1>` or `og:title`
 * when they agree with it; never a brand-only `og:title`.
 */
import type { MetadataSource } from '../../types.js';
import { TITLE_SEPARATORS } from '../../rules/meta-names.js';
import { findDatesInText } from './date.js';

/** The part left after removing a site suffix must have at least this many words to be a headline. */
const MIN_HEADLINE_WORDS = 3;
/** A suffix longer than this many words is part of the headline, not a site name. */
const MAX_SITE_SUFFIX_WORDS = 5;
/** A candidate that is only a prefix of the `<title>` must cover this share of the stripped title to confirm it. */
const MIN_PREFIX_SHARE = 0.6;

const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Folded forms kept between calls: title choice folds the same few strings many times over. */
const FOLD_MEMO_MAX = 4096;
/** Only headline-sized strings are kept, so the memo never holds much of a page. */
const FOLD_MEMO_MAX_CHARS = 300;
const foldMemo = new Map<string, string>();

/** Case-, diacritic-, quote- and whitespace-insensitive form, for comparing titles. */
export function foldTitle(text: string): string {
  if (text.length > FOLD_MEMO_MAX_CHARS) return fold(text);
  let folded = foldMemo.get(text);
  if (folded === undefined) {
    if (foldMemo.size >= FOLD_MEMO_MAX) foldMemo.clear();
    folded = fold(text);
    foldMemo.set(text, folded);
  }
  return folded;
}

const SPACE = 0x20;

/** {@link PRINTABLE_ASCII} for one character. */
function isPrintableAscii(c: number): boolean {
  return c >= 0x20 && c <= 0x7e;
}

/**
 * Whether `foldTitle(text) === folded`, for matching many texts against one title. Printable ASCII is
 * folded as it is read and compared as it goes, so a text that differs stops at its first difference
 * without a copy; other text is folded whole. Folding maps the printable ASCII before any other character
 * to the same output whatever follows (NFKD keeps ASCII, marks only drop), so a difference there is final.
 */
export function foldsTo(text: string, folded: string): boolean {
  const n = text.length;
  let i = 0;
  while (i < n && text.charCodeAt(i) === SPACE) i++;
  let j = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === SPACE) {
      let next = i + 1;
      while (next < n && text.charCodeAt(next) === SPACE) next++;
      // Trailing spaces are trimmed; a run before other whitespace may join it: only the whole fold tells.
      if (next === n) break;
      if (!isPrintableAscii(text.charCodeAt(next))) return foldTitle(text) === folded;
      if (folded.charCodeAt(j) !== SPACE) return false;
      j++;
      i = next;
      continue;
    }
    if (!isPrintableAscii(c)) return foldTitle(text) === folded;
    if (folded.charCodeAt(j) !== (c >= 0x41 && c <= 0x5a ? c | 0x20 : c)) return false;
    j++;
    i++;
  }
  return j === folded.length;
}

function fold(text: string): string {
  // Printable ASCII has no marks, curly quotes or whitespace but the space to rewrite: the same result, cheaper.
  if (PRINTABLE_ASCII.test(text)) {
    const lower = text.toLowerCase();
    return (lower.includes('  ') ? lower.replace(/ +/g, ' ') : lower).trim();
  }
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

interface Split {
  headline: string;
  site: string | null;
}

/** Last occurrence of any separator, so "A - B | Site" splits before "Site". */
function lastSeparator(title: string): { at: number; length: number } | null {
  let best: { at: number; length: number } | null = null;
  for (const sep of TITLE_SEPARATORS) {
    const at = title.lastIndexOf(sep);
    if (at > 0 && (best === null || at > best.at)) best = { at, length: sep.length };
  }
  return best;
}

function firstSeparator(title: string): { at: number; length: number } | null {
  let best: { at: number; length: number } | null = null;
  for (const sep of TITLE_SEPARATORS) {
    const at = title.indexOf(sep);
    if (at > 0 && (best === null || at < best.at)) best = { at, length: sep.length };
  }
  return best;
}

/**
 * Splits "Headline | Site" (or "Site | Headline" when the site name is known and leads).
 * Strips only when what is left is a substantial headline.
 */
export function splitSiteName(title: string, siteName: string | null): Split {
  // Title choice splits the same <title> and og:title several times over.
  if (title.length > FOLD_MEMO_MAX_CHARS || (siteName !== null && siteName.length > FOLD_MEMO_MAX_CHARS)) return splitUncached(title, siteName);
  if (splitMemoEntries >= FOLD_MEMO_MAX) {
    splitMemo.clear();
    splitMemoEntries = 0;
  }
  let bySite = splitMemo.get(siteName);
  if (bySite === undefined) splitMemo.set(siteName, (bySite = new Map()));
  let split = bySite.get(title);
  if (split === undefined) {
    split = splitUncached(title, siteName);
    bySite.set(title, split);
    splitMemoEntries++;
  }
  return { headline: split.headline, site: split.site };
}

/** Splits by site name, then title; cleared, like the fold memo, once it holds that many. */
const splitMemo = new Map<string | null, Map<string, Split>>();
let splitMemoEntries = 0;

function splitUncached(title: string, siteName: string | null): Split {
  const text = title.replace(/\s+/g, ' ').trim();
  // "Headline by www.example.com": a credit to a host name is the site's signature.
  const byHost = BY_HOST_SUFFIX.exec(text);
  if (byHost !== null && byHost.index > 0 && wordCount(text.slice(0, byHost.index)) >= MIN_HEADLINE_WORDS) {
    return { headline: text.slice(0, byHost.index), site: byHost[1] ?? null };
  }
  const site = siteName === null ? null : foldTitle(siteName);
  // Strong separators ("|", "::", "»", "•") never sit inside a headline: with several, the longest part is the headline.
  const strong = splitOn(text, STRONG_TITLE_SEPARATORS);
  if (strong.length > 2) {
    const longest = strong.reduce((best, part) => (wordCount(part) > wordCount(best) ? part : best));
    if (wordCount(longest) >= MIN_HEADLINE_WORDS) {
      const rest = strong.filter((p) => p !== longest);
      return { headline: splitSiteName(longest, siteName).headline, site: rest[rest.length - 1] ?? null };
    }
  }
  const last = lastSeparator(text);
  const first = firstSeparator(text);
  if (last === null || first === null) return splitCjkSuffix(text);
  const tail = text.slice(last.at + last.length).trim();
  const head = text.slice(0, last.at).trim();
  const lead = text.slice(0, first.at).trim();
  const rest = text.slice(first.at + first.length).trim();
  if (site !== null) {
    if ((namesSite(tail, site) || opensSiteName(tail, site)) && head.length > 0) return { headline: head, site: tail };
    if (namesSite(lead, site) && rest.length > 0) return { headline: rest, site: lead };
  }
  if (wordCount(tail) <= MAX_SITE_SUFFIX_WORDS && wordCount(head) >= MIN_HEADLINE_WORDS) return { headline: head, site: tail };
  return { headline: text, site: null };
}

/** " by www.example.com" closing a title. */
const BY_HOST_SUFFIX = / by ((?:www\.)?[\p{L}\p{N}-]+\.[a-z]{2,6}(?:\.[a-z]{2})?)$/iu;

/** Letters and digits only: "Mindmegette.hu" and "mindmegette hu" name the same site. */
const compactTitle = (text: string): string => foldTitle(text).replace(/[^\p{L}\p{N}]+/gu, '');

/** Whether a title part is the site's name, up to case, accents, spaces and punctuation ("Mindmegette.hu"). */
function namesSite(part: string, foldedSite: string): boolean {
  const p = compactTitle(part);
  return p.length > 0 && p === compactTitle(foldedSite);
}

/** Whether a title's last part is the short form that opens a longer declared name ("AOC media" of "AOC media - Analyse Opinion Critique"). */
function opensSiteName(part: string, foldedSite: string): boolean {
  const p = foldTitle(part);
  return p.length > 0 && p.length < foldedSite.length && TITLE_SEPARATORS.some((sep) => foldedSite.startsWith(p + sep.trimEnd()));
}

/** Separators that are never part of a headline's own punctuation. */
const STRONG_TITLE_SEPARATORS = [' | ', ' :: ', ' » ', ' « ', ' • ', ' · ', ' ~ '];

function splitOn(text: string, separators: readonly string[]): string[] {
  let parts = [text];
  // Most titles hold one separator or none: the others cost a search, not a split of every part.
  for (const sep of separators) if (text.includes(sep)) parts = parts.flatMap((p) => p.split(sep));
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

/** Chinese and Japanese titles glue the site on without spaces: "标题-新华网", "見出し｜サイト". */
const CJK_SUFFIX = /^(.{4,}[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}！？」）])[-_|｜—](\S{1,12})$/u;

function splitCjkSuffix(text: string): Split {
  const m = CJK_SUFFIX.exec(text);
  if (m === null || m[1] === undefined || m[2] === undefined) return { headline: text, site: null };
  return { headline: m[1], site: m[2] };
}

/** A declared headline loses a suffix or prefix only when that part is the site's own name: it is meant as the headline. */
function stripKnownSite(title: string, siteName: string | null): string {
  if (siteName === null) return title;
  const split = splitSiteName(title, siteName);
  return split.site !== null && namesSite(split.site, foldTitle(siteName)) ? split.headline : title;
}

export interface TitleInputs {
  jsonLdHeadline: string | null;
  /** `og:title`, `twitter:title`, `dc.title`…, most trusted first. */
  metaTitles: { value: string; source: MetadataSource }[];
  titleTag: string | null;
  h1: readonly string[];
  siteName: string | null;
  /** Short blocks printed near the body's start (headings first), closest first: where the visible headline sits. */
  visible?: readonly string[];
  /** The headings among them, closest first. */
  visibleHeadings?: readonly string[];
  /** The kicker element's text inside the first `<h1>`, when it has one. */
  h1Kicker?: string | null;
}

export interface TitleChoice {
  title: string;
  source: MetadataSource;
}

const sameTitle = (a: string, b: string): boolean => foldTitle(a) === foldTitle(b);

const titleTokens = (text: string): Set<string> => new Set(foldTitle(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean));

/** Share of `a`'s words that also occur in `b`. */
function tokenOverlap(a: string, b: string): number {
  const left = titleTokens(a);
  if (left.size === 0) return 0;
  const right = titleTokens(b);
  let shared = 0;
  for (const t of left) if (right.has(t)) shared++;
  return shared / left.size;
}

/** Whether `part` appears in `whole` between separators or the ends ("Section | Headline | Site"). */
function isSegmentOf(part: string, whole: string): boolean {
  const p = foldTitle(part);
  const w = foldTitle(whole);
  const at = w.indexOf(p);
  if (p.length === 0 || at === -1) return false;
  const before = w.slice(0, at);
  const after = w.slice(at + p.length);
  const boundedBefore = at === 0 || TITLE_SEPARATORS.some((sep) => before.endsWith(sep.trimEnd() + ' ') || before.endsWith(sep));
  const boundedAfter = after.length === 0 || TITLE_SEPARATORS.some((sep) => after.startsWith(sep) || after.startsWith(' ' + sep.trimStart()));
  return boundedBefore && boundedAfter;
}

/** An h1 that shares this share of its words with the page's declared title is the same headline, maybe reworded. */
const MIN_H1_OVERLAP = 0.5;

/**
 * Picks the headline among the page's title sources. The visible `<h1>` wins when the declared titles
 * (`<title>`, `og:title`, JSON-LD) confirm it; a declared title wins when the h1 is that title with a
 * kicker glued on ("Local News | Headline").
 */
export function chooseTitle(inputs: TitleInputs): TitleChoice | null {
  const siteName = inputs.siteName;
  const rawDeclared = [...inputs.metaTitles.map((m) => m.value), ...(inputs.titleTag === null ? [] : [inputs.titleTag])];
  // The site's name, and whatever a declared title carries as its site suffix ("Headline · V8").
  const brands = new Set(
    [siteName, ...rawDeclared.map((d) => splitSiteName(d, siteName).site)].filter((b): b is string => b !== null).map((b) => foldTitle(b)),
  );
  // A <title> part that is a host name ("edmontonsun.com") names the site: so does its spelled-out form ("Edmonton Sun").
  const hostStems = new Set(rawDeclared.flatMap((d) => (d.includes('.') ? splitOn(d, TITLE_SEPARATORS) : [])).map(hostStem).filter((h): h is string => h !== null));
  const isBrand = (text: string): boolean => brands.has(foldTitle(text)) || (hostStems.size > 0 && hostStems.has(compactTitle(text)));
  const declared: TitleChoice[] = [];
  if (inputs.jsonLdHeadline !== null) declared.push({ title: stripKnownSite(inputs.jsonLdHeadline, siteName), source: 'json-ld' });
  // A social-card title rarely carries the site's name: its tail is cut only when it names the site (as the
  // <title> does), not because it is short ("Headline – so geht's!").
  const titleTagSite = inputs.titleTag === null ? null : splitSiteName(inputs.titleTag, siteName).site;
  const cutForms: TitleChoice[] = [];
  const knownSites = [siteName, titleTagSite].filter((b): b is string => b !== null).map((b) => foldTitle(b));
  for (const m of inputs.metaTitles) {
    const split = splitSiteName(m.value, siteName);
    const named = split.site !== null && knownSites.some((k) => namesSite(split.site ?? '', k) || opensSiteName(split.site ?? '', k));
    declared.push({ title: named ? split.headline : m.value.replace(/\s+/g, ' ').trim(), source: m.source });
    // The cut form stays a candidate behind it: an h1 may print the headline with its kicker the other way round.
    if (!named && split.site !== null) cutForms.push({ title: split.headline, source: m.source });
  }
  if (inputs.titleTag !== null) declared.push({ title: splitSiteName(inputs.titleTag, siteName).headline, source: 'title-tag' });
  declared.push(...cutForms);
  const usable = declared.filter((c) => c.title.length > 0 && !isBrand(c.title));

  // Pages with several h1s use them for logos and teasers: only a lone h1 is trusted on its own.
  const h1 = withoutKicker(inputs.h1[0], inputs.h1Kicker ?? null);
  const loneH1 = inputs.h1.length === 1;
  if (h1 !== undefined && h1.length > 0 && !isBrand(h1)) {
    // An h1 may carry the site suffix too ("Headline | SITE.NET"): strip it when the suffix is a known brand.
    const h1Split = splitSiteName(h1, siteName);
    const h1Clean = h1Split.site !== null && siteName !== null && sameTitle(h1Split.site, siteName) ? h1Split.headline : h1;
    const heading: TitleChoice = { title: h1Clean, source: 'heading' };
    if (usable.some((c) => sameTitle(c.title, h1))) return heading;
    // The h1 is a declared title plus a kicker or a date: the declared title is the headline.
    const inside = usable.find((c) => foldTitle(h1).length > foldTitle(c.title).length && foldTitle(h1).endsWith(foldTitle(c.title)) && wordCount(c.title) >= 2);
    if (inside !== undefined) return inside;
    if (rawDeclared.some((d) => isSegmentOf(h1, d))) {
      // A blog prints its name in the h1 above every post; the post's own title, another part of the <title>, is printed nearer the body.
      const nearer = usable.find(
        (c) => !foldTitle(c.title).includes(foldTitle(h1)) && wordCount(c.title) > wordCount(h1) && (inputs.visible ?? []).some((v) => sameTitle(v, c.title)),
      );
      if (nearer !== undefined) return nearer;
      // The h1 is a section or blog name when the heading right above the body is another part of the <title>
      // ("Headline - Football - Fox Sports" over an h1 "Football"), or when the <title> is nothing but the site's
      // name and the h1 ("wjz.com - Local Sports Wire"): that heading is the headline.
      const nearest = inputs.visibleHeadings?.[0];
      const parts = inputs.titleTag === null ? [] : splitOn(inputs.titleTag.replace(/\s+/g, ' ').trim(), TITLE_SEPARATORS);
      const onlySiteAndH1 = parts.length >= 2 && parts.every((p) => sameTitle(p, h1) || isBrand(p) || hostStem(p) !== null);
      const nearestIsPart = nearest !== undefined && parts.some((p) => sameTitle(p, nearest));
      if ((onlySiteAndH1 || nearestIsPart) && nearest !== undefined && !sameTitle(nearest, h1) && !isBrand(nearest) && letterWords(nearest) >= MIN_VISIBLE_PART_WORDS) {
        return { title: nearest.replace(/\s+/g, ' ').trim(), source: 'heading' };
      }
      return heading;
    }
    const prefixOf = usable.some((c) => {
      const f = foldTitle(c.title);
      const h = foldTitle(h1);
      return f.startsWith(h) && h.length >= MIN_PREFIX_SHARE * f.length && wordCount(h1) >= 2;
    });
    if (prefixOf) return heading;
    // Both ways, so that a blog name that opens every <title> ("Blog Name: Headline") is not taken for the headline.
    if (loneH1 && usable.some((c) => Math.min(tokenOverlap(h1, c.title), tokenOverlap(c.title, h1)) >= MIN_H1_OVERLAP)) return heading;
  }
  const first = usable[0];
  // A <title> made of site parts that shares no word with the h1 printed right at the body's start is the
  // site's own title ("Google - Site Reliability Engineering" over a book chapter): the h1 is the headline.
  const nearest = inputs.visible?.[0];
  const siteLikeTag = inputs.titleTag !== null && TITLE_SEPARATORS.some((sep) => inputs.titleTag?.includes(sep));
  if (first?.source === 'title-tag' && siteLikeTag && h1 !== undefined && nearest !== undefined && sameTitle(nearest, h1) && !isBrand(h1) && letterWords(h1) >= MIN_VISIBLE_PART_WORDS && tokenOverlap(h1, first.title) === 0) {
    return { title: h1, source: 'heading' };
  }
  if (first !== undefined) {
    // The split's guess at the site suffix is no brand here: the part printed above the body overrules it.
    const isSiteName = (text: string): boolean => (siteName !== null && sameTitle(text, siteName)) || hostStems.has(compactTitle(text));
    return visiblePart(first, rawDeclared, inputs.visible ?? [], isBrand) ?? visibleTitleSegment(first, inputs.titleTag, inputs.visible ?? [], isSiteName) ?? first;
  }
  return h1 !== undefined && h1.length > 0 && !isBrand(h1) ? { title: h1, source: 'heading' } : null;
}

/** A host name as a title part: "edmontonsun.com", "www.dailyrecord.com", "Mindmegette.hu". */
const HOST_NAME = /^(?:www\.)?([\p{L}\p{N}-]+)\.[a-z]{2,6}(?:\.[a-z]{2})?$/iu;

/** The name of a host-name title part without `www.` and its domain ending, letters and digits only. */
function hostStem(part: string): string | null {
  const m = HOST_NAME.exec(part.trim());
  return m === null || m[1] === undefined ? null : compactTitle(m[1]);
}

/** Punctuation between a kicker and the headline in one h1 ("Klimaschutz: Bohren…"). */
const KICKER_JOINT = /^[\s:|–—.-]+/u;

/** The h1 without the kicker element it opens with, when a headline of two words or more is left. */
function withoutKicker(h1: string | undefined, kicker: string | null): string | undefined {
  if (h1 === undefined || kicker === null) return h1;
  const k = kicker.replace(/\s+/g, ' ').trim();
  if (k.length === 0 || !h1.startsWith(k)) return h1;
  const rest = h1.slice(k.length).replace(KICKER_JOINT, '').trim();
  return wordCount(rest) >= 2 ? rest : h1;
}

/** The text of a visible line without a date printed after the headline on the same line ("Headline 28/12/2007 11:27"). */
function withoutTrailingDate(text: string): string | null {
  const date = findDatesInText(text, { now: FAR_FUTURE, monthFirst: false }, 1)[0];
  if (date === undefined || date.at === 0) return null;
  // Trimmed by a loop, not a `[…]+$` regex, which backtracks quadratically on long runs.
  let end = date.at;
  while (end > 0 && DATE_JOINT_CHARS.has(text.charAt(end - 1))) end--;
  const head = text.slice(0, end).trim();
  return head.length > 0 ? head : null;
}

/** What joins a headline to the date after it: spaces, commas, colons, bars and dashes. */
const DATE_JOINT_CHARS = new Set([...' \t\n\r\u00a0,:|–—-']);

/** "Headline By Jane Doe": a credit opening ("By" and a capitalised word) glued after the headline. */
const TRAILING_CREDIT = / [Bb]y \p{Lu}/u;

function withoutTrailingCredit(text: string): string | null {
  const m = TRAILING_CREDIT.exec(text);
  return m === null || m.index === 0 ? null : text.slice(0, m.index).trim();
}

/** Dates are only located here, not judged: any date counts. */
const FAR_FUTURE = new Date(Date.UTC(2200, 0, 1));

/**
 * "Site - Section - Headline", "Site - Slogan - Headline": where the split at separators took the wrong part,
 * the part of the `<title>` printed as a line just above the body is the headline.
 */
function visibleTitleSegment(chosen: TitleChoice, titleTag: string | null, visible: readonly string[], isSiteName: (text: string) => boolean): TitleChoice | null {
  if (titleTag === null || chosen.source !== 'title-tag') return null;
  if (visible.some((v) => sameTitle(v, chosen.title))) return null;
  const segments = splitOn(titleTag.replace(/\s+/g, ' ').trim(), TITLE_SEPARATORS);
  if (segments.length < 2) return null;
  for (const text of visible) {
    const clean = text.replace(/\s+/g, ' ').trim();
    if (letterWords(clean) < MIN_VISIBLE_PART_WORDS || isSiteName(clean) || sameTitle(clean, chosen.title)) continue;
    const segment = segments.find((s) => sameTitle(s, clean));
    if (segment !== undefined) return { title: clean, source: 'heading' };
  }
  return null;
}

const letterWords = (text: string): number => (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;

/** A visible part of a declared title must have this many words of letters or digits: shorter parts are section labels ("Science & Environment"). */
const MIN_VISIBLE_PART_WORDS = 3;

/**
 * Whether `part` opens or closes `whole`, or sits between separators in it: "Headline" in
 * "Headline - The Daily Ledger, Springfield's paper" or in "Ledger.com: Headline".
 */
function isVisiblePartOf(part: string, whole: string): boolean {
  const p = foldTitle(part);
  const w = foldTitle(whole);
  if (p.length === 0 || p.length >= w.length) return false;
  if (isSegmentOf(part, whole)) return true;
  // Cut at a word boundary, next to punctuation: the rest is the site's name or a section, not more headline.
  if (w.startsWith(p)) return /^\s*[^\p{L}\p{N}\s'"]/u.test(w.slice(p.length));
  if (w.endsWith(p)) return /[^\p{L}\p{N}\s'"]\s*$/u.test(w.slice(0, w.length - p.length));
  return false;
}

/**
 * A declared title (the `<title>` above all) often carries the site's name, a section or a slogan
 * that the split at separators cannot tell from the headline. The text printed above the article is
 * the headline without them: when a visible block near the body's start is one part of the declared
 * title, that part is the headline.
 */
function visiblePart(chosen: TitleChoice, rawDeclared: readonly string[], visible: readonly string[], isBrand: (text: string) => boolean): TitleChoice | null {
  if (chosen.source === 'json-ld') return null;
  const chosenFolded = foldTitle(chosen.title);
  const wholes = [chosen.title, ...rawDeclared.filter((d) => foldTitle(d).includes(chosenFolded))];
  for (const text of visible) {
    const whole = text.replace(/\s+/g, ' ').trim();
    // The line may carry the date or the byline after the headline ("Headline 28/12/2007 11:27 - (SA)", "Headline By Jane Doe").
    const glued = chosenFolded.includes(foldTitle(whole)) ? [] : [withoutTrailingDate(whole), withoutTrailingCredit(whole)];
    for (const clean of [whole, ...glued]) {
      if (clean === null || letterWords(clean) < MIN_VISIBLE_PART_WORDS || isBrand(clean)) continue;
      // Only a part of the chosen title: the other parts of the <title> are the site's name or a section.
      const folded = foldTitle(clean);
      if (folded === chosenFolded) return null;
      if (!chosenFolded.includes(folded)) continue;
      if (wholes.some((w) => isVisiblePartOf(clean, w))) return { title: clean, source: 'heading' };
    }
  }
  return null;
}
