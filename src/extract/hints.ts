/**
 * Reads an element's class, id, role and tag as a hint: a boilerplate label, a content hint, or nothing.
 * Pure: the per-page cache lives in the caller's closure, and short tokens' verdicts in a bounded memo shared by all pages.
 */
import type { HintLabel } from './block.js';
import { ShortKeyMemo } from './short-key-memo.js';
import {
  COMPONENT_NAMESPACES,
  CONTENT_HINT,
  HINT_GROUPS,
  ROLE_HINTS,
  SLUG_ROLE_SUFFIXES,
  SLUG_TOKEN_PREFIXES,
  TAG_HINTS,
  WEAK_HINT_TOKENS,
} from '../rules/selectors.js';

export interface ElementHint {
  label: HintLabel | null;
  token: string | null;
  positive: boolean;
  /** The hint word is generic (see WEAK_HINT_TOKENS): it condemns short blocks, not prose. */
  weak: boolean;
}

export const NO_HINT: ElementHint = Object.freeze({ label: null, token: null, positive: false, weak: false });

/** Splits `articleBody__text-main` into `article`, `body`, `text`, `main`. */
function tokenParts(token: string, lower: string): string[] {
  if (lower.length !== token.length || !ASCII_ONLY.test(token)) return tokenPartsSlow(token);
  // One pass over ASCII: cut at separators and before a capital that follows a small letter or digit.
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c === 45 /* - */ || c === 95 /* _ */ || c === 58 /* : */ || c === 46 /* . */ || c <= 32) {
      if (i > start) parts.push(lower.slice(start, i));
      start = i + 1;
    } else if (c >= 65 && c <= 90 && i > start) {
      const prev = token.charCodeAt(i - 1);
      if ((prev >= 97 && prev <= 122) || (prev >= 48 && prev <= 57)) {
        parts.push(lower.slice(start, i));
        start = i;
      }
    }
  }
  if (token.length > start) parts.push(lower.slice(start));
  return parts;
}

/** Tokens of printable ASCII take the one-pass split; others the regex one, which knows Unicode case and spaces. */
const ASCII_ONLY = /^[\x21-\x7e]*$/;

function tokenPartsSlow(token: string): string[] {
  return token
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[\s\-_:.]+/)
    .filter((p) => p.length > 0);
}

const CONTENT_PARTS: ReadonlySet<string> = new Set(CONTENT_HINT.parts);

/** One alternation per word list: a single regex scan instead of a hundred `includes` per token. */
function anyOf(words: readonly string[]): RegExp {
  if (words.length === 0) throw new Error('empty hint word group');
  return new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
}

const CONTENT_SUBSTRINGS = anyOf(CONTENT_HINT.substrings);
const GROUP_PARTS = HINT_GROUPS.map((g) => ({ group: g, parts: new Set(g.parts), substrings: g.substrings.length > 0 ? anyOf(g.substrings) : null }));
/** Every group's substrings in one scan: most tokens hold none, and then one test replaces one per group. */
const ANY_GROUP_SUBSTRING = anyOf(HINT_GROUPS.flatMap((g) => g.substrings));
/** Each part word → the first group that lists it (groups are tried in order). */
const PART_GROUP = new Map<string, number>();
HINT_GROUPS.forEach((g, i) => {
  for (const p of g.parts) if (!PART_GROUP.has(p)) PART_GROUP.set(p, i);
});

/** What one class or id token says, computed once per distinct token on a page. */
export interface TokenVerdict {
  positive: boolean;
  negative: { label: HintLabel; token: string } | null;
  parts: number;
}

/** The per-page memo of token verdicts: pages repeat the same few class names thousands of times. */
export type TokenCache = Map<string, TokenVerdict>;

function isSlugToken(lower: string): boolean {
  for (const prefix of SLUG_TOKEN_PREFIXES) {
    if (lower.startsWith(prefix)) return !SLUG_ROLE_SUFFIXES.has(lower.slice(prefix.length));
  }
  return false;
}

/** The token's parts without a CMS namespace's slot word (see {@link COMPONENT_NAMESPACES}). */
function namespaceSlotDropped(lower: string, parts: string[]): string[] {
  for (const ns of COMPONENT_NAMESPACES) {
    if (!lower.startsWith(ns.prefix)) continue;
    if (parts.some((p) => ns.keepWith.has(p))) return parts;
    return parts.filter((p) => !ns.slotWords.has(p));
  }
  return parts;
}

