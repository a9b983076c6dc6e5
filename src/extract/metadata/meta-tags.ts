/**
 * Lookups over the page's `<meta>` and `<link>` tags, and the shared value hygiene
 * (whitespace, placeholders) every metadata source goes through.
 */
import type { RawMeta } from '../block.js';
import { PLACEHOLDERS } from '../../rules/meta-names.js';

/** `dc:creator` and `DC.creator` are the same key; `property="og:title dc:title"` lists several. */
function normaliseKey(key: string): string[] {
  return key
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .map((k) => k.replace(/^(dc|dcterms):/, '$1.'));
}

/** Collapses whitespace; null for empty values and template or CMS placeholders. */
export function cleanValue(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = value.replace(/\s+/g, ' ').trim();
  if (text.length === 0) return null;
  if (isPlaceholder(text)) return null;
  return text;
}

/** "{{author}}", "${title}", "%author%", "[author]", "Unknown", "admin"… */
export function isPlaceholder(text: string): boolean {
  const t = text.trim();
  if (t.length === 0) return true;
  if (/^(?:\{\{[^{}]*\}\}|\$\{[^{}]*\}|%[a-z_]+%|\[[a-z_ ]+\]|<%[^%]*%>)$/i.test(t)) return true;
  if (t.includes('{{') || t.includes('${')) return true;
  return PLACEHOLDERS.has(t.toLowerCase());
}

/** Every cleaned value of the given keys, in the order of `keys` (most trusted first), then page order. */
export function metaValues(meta: RawMeta, keys: readonly string[]): string[] {
  const out: string[] = [];
  for (const wanted of keys) {
    for (const { key, content } of meta.metas) {
      if (!normaliseKey(key).includes(wanted)) continue;
      const value = cleanValue(content);
      if (value !== null) out.push(value);
    }
  }
  return out;
}

/** The first cleaned value of the given keys, with the key it came from. */
export function firstMeta(meta: RawMeta, keys: readonly string[]): { value: string; key: string } | null {
  for (const wanted of keys) {
    for (const { key, content } of meta.metas) {
      if (!normaliseKey(key).includes(wanted)) continue;
      const value = cleanValue(content);
      if (value !== null) return { value, key: wanted };
    }
  }
  return null;
}

/** The `href` of the first `<link>` whose `rel` list contains `rel`. */
export function linkHref(meta: RawMeta, rel: string): string | null {
  for (const link of meta.links) {
    if (link.rel.toLowerCase().split(/\s+/).includes(rel)) {
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
