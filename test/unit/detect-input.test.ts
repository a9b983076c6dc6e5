import { describe, expect, it } from 'vitest';
import { checkUsable, controlShare, detectFormat } from '../../src/extract/detect-input.js';
import { decodeInput } from '../../src/extract/decode.js';
import { NewsprintError, type NewsprintErrorCode } from '../../src/errors.js';
import { extract } from '../../src/index.js';

function thrown(run: () => void): NewsprintError | null {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof NewsprintError) return error;
    throw error;
  }
}

function expectCode(run: () => void, code: NewsprintErrorCode, messagePart?: string): void {
  const error = thrown(run);
  expect(error?.code).toBe(code);
  if (messagePart !== undefined) expect(error?.message).toContain(messagePart);
}

const ARTICLE_TEXT =
  'Harbour council approves new ferry timetable\n\nThe council voted on Tuesday to add two evening crossings from May. ' +
  'Residents had asked for later boats for three years.\n\n"It changes how we live here," said one commuter.';

describe('detectFormat', () => {
  it('recognises whole documents by doctype, <html>, <head> or <body>', () => {
    expect(detectFormat('<!DOCTYPE html>\n<title>x</title>')).toBe('html');
    expect(detectFormat('\uFEFF  <HTML lang="en"><p>x')).toBe('html');
    expect(detectFormat('<head><meta charset="utf-8"></head>')).toBe('html');
    expect(detectFormat('Some text then <body class="a">')).toBe('html');
    expect(detectFormat('<!-- generated --><div>x</div>')).toBe('html');
  });

  it('recognises fragments by their density of known tags', () => {
    expect(detectFormat('<p>First paragraph.</p><p>Second <a href="/x">link</a>.</p>')).toBe('html');
    expect(detectFormat('<div class="story"><h1>Title</h1>' + 'Words of prose. '.repeat(200) + '</div>')).toBe('html');
    expect(detectFormat('<p>' + 'A single paragraph of article text. '.repeat(50) + '</p>')).toBe('html');
  });

  it('keeps plain text as text, including prose that quotes a tag or two', () => {
    expect(detectFormat(ARTICLE_TEXT)).toBe('text');
    expect(detectFormat('Use the <p> element for paragraphs and <br> for line breaks. '.repeat(1) + 'More prose. '.repeat(100))).toBe('text');
    expect(detectFormat('a < b and c > d, 3 <5')).toBe('text');
    expect(detectFormat('<Reuters> Markets rose on Tuesday as <b> traders returned.')).toBe('text');
    expect(detectFormat('')).toBe('text');
  });

  it('reads only the first few KB, so markup deep in a text file does not flip it', () => {
    expect(detectFormat('Plain words. '.repeat(1000) + '<html><body><p>x</p></body></html>')).toBe('text');
  });
});