/** A content hint: a known body-container name, or two content words in one token (`story-text`). */
function positiveToken(lower: string, parts: readonly string[]): boolean {
  if (CONTENT_SUBSTRINGS.test(lower)) return true;
  // Two different content words; a token has a handful of parts, so the first one found is all we keep.
  let first: string | null = null;
  for (const p of parts) {
    if (!CONTENT_PARTS.has(p)) continue;
    if (first === null) first = p;
    else if (p !== first) return true;
  }
  return false;
}

function negativeToken(lower: string, parts: readonly string[]): { label: HintLabel; token: string } | null {
  if (!ANY_GROUP_SUBSTRING.test(lower)) {
    // No substring anywhere: the verdict is the earliest group among the parts, named by its first part.
    let best = HINT_GROUPS.length;
    let token: string | null = null;
    for (const p of parts) {
      const g = PART_GROUP.get(p);
      if (g !== undefined && g < best) {
        best = g;
        token = p;
      }
    }
    return token === null ? null : { label: HINT_GROUPS[best]!.label, token };
  }
  for (const { group, parts: groupParts, substrings } of GROUP_PARTS) {
    const m = substrings?.exec(lower);
    if (m !== null && m !== undefined) return { label: group.label, token: m[0] };
    for (const p of parts) {
      if (groupParts.has(p)) return { label: group.label, token: p };
    }
  }
  return null;
}

/**
 * The hint of one element from its attributes.
 * A content hint on the same element outweighs a boilerplate one (`post-content has-share-bar`).
 */
/** Ids of this many parts or more are slugs of a heading (`sharing-with-multiple-developers`), not roles. */
const SLUG_ID_MIN_PARTS = 4;

/** Verdicts of short tokens, kept across pages: sites share most class names (`container`, `menu-item`). */
const sharedTokens = new ShortKeyMemo<TokenVerdict>();

// No hint word, slug prefix or suffix, or namespace prefix or word holds a digit: what digitsFolded relies on.
for (const word of [
  ...CONTENT_HINT.substrings,
  ...CONTENT_HINT.parts,
  ...HINT_GROUPS.flatMap((g) => [...g.substrings, ...g.parts]),
  ...SLUG_TOKEN_PREFIXES,
  ...SLUG_ROLE_SUFFIXES,
  ...COMPONENT_NAMESPACES.flatMap((ns) => [ns.prefix, ...ns.slotWords, ...ns.keepWith]),
]) {
  if (/[0-9]/.test(word)) throw new Error(`hint word "${word}" holds a digit: token verdicts are memoised with digits folded`);
}

/**
 * The token with each run of ASCII digits cut to one `0`. No hint word, slug prefix or suffix holds a digit, so the
 * verdict is the same (the same substrings, the same parts but for their digits, as many parts): ids and classes
 * numbered per post or item (`post-1234`, `menu-item-5678`, `div-gpt-ad-1700000000-0`) share one memo entry.
 */
export function digitsFolded(token: string): string {
  let i = 0;
  while (i < token.length && !isDigitCode(token.charCodeAt(i))) i++;
  if (i === token.length) return token;
  let out = '';
  let from = 0;
  while (i < token.length) {
    out += token.slice(from, i) + '0';
    while (i < token.length && isDigitCode(token.charCodeAt(i))) i++;
    from = i;
    while (i < token.length && !isDigitCode(token.charCodeAt(i))) i++;
  }
  return out + token.slice(from);
}

