import { describe, expect, it } from 'vitest';
import { parsePlainHttpUrl } from '../../src/extract/url.js';

const parts = (u: { href: string; hostname: string; pathname: string; search: string } | null | undefined) =>
  u === undefined || u === null ? u : { href: u.href, hostname: u.hostname, pathname: u.pathname, search: u.search };

describe('parsePlainHttpUrl', () => {
  const base = new URL('https://www.example.com:8443/news/story.html?x=1');
  const hrefs = [
    'https://www.example.com/news/a-long-slug-here',
    'http://example.org',
    'https://example.org?id=12345#top',
    'https://example.org/x?',
    'https://example.org/x#',
    '/politics/2024/03/05/a-story?utm=1#c',
    '/',
    "/a/it's-here",
    '/x%20y?q=a+b&r',
  ];
  it('splits plain links as URL does', () => {
    for (const href of hrefs) {
      const plain = parsePlainHttpUrl(href, base);
      expect(plain, href).toBeDefined();
      expect(parts(plain), href).toEqual(parts(new URL(href, base)));
      expect([...plain!.searchParams], href).toEqual([...new URL(href, base).searchParams]);
    }
  });

  it('leaves every shape the parser rewrites to URL', () => {
    const rewritten = [
      'HTTPS://example.org/',
      'https://Example.org/',
      'https://example.org:443/',
      'https://user@example.org/',
      'https://1.2.3.4/',
      'https://example.0x1f/',
      'https://xn--bcher-kva.example/',
      'https://example.org./',
      'https://example.org/a/../b',
      'https://example.org/a/./b',
      'https://example.org/%2e%2E/b',
      'https://example.org/a b',
      'https://example.org/a\\b',
      'https://example.org/{a}',
      "https://example.org/?it's",
      'https://example.org/é',
      '//example.org/x',
      'relative/path',
      '?q=1',
      'mailto:jane@example.org',
    ];
    for (const href of rewritten) expect(parsePlainHttpUrl(href, base), href).toBeUndefined();
    // A relative link needs an http(s) base without credentials.
    expect(parsePlainHttpUrl('/x', null)).toBeUndefined();
    expect(parsePlainHttpUrl('/x', new URL('https://jane:pw@example.org/'))).toBeUndefined();
    expect(parsePlainHttpUrl('/x', new URL('ftp://example.org/'))).toBeUndefined();
  });
});
