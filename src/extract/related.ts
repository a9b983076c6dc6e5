/**
 * Related links as data: the teaser blocks the selector dropped as `related` (lists, cards,
 * "Most read" rails, inline "Read more: …" links) become `{ title, url, excerpt, section, position }`.
 */
import type { RelatedLink } from '../types.js';
import type { Block, Segmented, Verdict } from './block.js';
import { relatedFromText } from './related-text.js';
import { resolveUrl, samePage, trimEnd } from './url.js';

/** A teaser title has a few words; menu items ("World", "Sign in") do not. */
const MIN_TITLE_WORDS = 3;

/** Excerpts are short blurbs; a long block after a teaser is something else. */
const MAX_EXCERPT_CHARS = 400;

/** A section label is a short line (a heading or a phrase such as "Related"). */
const MAX_SECTION_CHARS = 80;

function wordCount(s: string): number {
  return s.split(/\s+/).filter((w) => w.length > 0).length;
}

function excerptAfter(blocks: readonly Block[], verdicts: readonly Verdict[], i: number): string | null {
  const next = blocks[i + 1];
  const v = verdicts[i + 1];
  if (next === undefined || v === undefined || v.kept) return null;
  // A card link wraps title and blurb alike: the blurb's only link is the teaser's own.
  const ownLinkOnly = next.links.every((l) => l.href === blocks[i]!.links[0]?.href);
  if (!ownLinkOnly || next.kind === 'heading' || next.text.length > MAX_EXCERPT_CHARS) return null;
  if (v.label !== 'related' && v.label !== 'other') return null;
  return next.text;
}

export function collectRelated(seg: Segmented, verdicts: readonly Verdict[], pageUrl: string | null): RelatedLink[] {
  if (seg.format === 'text') {
    // A text page may print its own address among the teasers.
    const own = pageUrl;
    const links = relatedFromText(seg).filter((l) => own === null || l.url === null || !samePage(l.url, own));
    return links.map((l, position) => ({ ...l, position }));
  }
  const { blocks } = seg;
  const out: RelatedLink[] = [];
  const seen = new Set<string>();
  let section: string | null = null;
  let sectionParent = -2;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const v = verdicts[i]!;
    if (v.label !== 'related' || v.kept) {
      if (v.kept) section = null;
      continue;
    }
    if (b.links.length === 0 || (i > 0 && blocks[i - 1]!.links.length === 1 && b.links.every((l) => l.href === blocks[i - 1]!.links[0]!.href))) {
      if (b.links.length > 0) continue;
      // A short linkless line inside a related box is its label ("Related", "More from Politics").
      if (b.text.length <= MAX_SECTION_CHARS && (b.kind === 'heading' || excerptAfter(blocks, verdicts, i - 1) !== b.text)) {
        section = trimEnd(b.text, ':').trimEnd();
        sectionParent = b.parent;
      }
      continue;
    }
    for (const link of b.links) {
      const url = resolveUrl(link.href, pageUrl);
      if (url === null || seen.has(url) || wordCount(link.text) < MIN_TITLE_WORDS) continue;
      if (pageUrl !== null && samePage(url, pageUrl)) continue;
      seen.add(url);
      const excerpt = b.links.length === 1 ? excerptAfter(blocks, verdicts, i) : null;
      out.push({ title: link.text, url, excerpt, section: sectionParent === -2 ? null : section, position: out.length });
    }
  }
  return out;
}