function isDigitCode(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function readToken(raw: string, cache: TokenCache): TokenVerdict {
  const token = digitsFolded(raw);
  const shared = ShortKeyMemo.holds(token);
  let v = shared ? sharedTokens.get(token) : cache.get(token);
  if (v === undefined) {
    const lower = token.toLowerCase();
    if (isSlugToken(lower)) {
      v = { positive: false, negative: null, parts: 0 };
    } else {
      const allParts = tokenParts(token, lower);
      const parts = namespaceSlotDropped(lower, allParts);
      const positive = positiveToken(lower, parts);
      v = { positive, negative: positive ? null : negativeToken(lower, parts), parts: allParts.length };
    }
    if (shared) sharedTokens.set(token, v);
    else cache.set(token, v);
  }
  return v;
}

/** What an element's class tokens say, read left to right: whether one is a content name, and the first negative verdict. */
export interface ClassVerdict {
  positive: boolean;
  negative: { label: HintLabel; token: string } | null;
}

const NEUTRAL_CLASSES: ClassVerdict = Object.freeze({ positive: false, negative: null });

/**
 * The verdict of `className`'s tokens, as {@link readHint} folds them for an element without an id. It depends on the
 * class string alone, so a page reads each distinct string once, whatever the tags and ids it comes with.
 */
export function readClasses(className: string, cache: TokenCache = new Map()): ClassVerdict {
  return className.length === 0 ? NEUTRAL_CLASSES : foldTokens(className.split(/\s+/), '', cache);
}

/**
 * The tokens' verdicts folded left to right: whether one is a content name, and the first negative verdict. A token
 * equal to `slugId` (an id, or '' for none) is passed over when it reads as a slug.
 */
function foldTokens(tokens: readonly string[], slugId: string, cache: TokenCache): ClassVerdict {
  let positive = false;
  let negative: { label: HintLabel; token: string } | null = null;
  for (const token of tokens) {
    if (token.length === 0) continue;
    const v = readToken(token, cache);
    if (token === slugId && v.parts >= SLUG_ID_MIN_PARTS) continue;
    if (v.positive) positive = true;
    else negative ??= v.negative;
  }
  return positive || negative !== null ? { positive, negative } : NEUTRAL_CLASSES;
}

/**
 * The hint of an element whose class tokens gave `classes` (see {@link readClasses}). The id is read as one more
 * token after them, so `classes` must not hold a token equal to the id: a slug-like id skips that token too.
 */
export function hintAfterClasses(
  tag: string,
  classes: ClassVerdict,
  id: string,
  role: string | null,
  itemprop: string | null,
  cache: TokenCache = new Map(),
): ElementHint {
  if (itemprop !== null && /articlebody|\btext\b/i.test(itemprop)) return { label: null, token: null, positive: true, weak: false };
  let positive = classes.positive;
  let negative = classes.negative;
  if (id.length > 0) {
    const v = readToken(id, cache);
    if (v.parts < SLUG_ID_MIN_PARTS) {
      if (v.positive) positive = true;
      else negative ??= v.negative;
    }
  }
  if (positive) return { label: null, token: null, positive: true, weak: false };
  if (negative !== null) return { label: negative.label, token: negative.token, positive: false, weak: WEAK_HINT_TOKENS.has(negative.token) };
  if (role !== null) {
    const label = ROLE_HINTS[role.toLowerCase()];
    if (label !== undefined) return { label, token: `role=${role}`, positive: false, weak: false };
  }
  const tagLabel = TAG_HINTS[tag];
  if (tagLabel !== undefined) return { label: tagLabel, token: `<${tag}>`, positive: false, weak: tag === 'aside' };
  return NO_HINT;
}

/** Whether `id` is one of the whitespace-separated tokens of `className`. */
export function classesHoldId(className: string, id: string): boolean {
  for (let at = className.indexOf(id); at >= 0; at = className.indexOf(id, at + 1)) {
    const end = at + id.length;
    if ((at === 0 || /\s/.test(className.charAt(at - 1))) && (end === className.length || /\s/.test(className.charAt(end)))) return true;
  }
  return false;
}

export function readHint(tag: string, className: string, id: string, role: string | null, itemprop: string | null, cache: TokenCache = new Map()): ElementHint {
  if (id.length > 0 && classesHoldId(className, id)) return readHintIdAmongClasses(tag, className, id, role, itemprop, cache);
  return hintAfterClasses(tag, readClasses(className, cache), id, role, itemprop, cache);
}

/** {@link readHint} for an element whose id is also one of its classes (see {@link classesHoldId}): a slug-like id skips both. */
export function readHintIdAmongClasses(tag: string, className: string, id: string, role: string | null, itemprop: string | null, cache: TokenCache): ElementHint {
  const tokens = className.length > 0 ? className.split(/\s+/) : [];
  tokens.push(id);
  // The id is read here with the classes; the itemprop, role and tag are read as for any element.
  return hintAfterClasses(tag, foldTokens(tokens, id, cache), '', role, itemprop, cache);
}
