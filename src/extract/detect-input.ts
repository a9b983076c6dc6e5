/**
 * Before any parsing: is the input HTML or plain text, and is it a page at all? Scrapers hand
 * over whatever a URL returned: images, PDFs, gzip bodies, feeds, framesets. Each gets a typed
 * error that says what was received, instead of an empty article.
 */
import { NewsprintError } from '../errors.js';

/** Characters sniffed for the format: a page shows its nature in its first few KB. */
export const FORMAT_SNIFF_CHARS = 4096;

/** Characters inspected for control bytes; enough for a stable share, cheap on a 50 MB input. */
const CONTROL_SNIFF_CHARS = 8192;

/**
 * Share of control characters (C0 except tab, newlines, form feed and ESC, plus DEL) above which
 * the input is binary. Text pages have none; uniformly random bytes (compressed data) have about 11%.
 */
const BINARY_CONTROL_SHARE = 0.05;

/** Known-tag density (tags per 1,000 characters) above which untagged-looking input is an HTML fragment. */
const HTML_TAGS_PER_KCHAR = 4;

/** A fragment needs at least this many known tags: one `<p>` quoted in an article is not markup. */
const HTML_MIN_TAGS = 3;

/** Input that opens with a known tag needs only an open and a close: `<p>Text</p>` is a fragment. */
const HTML_MIN_TAGS_WHEN_OPENING = 2;

/** A frameset page with less visible text than this has nothing to extract: its content lives in the frames. */
const FRAMESET_MAX_TEXT_CHARS = 200;

/** Characters searched for a feed's root element (an XML declaration, stylesheets and comments may come first). */
const FEED_SNIFF_CHARS = 4096;

/** Tags whose presence marks a document as HTML on their own (a frameset stands in for a page's body). */
const DOCUMENT_MARKERS = /<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<frameset[\s>/]/i;

/** Tags common in HTML fragments; counted to tell markup from prose that mentions a tag. */
const KNOWN_TAG = /<\/?(?:p|div|span|a|br|hr|img|ul|ol|li|h[1-6]|table|tr|td|th|article|section|main|nav|header|footer|aside|figure|figcaption|blockquote|pre|code|em|strong|b|i|u|script|style|meta|link|title|time|form|input|button|iframe|noscript|picture|source|video|audio|svg|dl|dt|dd)(?=[\s>/])/gi;

/** A file's leading bytes, and the kind of file they announce. */
interface Signature {
  label: string;
  /** Byte values; `null` matches any byte. */
  bytes: readonly (number | null)[];
}

