/**
 * Lookups over the page's `<meta>` and `<link>` tags, and the shared value hygiene
 * (whitespace, placeholders) every metadata source goes through.
 */
import type { RawMeta } from '../block.js';
import { PLACEHOLDERS } from '../../rules/meta-names.js';
import { collapseSpaces, isSpaceCode } from '../chars.js';

/** `dc:creator` and `DC.creator` are the same key; `property="og:title dc:title"` lists several. */
function normaliseKey(key: string): string[] {
  // Most keys are one plain name ("og:title"): no list to split, no prefix to rewrite.
  const lower = key.toLowerCase();
  if (lower.length > 0 && !lower.startsWith('dc') && !hasSpace(lower)) return [lower];
  return key
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .map((k) => k.replace(/^(dc|dcterms):/, '$1.'));
}

function hasSpace(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isSpaceCode(text.charCodeAt(i))) return true;
  return false;
}

/** Collapses whitespace; null for empty values and template or CMS placeholders. */
export function cleanValue(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = collapseSpaces(value);
  if (text.length === 0) return null;
  if (isPlaceholder(text)) return null;
  return text;
}

/** Template placeholders: "{{author}}", "${title}", "%author%", "[author]", "<% author %>". */
const TEMPLATE_PLACEHOLDER = /^(?:\{\{[^{}]*\}\}|\$\{[^{}]*\}|%[a-z_]+%|\[[a-z_ ]+\]|<%[^%]*%>)$/i;

/** Whether a character can open {@link TEMPLATE_PLACEHOLDER}: `{`, `$`, `%`, `[` or `<`. */
function opensTemplate(c: number): boolean {
  return c === 0x7b || c === 0x24 || c === 0x25 || c === 0x5b || c === 0x3c;
}

/**
 * Texts longer than this are no placeholder word, and are not lowercased to be looked up: lowercasing
 * keeps at least one code unit per code point, so it never halves a text's length.
 */
const MAX_PLACEHOLDER_LOOKUP_CHARS = 2 * Math.max(...[...PLACEHOLDERS].map((p) => p.length));

/** "{{author}}", "${title}", "%author%", "[author]", "Unknown", "admin"… */
export function isPlaceholder(text: string): boolean {
  const t = text.trim();
  if (t.length === 0) return true;
  if (opensTemplate(t.charCodeAt(0)) && TEMPLATE_PLACEHOLDER.test(t)) return true;
  if (t.includes('{{') || t.includes('${')) return true;
  return t.length <= MAX_PLACEHOLDER_LOOKUP_CHARS && PLACEHOLDERS.has(t.toLowerCase());
}

/**
 * The page's meta values by normalised key, in page order, built once per page: the stage asks for
 * dozens of keys, and a scan of every tag per key is quadratic on pages with thousands of tags.
 * Keyed weakly by the page's own RawMeta, so nothing outlives the page. Values are cleaned when their
 * key is first asked for: most of a page's tags (viewport, robots, app ids) never are.
 */
const INDEXES = new WeakMap<RawMeta, Map<string, MetaValues>>();

interface MetaValues {
  raw: string[];
  /** The cleaned values, placeholders and empty ones dropped; null until the key is asked for. */
  clean: string[] | null;
}

function metaIndex(meta: RawMeta): Map<string, MetaValues> {
  let index = INDEXES.get(meta);
  if (index === undefined) {
    index = new Map();
    for (const { key, content } of meta.metas) {
      const keys = normaliseKey(key);
      for (const k of keys.length === 1 ? keys : new Set(keys)) {
        const entry = index.get(k);
        if (entry === undefined) index.set(k, { raw: [content], clean: null });
        else entry.raw.push(content);
      }
    }
    INDEXES.set(meta, index);
  }
  return index;
}

function cleanValuesOf(index: Map<string, MetaValues>, key: string): readonly string[] | undefined {
  const entry = index.get(key);
  if (entry === undefined) return undefined;
  if (entry.clean === null) {
    entry.clean = [];
    for (const content of entry.raw) {
      const value = cleanValue(content);
      if (value !== null) entry.clean.push(value);
    }
  }
  return entry.clean;
}

/** Every cleaned value of the given keys, in the order of `keys` (most trusted first), then page order. */
export function metaValues(meta: RawMeta, keys: readonly string[]): string[] {
  const index = metaIndex(meta);
  const out: string[] = [];
  for (const wanted of keys) {
    const values = cleanValuesOf(index, wanted);
    if (values !== undefined) for (const v of values) out.push(v);
  }
  return out;
}

/** The first cleaned value of the given keys, with the key it came from. */
export function firstMeta(meta: RawMeta, keys: readonly string[]): { value: string; key: string } | null {
  const index = metaIndex(meta);
  for (const wanted of keys) {
    const value = cleanValuesOf(index, wanted)?.[0];
    if (value !== undefined) return { value, key: wanted };
  }
  return null;
}

/** The `href` of the first `<link>` whose `rel` list contains `rel`. */
export function linkHref(meta: RawMeta, rel: string): string | null {
  for (const link of meta.links) {
    // Only a rel list that holds the name as a substring is split into its words.
    const rels = link.rel.toLowerCase();
    if (rels === rel || (rels.includes(rel) && rels.split(/\s+/).includes(rel))) {
      const href = cleanValue(link.href);
      if (href !== null) return href;
    }
  }
  return null;
}

/** An absolute http(s) URL, resolved against `base` when relative; null otherwise. */
export function absoluteHttpUrl(value: string | null, base: string | null): string | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (trimmed.length === 0 || trimmed.startsWith('data:') || trimmed.startsWith('javascript:')) return null;
  try {
    const url = base !== null ? new URL(trimmed, base) : new URL(trimmed.startsWith('//') ? `https:${trimmed}` : trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A value that is an address rather than a name (`article:author` often holds a profile URL). */
export function looksLikeUrl(value: string): boolean {
  return /^(?:https?:)?\/\//i.test(value) || /^www\./i.test(value);
}