describe('checkUsable', () => {
  it('accepts ordinary HTML and plain text', () => {
    expect(thrown(() => checkUsable('<html><body><p>Hello</p></body></html>'))).toBeNull();
    expect(thrown(() => checkUsable(ARTICLE_TEXT))).toBeNull();
    expect(thrown(() => checkUsable('日本語のニュース記事。\n\n東京都は火曜日に発表した。'))).toBeNull();
  });

  it('EMPTY_INPUT for empty and whitespace-only input', () => {
    for (const empty of ['', '   ', '\n\t\r\n', '\u00a0\uFEFF \u2003']) expectCode(() => checkUsable(empty), 'EMPTY_INPUT', 'empty');
  });

  const signatures: { name: string; head: number[]; says: string }[] = [
    { name: 'PNG', head: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], says: 'PNG image' },
    { name: 'JPEG', head: [0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46], says: 'JPEG image' },
    { name: 'GIF', head: [...'GIF89a'].map((c) => c.charCodeAt(0)), says: 'GIF image' },
    { name: 'WebP', head: [0x52, 0x49, 0x46, 0x46, 0x24, 0, 0, 0, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50], says: 'WebP image' },
    { name: 'PDF', head: [...'%PDF-1.7\n'].map((c) => c.charCodeAt(0)), says: 'PDF document' },
    { name: 'gzip', head: [0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0], says: 'gzip' },
    { name: 'zip', head: [0x50, 0x4b, 0x03, 0x04, 0x14, 0], says: 'zip archive' },
  ];

  for (const { name, head, says } of signatures) {
    it(`BINARY_INPUT names a ${name} file, whether passed as bytes or as a decoded string`, () => {
      const tail = Array.from({ length: 64 }, (_, i) => 0x41 + (i % 26));
      const raw = Uint8Array.from([...head, ...tail]);
      const asUtf8 = decodeInput(raw, { encoding: null });
      expectCode(() => checkUsable(asUtf8, raw), 'BINARY_INPUT', says);
      expectCode(() => checkUsable(asUtf8), 'BINARY_INPUT', says);
      // A caller who read the body with a latin1 decoder hands over U+0089 / U+2030 and the like.
      const asLatin1 = String.fromCharCode(...raw);
      expectCode(() => checkUsable(asLatin1), 'BINARY_INPUT', says);
    });
  }

  it('BINARY_INPUT for unknown binary: a high share of control bytes', () => {
    let seed = 7;
    const noise = Uint8Array.from({ length: 4096 }, () => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return (seed >>> 16) & 0xff;
    });
    expectCode(() => checkUsable(decodeInput(noise, { encoding: null }), noise), 'BINARY_INPUT', 'control bytes');
    expectCode(() => checkUsable('<p>text</p>' + '\u0000'.repeat(200)), 'BINARY_INPUT');
  });

  it('does not take ISO-2022-JP escapes or a stray control char for binary', () => {
    expect(thrown(() => checkUsable('\u001b$B4A;z\u001b(B news article text. '.repeat(50)))).toBeNull();
    expect(thrown(() => checkUsable('<p>A page with one stray \u0007 bell.</p>' + ' More text.'.repeat(20)))).toBeNull();
  });

  it('FEED_INPUT for RSS, Atom and RDF feeds', () => {
    expectCode(() => checkUsable('<?xml version="1.0"?>\n<rss version="2.0"><channel><title>x</title></channel></rss>'), 'FEED_INPUT', 'RSS feed');
    expectCode(
      () => checkUsable('<?xml version="1.0" encoding="utf-8"?>\n<?xml-stylesheet href="f.xsl"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>'),
      'FEED_INPUT',
      'Atom feed',
    );
    expectCode(() => checkUsable('<?xml version="1.0"?><rdf:RDF xmlns:rdf="x"><channel/></rdf:RDF>'), 'FEED_INPUT', 'RDF');
    expectCode(() => checkUsable('<rss version="2.0"><channel></channel></rss>'), 'FEED_INPUT', 'feed parser');
  });

  it('does not take an XHTML page, or an article about RSS, for a feed', () => {
    expect(thrown(() => checkUsable('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Subscribe to our <rss> feed</p></body></html>'))).toBeNull();
    expect(thrown(() => checkUsable('How to read an <rss> feed: open the <feed> element and look at entries.'))).toBeNull();
  });

  it('FRAMESET for a frameset page with no text of its own', () => {
    const frameset =
      '<html><head><title>Site</title><script>var x = "' + 'y'.repeat(500) + '";</script></head>' +
      '<frameset cols="20%,80%"><frame src="menu.html"><frame src="story.html">' +
      '<noframes><body>Your browser does not support frames.</body></noframes></frameset></html>';
    expectCode(() => extract(frameset), 'FRAMESET', 'src');
    expectCode(() => extract(frameset.toUpperCase()), 'FRAMESET', 'src');
    // A bare frameset, with no doctype, <html> or <head>, is a page too, and one behind more elements than the limit reads.
    const bare = '<frameset cols="20%,80%"><frame src="menu.html"><frame src="main.html"></frameset>';
    expect(detectFormat(bare)).toBe('html');
    expectCode(() => extract(bare), 'FRAMESET', 'src');
    const late = `<html><head>${'<meta name="x" content="y">'.repeat(5)}</head><frameset rows="*"><frame src="a.html"></frameset></html>`;
    expectCode(() => extract(late, { maxElements: 3 }), 'FRAMESET', 'src');
  });

  it('accepts a frameset page whose <noframes> holds the content', () => {
    const story = '<p>' + 'The committee met on Monday and agreed the budget. '.repeat(10) + '</p>';
    const page = `<html><frameset rows="*"><frame src="a.html"><noframes><body>${story}</body></noframes></frameset></html>`;
    expect(thrown(() => extract(page))?.code).not.toBe('FRAMESET');
  });

  it('does not take a page that only writes <frameset> in a script or a comment for a frameset', () => {
    const page = '<html><body><!-- <frameset> --><script>document.write("<frameset cols=2>")</script><h1>Hello</h1><p>A short note.</p></body></html>';
    expect(thrown(() => extract(page))?.code).not.toBe('FRAMESET');
  });

  it('every error message says what was received', () => {
    const cases: (() => void)[] = [() => checkUsable(''), () => checkUsable('%PDF-1.4 x'), () => checkUsable('<?xml version="1.0"?><rss>')];
    for (const run of cases) expect(thrown(run)?.message).toMatch(/^Received /);
  });
});

describe('controlShare', () => {
  it('counts C0 controls and DEL, but not tab, newlines, form feed or ESC, in the first 8,192 characters', () => {
    expect(controlShare('')).toBe(0);
    expect(controlShare('plain text\twith\r\nlines\f and \x1b[0m escapes')).toBe(0);
    expect(controlShare('\x00\x01ab')).toBe(0.5);
    expect(controlShare('a\x7f\x0b\x1f')).toBe(0.75);
    expect(controlShare(`${'x'.repeat(8192)}\x00`)).toBe(0);
    expect(controlShare(`\x00${'x'.repeat(8191)}\x00`)).toBe(1 / 8192);
  });
});
