/** URL helpers. `URL` is global in every runtime newsprint supports. */

const ALLOWED_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:']);

/** An absolute http(s) URL for `href` against `base`, or `null` when it is not one (javascript:, data:, mailto:, malformed). */
export function resolveUrl(href: string, base: string | null): string | null {
  const trimmed = href.trim();
  if (trimmed.length === 0 || trimmed.startsWith('#')) return null;
  try {
    const url = base !== null ? new URL(trimmed, base) : new URL(trimmed);
    return ALLOWED_PROTOCOLS.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/** Strips trailing `ch` characters; a loop, since /x+$/ backtracks quadratically. */
export function trimEnd(text: string, ch: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === ch) end--;
  return text.slice(0, end);
}

/** What {@link samePage} compares of a parsed URL: host without `www.`, path without trailing slash, query. */
export function pageIdentityOf(x: UrlParts): string {
  return `${x.hostname.replace(/^www\./, '')}${trimEnd(x.pathname, '/')}${x.search}`;
}

/** {@link pageIdentityOf} of a URL string, or the string itself when it does not parse. */
export function pageIdentity(u: string): string {
  try {
    return pageIdentityOf(new URL(u));
  } catch {
    return u;
  }
}

/** The same page, ignoring fragment, trailing slash, scheme and `www.`: for "is this link the article itself". */
export function samePage(a: string, b: string): boolean {
  return pageIdentity(a) === pageIdentity(b);
}

/** The parts of a resolved http(s) URL that link judgement reads: a `URL` has them all. */
export interface UrlParts {
  readonly href: string;
  readonly hostname: string;
  readonly pathname: string;
  readonly search: string;
  readonly searchParams: URLSearchParams;
}

/** {@link UrlParts} built from plain strings; `searchParams` only when asked, as few links have a query. */
class PlainUrl implements UrlParts {
  constructor(
    readonly href: string,
    readonly hostname: string,
    readonly pathname: string,
    readonly search: string,
  ) {}

  get searchParams(): URLSearchParams {
    return new URLSearchParams(this.search);
  }
}

const enum Part {
  Path,
  Query,
  Fragment,
}

/**
 * Whether a printable ASCII character stays as written in that part of a URL: outside the WHATWG
 * percent-encode sets (path: `" < > \` { }`, query: `" < > '`, fragment: `" < > \``). A backslash,
 * which a special URL reads as a slash, is never plain.
 */
function plainIn(part: Part, c: number): boolean {
  if (c <= 0x20 || c >= 0x7f || c === 0x22 || c === 0x3c || c === 0x3e || c === 0x5c) return false;
  if (part === Part.Path) return c !== 0x60 && c !== 0x7b && c !== 0x7d;
  if (part === Part.Query) return c !== 0x27;
  return c !== 0x60;
}

/**
 * The path, query and fragment of a URL from `from` (a path starting with `/`, or empty; then `?…`, `#…`),
 * split when every character stays as written and no segment is a dot segment (`.`, `..`, `%2e`);
 * null when the URL parser would rewrite any of it.
 */
function plainTail(text: string, from: number): { pathname: string; search: string; end: number } | null {
  let part = Part.Path;
  let pathEnd = text.length;
  let queryEnd = text.length;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x23 && part !== Part.Fragment) {
      if (part === Part.Path) pathEnd = i;
      queryEnd = i;
      part = Part.Fragment;
      continue;
    }
    if (c === 0x3f && part === Part.Path) {
      pathEnd = i;
      part = Part.Query;
      continue;
    }
    if (!plainIn(part, c)) return null;
    if (part !== Part.Path) continue;
    // A segment opening with a dot may be "." or "..", which the parser resolves; "%2e" is a dot too.
    if (c === 0x2f && text.charCodeAt(i + 1) === 0x2e) return null;
    if (c === 0x25 && text.charCodeAt(i + 1) === 0x32 && (text.charCodeAt(i + 2) | 0x20) === 0x65) return null;
  }
  const query = pathEnd < queryEnd ? text.slice(pathEnd + 1, queryEnd) : '';
  return { pathname: pathEnd > from ? text.slice(from, pathEnd) : '/', search: query.length > 0 ? `?${query}` : '', end: pathEnd };
}

/** The end of an authority of lowercase ASCII labels (`www.example.co.uk`) starting at `from`, or -1 for any other host. */
function plainHostEnd(text: string, from: number): number {
  let i = from;
  let labelStart = from;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2f || c === 0x3f || c === 0x23) break;
    if (c === 0x2e) {
      if (i === labelStart) return -1;
      labelStart = i + 1;
    } else if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d)) return -1;
    // Punycode labels ("xn--") are checked and may be rewritten by the parser.
    if (i === labelStart + 3 && text.startsWith('xn--', labelStart)) return -1;
  }
  // An empty label, or a last label that could read as a number (an IPv4 address): the parser decides.
  if (i === labelStart) return -1;
  const lastFirst = text.charCodeAt(labelStart);
  if (!(lastFirst >= 0x61 && lastFirst <= 0x7a)) return -1;
  return i;
}

/**
 * The parts of `href` (trimmed, not empty, no fragment-only link) as `new URL(href, base)` gives them,
 * for the shapes most links have: `http(s)://host/path?query` with a lowercase ASCII host and no port or
 * credentials, or `/path?query` against an http(s) base without credentials, where no character is
 * percent-encoded and no dot segment resolved. `undefined` for every other shape: the caller asks `URL`.
 * `base` is the parsed base, or null when there is none (a relative link then has no fast answer).
 */
export function parsePlainHttpUrl(href: string, base: URL | null): UrlParts | undefined {
  let origin: string;
  let tailFrom: number;
  let hostname: string;
  if (href.charCodeAt(0) === 0x2f) {
    const second = href.charCodeAt(1);
    if (second === 0x2f || second === 0x5c || base === null || (base.protocol !== 'http:' && base.protocol !== 'https:')) return undefined;
    if (base.username !== '' || base.password !== '') return undefined;
    origin = `${base.protocol}//${base.host}`;
    hostname = base.hostname;
    tailFrom = 0;
  } else {
    const hostFrom = href.startsWith('https://') ? 8 : href.startsWith('http://') ? 7 : -1;
    if (hostFrom < 0) return undefined;
    const hostEnd = plainHostEnd(href, hostFrom);
    if (hostEnd < 0) return undefined;
    origin = href.slice(0, hostEnd);
    hostname = href.slice(hostFrom, hostEnd);
    tailFrom = hostEnd;
  }
  const tail = plainTail(href, tailFrom);
  if (tail === null) return undefined;
  // An empty path serialises as "/" before the query and fragment.
  const href2 = tail.end === tailFrom ? `${origin}/${href.slice(tailFrom)}` : tailFrom === 0 ? `${origin}${href}` : href;
  return new PlainUrl(href2, hostname, tail.pathname, tail.search);
}
