/**
 * Reads an element's class, id, role and tag as a hint: a boilerplate label, a content hint, or nothing.
 * Pure; the per-page cache lives in the caller's closure.
 */
import type { HintLabel } from './block.js';
import { CONTENT_HINT, HINT_GROUPS, ROLE_HINTS, SLUG_TOKEN_PREFIXES, TAG_HINTS, WEAK_HINT_TOKENS } from '../rules/selectors.js';

export interface ElementHint {
  label: HintLabel | null;
  token: string | null;
  positive: boolean;
  /** The hint word is generic (see WEAK_HINT_TOKENS): it condemns short blocks, not prose. */
  weak: boolean;
}

export const NO_HINT: ElementHint = Object.freeze({ label: null, token: null, positive: false, weak: false });

/** Splits `articleBody__text-main` into `article`, `body`, `text`, `main`. */
function tokenParts(token: string): string[] {
  return token
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[\s\-_:.]+/)
    .filter((p) => p.length > 0);
}

const CONTENT_PARTS: ReadonlySet<string> = new Set(CONTENT_HINT.parts);
const GROUP_PARTS = HINT_GROUPS.map((g) => ({ group: g, parts: new Set(g.parts) }));

function isSlugToken(lower: string): boolean {
  return SLUG_TOKEN_PREFIXES.some((p) => lower.startsWith(p));
}

/** A content hint: a known body-container name, or two content words in one token (`story-text`). */
function positiveToken(lower: string, parts: readonly string[]): boolean {
  if (CONTENT_HINT.substrings.some((s) => lower.includes(s))) return true;
  let count = 0;
  const seen = new Set<string>();
  for (const p of parts) {
    if (CONTENT_PARTS.has(p) && !seen.has(p)) {
      seen.add(p);
      count++;
    }
  }
  return count >= 2;
}

function negativeToken(lower: string, parts: readonly string[]): { label: HintLabel; token: string } | null {
  for (const { group, parts: groupParts } of GROUP_PARTS) {
    for (const s of group.substrings) {
      if (lower.includes(s)) return { label: group.label, token: s };
    }
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

export function readHint(tag: string, className: string, id: string, role: string | null, itemprop: string | null): ElementHint {
  if (itemprop !== null && /articlebody|\btext\b/i.test(itemprop)) return { label: null, token: null, positive: true, weak: false };
  let positive = false;
  let negative: { label: HintLabel; token: string } | null = null;
  const tokens = className.split(/\s+/);
  if (id.length > 0) tokens.push(id);
  {
    for (const token of tokens) {
      if (token.length === 0) continue;
      const lower = token.toLowerCase();
      if (isSlugToken(lower)) continue;
      const parts = tokenParts(token);
      if (token === id && parts.length >= SLUG_ID_MIN_PARTS) continue;
      if (positiveToken(lower, parts)) {
        positive = true;
        continue;
      }
      negative ??= negativeToken(lower, parts);
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
