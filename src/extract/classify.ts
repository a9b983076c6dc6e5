/**
 * Context-free verdict per block (jusText's first pass): prose, short, or boilerplate by phrase or
 * by link density, and the weight the block lends to the containers around it.
 */
import type { BlockLabel } from '../types.js';
import type { Block } from './block.js';
import type { Features } from './features.js';
import { hasSpacePieces } from './chars.js';
import { PHRASE_GROUPS, type PhraseGroup } from '../rules/patterns.js';
import { leafBranches, requiredLiteral } from '../rules/text-patterns.js';
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

/** A gate's literal must be this long: a letter or two would open it on nearly every block. */
const GATE_MIN_CHARS = 3;

/**
 * The phrase test of one length step, split three ways; together they answer as one alternation of every group
 * tested at that length (same flags, no backreferences). Blocks no phrase matches (nearly all) cost the anchored
 * branches, tried at the block's start only, and one scan for the gate's literals; the unanchored branches, tried
 * at every position, run only where some literal shows.
 */
interface PhraseStep {
  /** The branches tied to the block's start (`^…`), as one alternation; null for none. */
  anchored: RegExp | null;
  /** The other branches, as one alternation; null for none. */
  unanchored: RegExp | null;
  /** The unanchored branches' literals, one alternation: a block holding none of them matches no such branch. Null when some branch has no literal. */
  gate: RegExp | null;
}

function phraseStep(groups: readonly PhraseGroup[]): PhraseStep {
  const flags = groups[0]?.pattern.flags ?? '';
  const anchored: string[] = [];
  const unanchored: string[] = [];
  const literals = new Set<string>();
  let gated = true;
  for (const g of groups) {
    if (g.pattern.flags !== flags || /[gy]/u.test(flags) || /\\(?:[1-9]|k<)/u.test(g.pattern.source)) {
      throw new Error(`classify: phrase group "${g.why}" cannot join the combined pattern (flags or backreferences)`);
    }
    // A source the splitter cannot read (or will not: the `v` flag) stays one branch: tried everywhere, with no
    // literal, it leaves the step ungated.
    for (const branch of leafBranches(g.pattern.source, flags) ?? [`(?:${g.pattern.source})`]) {
      if (branch.startsWith('^')) {
        anchored.push(branch);
        continue;
      }
      unanchored.push(branch);
      const literal = requiredLiteral(branch, flags);
      if (literal.length >= GATE_MIN_CHARS) literals.add(literal);
      else gated = false;
    }
  }
  // Branches are joined bare (`|` binds loosest, and each branch holds none at its top level): V8 scans a bare
  // alternation faster than the same branches each in a group, most of all when they are literals.
  const alternation = (parts: readonly string[]): RegExp | null => (parts.length === 0 ? null : new RegExp(parts.join('|'), flags));
  // A literal holding another adds nothing to the gate.
  const kept = [...literals].filter((l) => ![...literals].some((other) => other !== l && l.includes(other)));
  const gate = gated ? alternation(kept.map((l) => l.replace(/[\\^$.*+?()[\]{}|/]/gu, '\\$&'))) : null;
  return { anchored: alternation(anchored), unanchored: alternation(unanchored), gate };
}

/** Per length step, the phrase test of every group that tests blocks that long. */
const PHRASE_STEPS: readonly PhraseStep[] = PHRASE_LENGTH_STEPS.map((step) => phraseStep(PHRASE_GROUPS.filter((g) => g.maxChars >= step)));

/** Whether some phrase group tested at this length could match: false rules the block out for all of them. */
export function mayHavePhrase(text: string): boolean {
  let step = 0;
  while (step < PHRASE_LENGTH_STEPS.length && PHRASE_LENGTH_STEPS[step]! < text.length) step++;
  const test = PHRASE_STEPS[step];
  if (test === undefined) return false;
  if (test.anchored !== null && test.anchored.test(text)) return true;
  return test.unanchored !== null && (test.gate === null || test.gate.test(text)) && test.unanchored.test(text);
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
