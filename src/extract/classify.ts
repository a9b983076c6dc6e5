/**
 * Context-free verdict per block (jusText's first pass): prose, short, or boilerplate by phrase or
 * by link density, and the weight the block lends to the containers around it.
 */
import type { BlockLabel } from '../types.js';
import type { Block } from './block.js';
import type { Features } from './features.js';
import { hasSpacePieces } from './chars.js';
import { PHRASE_GROUPS } from '../rules/patterns.js';
import {
  BAD_LINK_DENSITY,
  BAD_LINK_DENSITY_LONG,
  GOOD_MAX_LINK_DENSITY,
  GOOD_MIN_WORDS,
  TEASER_MAX_CHARS,
} from '../rules/thresholds.js';

export type Quality = 'good' | 'short' | 'bad';

export interface Classified {
  quality: Quality;
  /** A boilerplate label when a phrase or link density decided; `null` otherwise. */
  label: BlockLabel | null;
  reason: string;
  /** What the block adds to the score of every container around it. */
  weight: number;
}

/** Long list items are prose too, but galleries and teaser grids are lists: they lend less weight. */
const LIST_ITEM_WEIGHT = 0.5;

/**
 * A run of a dozen words with no sentence end and almost no function words is a menu or tag line
 * ("Sport Home AFL Cricket Football…"), not prose. Calibrated on `readability`/`trafilatura-eval` (.05 and .1 tried).
 */
const MENU_MAX_STOPWORD_DENSITY = 0.05;

/** A short run of words is "long" enough that a high link density no longer means a menu item. */
const LONG_BLOCK_WORDS = 30;

/** Teaser titles are headlines of several words; menu items have one or two. */
const TEASER_TITLE_MIN_WORDS = 4;

/** An inline "READ MORE: <headline>" catcher inside the body: a related link, not body text. */
const INLINE_RELATED =
  /^(?:read more|read next|read also|also read|related|see also|more|watch|listen|lesen sie auch|mehr zum thema|auch interessant|lire aussi|à lire aussi|a lire aussi|voir aussi|lee también|leer más|te puede interesar|leia também|leia mais|veja também|leggi anche|leggi pure)\s?[:|»›]/i;

function teaserLinks(block: Block): boolean {
  return block.links.some((l) => hasSpacePieces(l.text, TEASER_TITLE_MIN_WORDS));
}

/** The distinct `maxChars` of the phrase groups, ascending: a block's length picks the groups it is tested against. */
const PHRASE_LENGTH_STEPS = [...new Set(PHRASE_GROUPS.map((g) => g.maxChars))].sort((a, b) => a - b);

/**
 * Per length step, every group that tests blocks that long, as one alternation: it matches exactly
 * when one of them does (same flags, no backreferences), so the blocks no phrase matches (nearly all)
 * take one regex scan instead of one per group.
 */
const ANY_PHRASE_UP_TO = PHRASE_LENGTH_STEPS.map((step) => {
  const groups = PHRASE_GROUPS.filter((g) => g.maxChars >= step);
  const flags = groups[0]?.pattern.flags ?? '';
  for (const g of groups) {
    if (g.pattern.flags !== flags || /[gy]/u.test(flags) || /\\(?:[1-9]|k<)/u.test(g.pattern.source)) {
      throw new Error(`classify: phrase group "${g.why}" cannot join the combined pattern (flags or backreferences)`);
    }
  }
  return new RegExp(groups.map((g) => `(?:${g.pattern.source})`).join('|'), flags);
});

/** Whether some phrase group tested at this length could match: false rules the block out for all of them. */
function mayHavePhrase(text: string): boolean {
  let step = 0;
  while (step < PHRASE_LENGTH_STEPS.length && PHRASE_LENGTH_STEPS[step]! < text.length) step++;
  const combined = ANY_PHRASE_UP_TO[step];
  return combined !== undefined && combined.test(text);
}

function phraseLabel(text: string): { label: BlockLabel; why: string } | null {
  if (!mayHavePhrase(text)) return null;
  for (const group of PHRASE_GROUPS) {
    if (text.length <= group.maxChars && group.pattern.test(text)) return { label: group.label, why: group.label };
  }
  return null;
}

export function classifyBlock(block: Block, f: Features): Classified {
  if (block.kind === 'figure') return { quality: 'short', label: null, reason: 'figure', weight: 0 };
  const linkPenalty = -block.linkChars;
  const phrase = phraseLabel(block.text);
  if (phrase !== null) {
    return { quality: 'bad', label: phrase.label, reason: `phrase:${phrase.why}`, weight: linkPenalty - f.chars * 0.5 };
  }
  if (block.kind === 'heading') return { quality: 'short', label: null, reason: 'heading', weight: linkPenalty };
  if (block.links.length > 0 && INLINE_RELATED.test(block.text) && teaserLinks(block)) {
    return { quality: 'bad', label: 'related', reason: 'phrase:inline-related', weight: linkPenalty };
  }
  const linkDense = f.words < LONG_BLOCK_WORDS ? f.linkDensity > BAD_LINK_DENSITY : f.linkDensity > BAD_LINK_DENSITY_LONG;
  if (linkDense) {
    return { quality: 'bad', label: teaserLinks(block) ? 'related' : 'navigation', reason: 'link-density', weight: linkPenalty };
  }
  if (f.ellipsis && f.chars < TEASER_MAX_CHARS) {
    return { quality: 'short', label: null, reason: 'teaser-excerpt', weight: linkPenalty };
  }
  if (block.kind === 'code') return { quality: 'good', label: null, reason: 'code', weight: f.chars * 0.5 };
  if (f.stopwordScript && !f.sentenceEnd && f.stopwordDensity < MENU_MAX_STOPWORD_DENSITY && f.words >= GOOD_MIN_WORDS) {
    return { quality: 'short', label: null, reason: 'no-sentence', weight: linkPenalty };
  }
  if (f.words >= GOOD_MIN_WORDS && f.linkDensity <= GOOD_MAX_LINK_DENSITY) {
    const weight = f.chars * (1 - f.linkDensity) + linkPenalty * 0.5;
    return { quality: 'good', label: null, reason: 'prose', weight: block.kind === 'list-item' ? weight * LIST_ITEM_WEIGHT : weight };
  }
  return { quality: 'short', label: null, reason: 'short', weight: linkPenalty };
}

export function classifyBlocks(blocks: readonly Block[], features: readonly Features[]): Classified[] {
  return blocks.map((b, i) => classifyBlock(b, features[i]!));
}
