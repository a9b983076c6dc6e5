/**
 * Helpers every rendering shares: which URLs may be emitted, and how a paragraph's inline links
 * are located in its text.
 */
import type { InlineLink } from '../types.js';

/** Schemes a rendered link or image may carry; everything else (javascript:, data:, vbscript:, file:…) is dropped. */
const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);

/** A few character references an attacker can hide a scheme's colon or a break in; decoded before the scheme is read. */
const NAMED_REFERENCES: Readonly<Record<string, string>> = {
  colon: ':',
  tab: '\t',
  newline: '\n',
  sol: '/',
  quest: '?',
  num: '#',
  amp: '&',
};

/** Numeric (`&#58;`, `&#x3A`) and the named references above, with or without the closing `;` as browsers allow. */
const CHARACTER_REFERENCE = /&(?:#x([0-9a-f]{1,6})|#([0-9]{1,7})|([a-z]{2,8}));?/gi;

/** Characters browsers strip from URLs before reading the scheme: C0 controls, space, DEL and invisible format marks. */
const STRIPPED_FROM_URL = /[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff]/g;

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

function decodeReferences(value: string): string {
  return value.replace(CHARACTER_REFERENCE, (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (hex !== undefined) return safeFromCodePoint(Number.parseInt(hex, 16)) ?? whole;
    if (dec !== undefined) return safeFromCodePoint(Number.parseInt(dec, 10)) ?? whole;
    return NAMED_REFERENCES[(name ?? '').toLowerCase()] ?? whole;
  });
}

function safeFromCodePoint(code: number): string | null {
  return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : null;
}

/**
 * The URL as it may be emitted, or `null` when it must be dropped. Allowed: http(s), mailto and
 * relative references. The scheme is read the way a browser would after decoding character
 * references and removing controls and white space, so `jav&#x09;ascript:` or `\u0000javascript:`
 * are caught; decoding runs twice to see through one level of double encoding.
 */
export function safeUrl(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  const emitted = raw.replace(STRIPPED_FROM_URL, (ch) => (ch === ' ' ? ' ' : '')).trim();
  if (emitted === '') return null;
  const seen = decodeReferences(decodeReferences(emitted)).replace(STRIPPED_FROM_URL, '');
  const scheme = SCHEME.exec(seen)?.[1];
  if (scheme !== undefined) return ALLOWED_SCHEMES.has(scheme.toLowerCase()) ? percentEncodeDelimiters(emitted) : null;
  // No valid scheme: still refuse anything with a colon before the path, which some parsers read as one.
  const beforePath = seen.split(/[/?#]/, 1)[0] ?? '';
  if (beforePath.includes(':')) return null;
  return percentEncodeDelimiters(emitted);
}

/** Characters no valid URL holds raw; browsers percent-encode them, and so do we, so a URL can never end its attribute or Markdown link. */
const URL_DELIMITERS = /["'<>`\s]/g;

export function percentEncodeDelimiters(url: string, delimiters: RegExp = URL_DELIMITERS): string {
  return url.replace(delimiters, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
/** A piece of paragraph text, linked or not. */
export interface InlineSegment {
  text: string;
  /** Safe URL when the segment is a link; `null` for plain text. */
  url: string | null;
}

/**
 * Cuts a paragraph into plain and linked segments. Each link is looked for after the previous one,
 * in order, so repeated words link once and in reading order; links whose text is not found, or
 * whose URL is unsafe, stay plain text.
 */
export function splitLinks(text: string, links: readonly InlineLink[]): InlineSegment[] {
  const segments: InlineSegment[] = [];
  let cursor = 0;
  for (const link of links) {
    const url = safeUrl(link.url);
    if (url === null || link.text.trim() === '') continue;
    const at = text.indexOf(link.text, cursor);
    if (at < 0) continue;
    if (at > cursor) segments.push({ text: text.slice(cursor, at), url: null });
    segments.push({ text: link.text, url });
    cursor = at + link.text.length;
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor), url: null });
  return segments;
}

/** Heading levels outside 1..6 (or not whole numbers) are brought into range. */
export function clampHeadingLevel(level: number): number {
  if (!Number.isFinite(level)) return 2;
  return Math.min(6, Math.max(1, Math.round(level)));
}

/** The rows of a table padded to the same width, so every rendering emits a rectangle. */
export function rectangularRows(rows: readonly (readonly string[])[]): string[][] {
  const width = rows.reduce((max, row) => Math.max(max, row.length), 0);
  return rows.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ''));
}
