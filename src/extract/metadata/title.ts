/**
 * The headline: the `<title>` without its site-name suffix, confirmed by the `<h1>` or `og:title`
 * when they agree with it; never a brand-only `og:title`.
 */
import type { MetadataSource } from '../../types.js';
import { TITLE_SEPARATORS } from '../../rules/meta-names.js';

/** The part left after removing a site suffix must have at least this many words to be a headline. */
const MIN_HEADLINE_WORDS = 3;
/** A suffix longer than this many words is part of the headline, not a site name. */
const MAX_SITE_SUFFIX_WORDS = 5;
/** A candidate that is only a prefix of the `<title>` must cover this share of the stripped title to confirm it. */
const MIN_PREFIX_SHARE = 0.6;

const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/** Case-, diacritic-, quote- and whitespace-insensitive form, for comparing titles. */
export function foldTitle(text: string): string {
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
  const text = title.replace(/\s+/g, ' ').trim();
  const site = siteName === null ? null : foldTitle(siteName);
  const last = lastSeparator(text);
  const first = firstSeparator(text);
  if (last === null || first === null) return { headline: text, site: null };
  const tail = text.slice(last.at + last.length).trim();
  const head = text.slice(0, last.at).trim();
  const lead = text.slice(0, first.at).trim();
  const rest = text.slice(first.at + first.length).trim();
  if (site !== null) {
    if (foldTitle(tail) === site && head.length > 0) return { headline: head, site: tail };
    if (foldTitle(lead) === site && rest.length > 0) return { headline: rest, site: lead };
  }
  if (wordCount(tail) <= MAX_SITE_SUFFIX_WORDS && wordCount(head) >= MIN_HEADLINE_WORDS) return { headline: head, site: tail };
  return { headline: text, site: null };
}

export interface TitleInputs {
  jsonLdHeadline: string | null;
  /** `og:title`, `twitter:title`, `dc.title`…, most trusted first. */
  metaTitles: { value: string; source: MetadataSource }[];
  titleTag: string | null;
  h1: readonly string[];
  siteName: string | null;
}

export interface TitleChoice {
  title: string;
  source: MetadataSource;
}

const sameTitle = (a: string, b: string): boolean => foldTitle(a) === foldTitle(b);

/** Picks the headline among the page's title sources. */
export function chooseTitle(inputs: TitleInputs): TitleChoice | null {
  const siteName = inputs.siteName;
  const isBrand = (text: string): boolean => siteName !== null && sameTitle(text, siteName);
  const candidates: TitleChoice[] = [];
  if (inputs.jsonLdHeadline !== null) candidates.push({ title: inputs.jsonLdHeadline, source: 'json-ld' });
  for (const m of inputs.metaTitles) candidates.push({ title: m.value, source: m.source });
  // Pages with several h1s use them for logos and teasers; only the first two are worth trying.
  for (const h of inputs.h1.slice(0, 2)) candidates.push({ title: h, source: 'heading' });
  const usable = candidates.filter((c) => c.title.length > 0 && !isBrand(c.title));

  if (inputs.titleTag !== null) {
    const stripped = splitSiteName(inputs.titleTag, siteName).headline;
    // A source that equals the stripped <title> confirms it: prefer its own spelling (the h1 keeps its quotes).
    const exact = usable.find((c) => sameTitle(c.title, stripped));
    if (exact !== undefined && !isBrand(stripped)) return exact;
    // A source the <title> starts with ("Headline - Section - Site" vs h1 "Headline").
    const foldedTag = foldTitle(inputs.titleTag);
    const prefix = usable.find((c) => {
      const f = foldTitle(c.title);
      return foldedTag.startsWith(f) && f.length >= MIN_PREFIX_SHARE * foldTitle(stripped).length && wordCount(c.title) >= 2;
    });
    if (prefix !== undefined) return prefix;
  }
  for (const c of usable) {
    if (c.source === 'heading') continue;
    const headline = splitSiteName(c.title, siteName).headline;
    if (!isBrand(headline)) return { title: headline, source: c.source };
  }
  if (inputs.titleTag !== null) {
    const headline = splitSiteName(inputs.titleTag, siteName).headline;
    if (headline.length > 0 && !isBrand(headline)) return { title: headline, source: 'title-tag' };
  }
  const h1 = usable.find((c) => c.source === 'heading');
  return h1 ?? null;
}