/** Binary formats a web crawl actually returns in place of a page. */
const BINARY_SIGNATURES: readonly Signature[] = [
  { label: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { label: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { label: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38, null, 0x61] },
  { label: 'a WebP image', bytes: [0x52, 0x49, 0x46, 0x46, null, null, null, null, 0x57, 0x45, 0x42, 0x50] },
  { label: 'a PDF document', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { label: 'gzip-compressed data (decompress the response body first)', bytes: [0x1f, 0x8b] },
  { label: 'a zip archive', bytes: [0x50, 0x4b, 0x03, 0x04] },
];

/**
 * Byte values a decoder may have turned into other characters: when bytes arrive as a string,
 * 0x80–0xFF may come through as windows-1252 characters, as U+0080–U+00FF, or as U+FFFD.
 */
function charMatchesByte(code: number, byte: number): boolean {
  if (code === byte) return true;
  if (byte < 0x80) return false;
  if (code === 0xfffd) return true;
  return WINDOWS_1252_HIGH.get(byte) === code;
}

/** windows-1252 characters for the high bytes that appear in the signatures above. */
const WINDOWS_1252_HIGH: ReadonlyMap<number, number> = new Map([
  [0x89, 0x2030],
  [0x8b, 0x2039],
]);

function matchesBytes(bytes: Uint8Array, signature: Signature): boolean {
  if (bytes.length < signature.bytes.length) return false;
  return signature.bytes.every((b, i) => b === null || bytes[i] === b);
}

function matchesText(text: string, signature: Signature): boolean {
  if (text.length < signature.bytes.length) return false;
  return signature.bytes.every((b, i) => b === null || charMatchesByte(text.charCodeAt(i), b));
}

/** The kind of binary file the input starts like, or null. */
export function binarySignature(text: string, bytes?: Uint8Array): string | null {
  for (const signature of BINARY_SIGNATURES) {
    if (bytes !== undefined ? matchesBytes(bytes, signature) : matchesText(text, signature)) return signature.label;
  }
  return null;
}

function isControl(code: number): boolean {
  // Tab, LF, FF, CR are text; ESC (0x1b) shifts ISO-2022-JP pages, so it is text too.
  if (code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d || code === 0x1b) return false;
  return code < 0x20 || code === 0x7f;
}

/** The characters {@link isControl} counts, as a class. */
const CONTROL_CHAR = /[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]/u;

/** Share of control characters in the first {@link CONTROL_SNIFF_CHARS} of `text`. */
export function controlShare(text: string): number {
  const length = Math.min(text.length, CONTROL_SNIFF_CHARS);
  if (length === 0) return 0;
  // Text pages hold no control character: one native scan says so, and only other inputs are counted.
  if (!CONTROL_CHAR.test(length === text.length ? text : text.slice(0, length))) return 0;
  let controls = 0;
  for (let i = 0; i < length; i++) {
    if (isControl(text.charCodeAt(i))) controls++;
  }
  return controls / length;
}

/** Leading whitespace, a BOM and comments are skipped before looking at what a page starts with. */
function leadingContent(text: string): string {
  return text.slice(0, FORMAT_SNIFF_CHARS).replace(/^\uFEFF/, '').trimStart();
}

/**
 * `'html'` when the start of the input is markup (a doctype, `<html>`, `<head>`, `<body>`, `<frameset>`, or
 * a density of common tags), else `'text'`. Reads at most {@link FORMAT_SNIFF_CHARS} characters.
 */
export function detectFormat(text: string): 'html' | 'text' {
  const head = leadingContent(text);
  if (DOCUMENT_MARKERS.test(head)) return 'html';
  if (head.startsWith('<!--')) return 'html';
  const tags = head.match(KNOWN_TAG)?.length ?? 0;
  if (tags >= HTML_MIN_TAGS && (tags * 1000) / Math.max(head.length, 1) >= HTML_TAGS_PER_KCHAR) return 'html';
  // A fragment that opens with a known tag and closes one is markup however long its prose: `<p>…</p>`.
  if (tags >= HTML_MIN_TAGS_WHEN_OPENING && head.search(KNOWN_TAG) === 0) return 'html';
  return 'text';
}

/** Feed root elements, and how to name them in an error. */
const FEED_ROOTS: ReadonlyMap<string, string> = new Map([
  ['rss', 'an RSS feed'],
  ['feed', 'an Atom feed'],
  ['rdf:rdf', 'an RSS 1.0 (RDF) feed'],
]);

/**
 * The name of the document's root element: the first tag after the prolog (XML declaration,
 * processing instructions, comments, doctype). Lowercased; null when there is none in `head`.
 */
function rootElementName(head: string): string | null {
  let i = 0;
  for (;;) {
    while (i < head.length && head.charCodeAt(i) <= 0x20) i++;
    if (head[i] !== '<') return null;
    const skipTo = head.startsWith('<?', i) ? '?>' : head.startsWith('<!--', i) ? '-->' : head.startsWith('<!', i) ? '>' : null;
    if (skipTo === null) break;
    const close = head.indexOf(skipTo, i + 2);
    if (close < 0) return null;
    i = close + skipTo.length;
  }
  let end = i + 1;
  while (end < head.length && head.charCodeAt(end) > 0x20 && head[end] !== '>' && head[end] !== '/') end++;
  return head.slice(i + 1, end).toLowerCase();
}

/**
 * The feed format the input is, or null: the root element is RSS, Atom or RSS 1.0 (RDF).
 * Looking at the root, not for the strings anywhere, keeps XHTML pages that mention `<rss>` usable.
 */
export function feedKind(text: string): string | null {
  const root = rootElementName(leadingContent(text).slice(0, FEED_SNIFF_CHARS));
  return root === null ? null : (FEED_ROOTS.get(root) ?? null);
}

/** Visible characters of a page: tags, comments, and script/style/title contents removed; a linear scan. */
export function visibleTextLength(html: string): number {
  const lower = html.toLowerCase();
  let count = 0;
  let i = 0;
  while (i < html.length) {
    const ch = html.charCodeAt(i);
    if (ch === 0x3c /* < */) {
      if (lower.startsWith('<!--', i)) {
        const close = lower.indexOf('-->', i + 4);
        i = close < 0 ? html.length : close + 3;
        continue;
      }
      const hidden = HIDDEN_CONTENT_TAGS.find((tag) => lower.startsWith(`<${tag}`, i));
      if (hidden !== undefined) {
        const close = lower.indexOf(`</${hidden}`, i);
        i = close < 0 ? html.length : close + hidden.length + 2;
        continue;
      }
      const end = html.indexOf('>', i);
      i = end < 0 ? html.length : end + 1;
      continue;
    }
    if (ch > 0x20) count++;
    i++;
  }
  return count;
}

/** Elements whose text a reader never sees as page content. */
const HIDDEN_CONTENT_TAGS: readonly string[] = ['script', 'style', 'title', 'template'];

/**
 * Throws a {@link NewsprintError} when the input cannot be a page: `EMPTY_INPUT`, `BINARY_INPUT`
 * (magic numbers, or many control characters) or `FEED_INPUT` (RSS/Atom/RDF). `bytes`, when the
 * caller passed bytes, makes the magic-number check exact; the control-character share is read on
 * the decoded `text`. A frameset is told once the page is read (see {@link checkFrameset}).
 */
export function checkUsable(text: string, bytes?: Uint8Array): void {
  // A regex scan instead of trim(): no copy of a 50 MB input. JS `\s` covers NBSP and the BOM, as trim() does.
  if (!/\S/.test(text)) {
    throw new NewsprintError(
      'EMPTY_INPUT',
      'Received an empty page (no characters, or only whitespace). Check that the download succeeded and that the body was read before calling newsprint.',
    );
  }
  const signature = binarySignature(text, bytes);
  if (signature !== null) {
    throw new NewsprintError('BINARY_INPUT', `Received ${signature}, not a web page. newsprint reads HTML or plain text; check the URL and the response's Content-Type.`);
  }
  const share = controlShare(text);
  if (share > BINARY_CONTROL_SHARE) {
    throw new NewsprintError(
      'BINARY_INPUT',
      `Received binary data, not a web page: ${Math.round(share * 100)}% of the first characters are control bytes. newsprint reads HTML or plain text; check the URL, the response's Content-Type and Content-Encoding.`,
    );
  }
  const feed = feedKind(text);
  if (feed !== null) {
    throw new NewsprintError('FEED_INPUT', `Received ${feed}, not an article page. Read the feed with a feed parser, then pass each item's page to newsprint.`);
  }
}

/**
 * Throws `FRAMESET` for a page whose segmenter read a `<frameset>` tag and that has almost no text of its own: its
 * content lives in the frames. Asked only then, so other pages pay no search of their whole HTML for the tag (nor
 * does a `<frameset>` written inside a script or a comment count).
 */
export function checkFrameset(html: string): void {
  if (visibleTextLength(html) < FRAMESET_MAX_TEXT_CHARS) {
    throw new NewsprintError(
      'FRAMESET',
      'Received a frameset page: its content lives in the documents its <frame> elements load. Fetch the frame that holds the article (its src) and pass that page instead.',
    );
  }
}
