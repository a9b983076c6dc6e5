/**
 * Teasers from text pages as data. The text segmenter hints every block under a "Related
 * Articles"-style label as `related`; here those runs become {@link RelatedLink}s: a title line,
 * optionally followed by its excerpt ("… Read more", "… 4 min read", "… Weiterlesen"). Inline
 * teasers ("READ MORE: Title") give a link without a section. Pure.
 */
import type { RelatedLink } from '../types.js';
import type { Block, Segmented } from './block.js';
import { spaceSeparatedWords as wordCount } from './chars.js';
import { INLINE_RELATED_PREFIX, MIN_READ_TAIL, PRINTED_URL, READ_MORE_TAIL, TRUNCATION_TAIL } from '../rules/text-patterns.js';

/** Why: a teaser title is a headline; a longer block is an excerpt or prose. */
const TITLE_MAX_WORDS = 30;
/** Why: an excerpt says more than its title; a block this short after a title is the next title. */
const EXCERPT_MIN_WORDS = 8;
/** Why: one or two capitalised words in a teaser list are a kicker ("POLITICS"), not a title. */
const KICKER_MAX_WORDS = 2;

/** The excerpt without its "Read more" / "min read" tail (a trailing "..." is kept as given); null when a tail was all there was. */
function stripTail(text: string): { text: string; hadTail: boolean } {
  let stripped = text.replace(READ_MORE_TAIL, '');
  if (stripped === text) stripped = text.replace(MIN_READ_TAIL, '');
  return { text: stripped.trimEnd(), hadTail: stripped !== text };
}

function isKicker(text: string): boolean {
  // Capitals only, so a title in a caseless script (Chinese, Arabic) is no kicker.
  return wordCount(text) <= KICKER_MAX_WORDS && /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);
}

/** A URL the block prints, or one its link points to when the link covers the block's start. */
function urlOf(block: Block): { url: string | null; text: string } {
  const printed = PRINTED_URL.exec(block.text);
  if (printed?.[1] !== undefined) {
    return { url: printed[1], text: block.text.slice(0, printed.index).trimEnd() };
  }
  const first = block.links[0];
  if (first !== undefined && block.text.startsWith(first.text)) return { url: first.href, text: block.text };
  return { url: null, text: block.text };
}

/** Why: a label's trailing colon or arrow is decoration, not part of it. */
const LABEL_DECORATION = new Set([':', '»', '›', '>', ' ']);

function labelText(block: Block): string {
  let end = block.text.length;
  while (end > 0 && LABEL_DECORATION.has(block.text.charAt(end - 1))) end--;
  return block.text.slice(0, end);
}

/** The hint token of the text segmenter's unlabelled "Read more" teaser cards. */
const READ_MORE_CARDS_TOKEN = 'text:read-more-cards';

/** The related links of a text page, in page order. */
export function relatedFromText(segmented: Segmented): RelatedLink[] {
  const links: RelatedLink[] = [];
  let section: string | null = null;
  let pending: { title: string; url: string | null; section: string | null } | null = null;

  const flush = (excerpt: string | null): void => {
    if (pending === null) return;
    links.push({ title: pending.title, url: pending.url, excerpt, section: pending.section, position: links.length });
    pending = null;
  };

  for (const block of segmented.blocks) {
    if (block.hint !== 'related') continue;
    if (block.hintToken === 'text:related-label') {
      flush(null);
      section = labelText(block);
      continue;
    }
    if (block.hintToken === 'text:related-inline') {
      flush(null);
      const inline = INLINE_RELATED_PREFIX.exec(block.text);
      const rest = inline?.[1];
      if (rest !== undefined) {
        const printed = PRINTED_URL.exec(rest);
        const title = printed?.[1] !== undefined ? rest.slice(0, printed.index).trimEnd() : rest;
        links.push({ title, url: printed?.[1] ?? block.links[0]?.href ?? null, excerpt: null, section: null, position: links.length });
      }
      continue;
    }
    // Unlabelled teaser cards, each over its own "Read more", are read like a labelled list without a section name.
    const card = block.hintToken === READ_MORE_CARDS_TOKEN;
    if (!card && !block.hintToken?.startsWith('text:related-under:')) continue;

    // A URL alone on a line belongs to the title above it.
    const bareUrl = /^https?:\/\/\S+$/u.test(block.text.trim());
    if (bareUrl) {
      if (pending !== null && pending.url === null) pending.url = block.text.trim();
      continue;
    }
    const { text: tailless, hadTail } = stripTail(block.text);
    const words = wordCount(tailless);
    if (hadTail && words === 0) continue; // a "Read more" line on its own
    if (isKicker(tailless)) continue;

    const looksLikeExcerpt = hadTail || TRUNCATION_TAIL.test(tailless) || /[.!?]["'”’)]?$/u.test(tailless) || words > TITLE_MAX_WORDS;
    if (pending !== null && looksLikeExcerpt && words >= EXCERPT_MIN_WORDS) {
      flush(tailless);
      continue;
    }
    if (words > TITLE_MAX_WORDS) continue; // an excerpt whose title we did not see
    flush(null);
    const { url, text } = urlOf({ ...block, text: tailless });
    pending = { title: text, url, section: card ? null : section };
  }
  flush(null);
  return links;
}
