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
export function pageIdentityOf(x: URL): string {
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
