import { describe, expect, it } from 'vitest';
import { streamHtml, type AttributeFilter } from '../../src/extract/html-stream.js';
import { readHint } from '../../src/extract/hints.js';

const FILTER: AttributeFilter = {
  names: new Set(['class', 'id', 'href']),
  create: () => ({ class: undefined, id: undefined, href: undefined }) as unknown as Record<string, string>,
};

function opens(html: string, filter?: AttributeFilter): { name: string; attribs: Record<string, string> }[] {
  const seen: { name: string; attribs: Record<string, string> }[] = [];
  streamHtml(html, { onopentag: (name, attribs) => seen.push({ name, attribs: { ...attribs } }), ontext: () => {}, onclosetag: () => {} }, filter);
  return seen;
}

describe('streamHtml names and attributes', () => {
  it('lower-cases tag and attribute names, common or not', () => {
    const seen = opens('<DIV CLASS="a"><Section ID="b"><x-Widget Class="c"></x-Widget></Section></DIV>', FILTER);
    expect(seen.map((e) => e.name)).toEqual(['div', 'section', 'x-widget']);
    expect(seen.map((e) => e.attribs['class'] ?? e.attribs['id'])).toEqual(['a', 'b', 'c']);
  });

  it('skips attributes the filter does not name, however long, and still reads the ones after them', () => {
    const [a] = opens('<a data-tracking-category-name="x" aria-describedby="y" href="/story">t</a>', FILTER);
    expect(a!.attribs).toEqual({ class: undefined, id: undefined, href: '/story' });
  });

  it('gives each element its own attributes: one without any is not filled by the next', () => {
    const seen = opens('<p><span></span><em class="credit">x</em><b></b></p>', FILTER);
    expect(seen.map((e) => e.attribs['class'])).toEqual([undefined, undefined, 'credit', undefined]);
  });

  it('reads a filtered name however it is spelled, and no name that merely resembles one', () => {
    const [a] = opens('<a hReF="/first" classes="x" hre="y" href="/second" CLASS="card">t</a>', FILTER);
    expect(a!.attribs).toEqual({ class: 'card', id: undefined, href: '/first' });
    // U+212A KELVIN SIGN lower-cases to an ASCII "k", as the HTML parser reads it.
    const kelvin: AttributeFilter = { names: new Set(['k']), create: () => ({ k: undefined }) as unknown as Record<string, string> };
    expect(opens('<b \u212a="1"></b>', kelvin)[0]!.attribs).toEqual({ k: '1' });
  });

  it('clears one element\'s attributes before the next is read, side by side, nested or after a repeated name', () => {
    const seen = opens('<div class="a" id="x" class="b"><a href="/s">t</a><i class="c"></i></div><p id="y"></p><b></b>', FILTER);
    expect(seen.map((e) => e.attribs)).toEqual([
      { class: 'a', id: 'x', href: undefined },
      { class: undefined, id: undefined, href: '/s' },
      { class: 'c', id: undefined, href: undefined },
      { class: undefined, id: 'y', href: undefined },
      { class: undefined, id: undefined, href: undefined },
    ]);
  });

  it('lends handlers a record to read during the call, not to keep', () => {
    // What segmentation relies on: every read happens inside onopentag.
    const kept: Record<string, string>[] = [];
    const copies: Record<string, string | undefined>[] = [];
    const onopentag = (_: string, attribs: Record<string, string>): void => {
      kept.push(attribs);
      copies.push({ ...attribs });
    };
    streamHtml('<p class="a"></p><p id="b"></p>', { onopentag, ontext: () => {}, onclosetag: () => {} }, FILTER);
    expect(copies).toEqual([{ class: 'a', id: undefined, href: undefined }, { class: undefined, id: 'b', href: undefined }]);
    // Read after the stream ended, a kept record no longer holds what its element carried.
    expect(kept[1]).toEqual({ class: undefined, id: undefined, href: undefined });
  });

  it('gives the elements a stray end tag stands for no attributes of the element before', () => {
    // `</p>` with no <p> open is an empty paragraph, `</br>` a <br>.
    const seen = opens('<a href="/x" class="c"></a></p></br><i id="y"></i>', FILTER);
    expect(seen.map((e) => [e.name, e.attribs])).toEqual([
      ['a', { class: 'c', id: undefined, href: '/x' }],
      ['p', { class: undefined, id: undefined, href: undefined }],
      ['br', { class: undefined, id: undefined, href: undefined }],
      ['i', { class: undefined, id: 'y', href: undefined }],
    ]);
  });

  it('keeps the first of repeated attributes', () => {
    const [div] = opens('<div class="first" class="second"></div>', FILTER);
    expect(div!.attribs['class']).toBe('first');
  });
});

describe('readHint token splitting', () => {
  it('splits camelCase humps and separators into parts', () => {
    expect(readHint('div', 'mainNav', '', null, null).label).toBe('navigation');
    expect(readHint('div', 'site_footer-bottom', '', null, null).label).toBe('legal');
    expect(readHint('div', 'articleBody', '', null, null).positive).toBe(true);
  });

  it('does not split inside a run of capitals or a plain word', () => {
    // `ADBlock` has no hump after a small letter, so no `ad` part; `canvas` only contains the letters of "nav".
    expect(readHint('div', 'canvas', '', null, null).label).toBeNull();
    expect(readHint('div', 'ADBlock', '', null, null).label).toBeNull();
    expect(readHint('div', 'topAd', '', null, null).label).toBe('ad');
  });

  it('takes the earliest group in table order when a token names several', () => {
    // `comment` (comments) comes before `share` in the table.
    expect(readHint('div', 'share-comment', '', null, null).label).toBe('comments');
    expect(readHint('div', 'nav-ad', '', null, null).label).toBe('ad');
  });

  it('keeps the text a paywall covers and drops the wall', () => {
    // The class names the walled article text (Google's paywall markup); the fade beside it does not outweigh it.
    expect(readHint('p', 'paywalled-content paywall-fade', '', null, null).positive).toBe(true);
    expect(readHint('div', 'article no-paywall', '', null, null).positive).toBe(true);
    expect(readHint('div', 'paywall-gate', '', null, null).label).toBe('promo');
    expect(readHint('div', 'paywall', '', null, null).label).toBe('promo');
  });

  it('reads non-ASCII tokens by their Unicode case', () => {
    expect(readHint('div', 'ÜberNav', '', null, null).label).toBe('navigation');
  });
});
