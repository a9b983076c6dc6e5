import { describe, expect, it } from 'vitest';
import { segmentHtml } from '../../src/extract/segment-html.js';
import { resolveOptions } from '../../src/options.js';

const OPTIONS = resolveOptions({});

function blocksOf(html: string): { text: string; links: { href: string; text: string }[]; linkChars: number }[] {
  return segmentHtml(html, OPTIONS).blocks.map((b) => ({ text: b.text, links: b.links.map((l) => ({ href: l.href, text: l.text })), linkChars: b.linkChars }));
}

describe('segmentHtml runs of text', () => {
  it('reads a run the same however it is indented', () => {
    const tight = '<div><p><a href="/x"><img src="a.jpg"></a> A short line of text <br><br> and more after the break.</p></div>';
    const indented = '<div>\n  <p>\n    <a href="/x"><img src="a.jpg"></a> A short line of text <br><br> and more after the break.</p>\n</div>';
    expect(blocksOf(indented)).toEqual(blocksOf(tight));
  });

  it('drops the links of a run of whitespace alone, so they do not pass to the next block', () => {
    const [block] = blocksOf('<div>\n  <a href="/pic"><img src="a.jpg"></a>\n</div><p>Plain text with no link in it at all.</p>');
    expect(block).toEqual({ text: 'Plain text with no link in it at all.', links: [], linkChars: 0 });
  });

  it('cuts a run at two line separators as at two <br>s, even where they open it', () => {
    // Cut in two, the run keeps only the links whose text its pieces hold: the image link's empty text is in none.
    const [split] = blocksOf('<div><p>&#8232;&#8232;<a href="/x"><img src="a.jpg"></a>Some text here, and more of it.</p></div>');
    expect(split!.links).toEqual([]);
    // A piece's linked characters are counted from its collapsed link texts ("Read more", 9).
    const [counted] = blocksOf('<div><p>\u2028<br><a href="/x">Read <b>more</b></a> of the story here.</p></div>');
    expect(counted!.links).toEqual([{ href: '/x', text: 'Read more' }]);
    expect(counted!.linkChars).toBe(9);
  });
});
