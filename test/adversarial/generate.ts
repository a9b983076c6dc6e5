/**
 * The adversarial corpus: pages built to hurt parsers, generated in memory (never stored as files).
 * Each case builds lazily, so listing the corpus costs nothing and the 50 MB page exists only
 * while it is being read.
 *
 * Run as a script to list the cases and their sizes: `node --import tsx test/adversarial/generate.ts`.
 */

export interface AdversarialCase {
  name: string;
  /** What the case attacks, for the report table. */
  what: string;
  /** Too slow or too big for every test run: only with NEWSPRINT_HEAVY=1 and in the robustness bench. */
  heavy: boolean;
  build: () => string | Uint8Array;
}

const SENTENCE = 'The harbour council voted on Tuesday to add two evening ferry crossings from May, after three years of requests. ';

/** A normal-looking article shell, so the attack sits inside something the pipeline would read. */
function shell(body: string, head = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour council approves ferry timetable</title>${head}</head><body><article><h1>Harbour council approves ferry timetable</h1><p>${SENTENCE.repeat(3)}</p>${body}<p>${SENTENCE.repeat(2)}</p></article></body></html>`;
}

function paragraphs(count: number): string {
  return `<p>${SENTENCE.repeat(4)}</p>\n`.repeat(count);
}

/** A page of about `targetChars` characters made of ordinary sections. */
function bigPage(targetChars: number): string {
  const section = `<section><h2>Section</h2>${paragraphs(10)}<ul><li><a href="/related/1">Related story</a></li><li><a href="/related/2">Another story</a></li></ul></section>\n`;
  const count = Math.max(1, Math.floor((targetChars - 400) / section.length));
  return shell(section.repeat(count));
}

/** `text` broken into lines of at most `width` characters at spaces, as a text-mode browser or `fmt` wraps a paragraph. */
function wrapAt(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (word.length === 0) continue;
    if (line.length > 0 && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line.length === 0 ? word : `${line} ${word}`;
  }
  if (line.length > 0) lines.push(line);
  return lines.join('\n');
}

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

const KB = 1024;
const MB = 1024 * KB;

export const ADVERSARIAL_CASES: readonly AdversarialCase[] = [
  {
    name: 'deep-nesting-100k',
    what: '100,000 nested <div> elements, text at the bottom',
    heavy: false,
    build: () => shell(`${'<div>'.repeat(100_000)}<p>${SENTENCE.repeat(3)}</p>${'</div>'.repeat(100_000)}`),
  },
  {
    name: 'deep-nesting-unclosed',
    what: '100,000 nested <div> elements never closed',
    heavy: false,
    build: () => `<html><body>${'<div class="wrap">'.repeat(100_000)}<p>${SENTENCE.repeat(5)}</p>`,
  },
  {
    name: 'deep-inline-100k',
    what: '100,000 nested inline tags (<b><i><em><span>…) around one paragraph',
    heavy: false,
    build: () => {
      const tags = ['b', 'i', 'em', 'span', 'strong', 'a href="/x"', 'u', 'small'];
      let open = '';
      let close = '';
      for (let i = 0; i < 100_000; i++) {
        const tag = tags[i % tags.length]!;
        open += `<${tag}>`;
        close = `</${tag.split(' ')[0]!}>` + close;
      }
      return shell(`<p>${open}${SENTENCE.repeat(5)}${close}</p>`);
    },
  },
  {
    name: 'page-50mb',
    what: 'a page of 49.9 million characters of ordinary sections (just under the default maxInputBytes)',
    heavy: true,
    build: () => bigPage(49_900_000),
  },
  {
    name: 'page-over-limit',
    what: 'a page of 53.5 million characters: over the default maxInputBytes',
    heavy: true,
    build: () => bigPage(51 * MB),
  },
  {
    name: 'million-elements',
    what: 'a million tiny <span> elements',
    heavy: true,
    build: () => shell(`<div>${'<span>a</span>'.repeat(1_000_000)}</div>`),
  },
  {
    name: 'many-paragraphs-100k',
    what: '100,000 short paragraphs',
    heavy: false,
    build: () => shell('<p>Short line of news text here.</p>'.repeat(100_000)),
  },
  {
    name: 'text-node-10mb',
    what: 'one 10 MB text node in a single <p>',
    heavy: false,
    build: () => shell(`<p>${SENTENCE.repeat(Math.ceil((10 * MB) / SENTENCE.length))}</p>`),
  },
  {
    name: 'text-node-10mb-no-spaces',
    what: 'one 10 MB text node without a single space',
    heavy: false,
    build: () => shell(`<p>${'x'.repeat(10 * MB)}</p>`),
  },
  {
    name: 'unclosed-comment',
    what: 'a comment opened mid-page and never closed',
    heavy: false,
    build: () => `<html><body><article><p>${SENTENCE.repeat(5)}</p><!-- never closed ${paragraphs(2000)}`,
  },
  {
    name: 'unclosed-tags',
    what: '20,000 <div><p><span><a> opened and never closed',
    heavy: false,
    build: () => `<html><body>${`<div><p><span><a href="/x">${SENTENCE}`.repeat(20_000)}`,
  },
  {
    name: 'unclosed-raw-text',
    what: '<title>, <textarea> and <style> never closed',
    heavy: false,
    build: () => `<html><head><title>${SENTENCE.repeat(100)}<style>p{color:red}${paragraphs(200)}<textarea>${paragraphs(200)}`,
  },
  {
    name: 'script-never-closed',
    what: '<script> opened mid-body and never closed, 1 MB after it',
    heavy: false,
    build: () => `<html><body><article><p>${SENTENCE.repeat(5)}</p><script>var story = "${paragraphs(2000)}`,
  },
  {
    name: 'nul-bytes',
    what: 'NUL characters scattered through markup and text',
    heavy: false,
    build: () => shell(`<p>${SENTENCE.split(' ').join('\u0000 ')}</p><di\u0000v>${SENTENCE}</div><p title="a\u0000b">${SENTENCE}</p>`.repeat(20)),
  },
  {
    name: 'nul-bytes-as-bytes',
    what: 'the same NUL-laden page given as bytes',
    heavy: false,
    build: () => utf8(shell(`<p>${SENTENCE.split(' ').join('\u0000 ')}</p>`.repeat(20))),
  },
  {
    name: 'lone-surrogates',
    what: 'lone UTF-16 surrogates in text, attributes and URLs',
    heavy: false,
    build: () =>
      shell(`<p>${SENTENCE}\uD800 alone \uDC00 reversed \uDC00\uD800 end\uDBFF</p><p><a href="/story/\uD83D">${SENTENCE}</a></p><img src="/i\uDFFF.jpg" alt="\uD800">`.repeat(10)),
  },
  {
    name: 'invalid-utf8-bytes',
    what: 'bytes with invalid UTF-8 sequences everywhere',
    heavy: false,
    build: () => {
      const page = utf8(shell(paragraphs(50)));
      const out = Uint8Array.from(page);
      for (let i = 200; i < out.length; i += 97) out[i] = 0xc0 + (i % 64);
      return out;
    },
  },
  {
    name: 'rtl-and-bidi',
    what: 'Arabic and Hebrew paragraphs with bidi override and isolate controls',
    heavy: false,
    build: () =>
      `<html dir="rtl" lang="ar"><head><meta charset="utf-8"><title>مجلس الميناء</title></head><body><article><h1>مجلس الميناء يوافق على جدول العبارات</h1>${
        '<p>صوت مجلس الميناء يوم الثلاثاء على إضافة رحلتين مسائيتين للعبارة اعتبارا من مايو، بعد ثلاث سنوات من الطلبات. \u202Eevil\u202C \u2067عزل\u2069</p><p dir="rtl">מועצת הנמל אישרה ביום שלישי שתי הפלגות ערב נוספות החל ממאי. \u200F\u200E</p>'.repeat(30)
      }</article></body></html>`,
  },
  {
    name: 'cjk-no-spaces',
    what: 'Chinese and Japanese text with no spaces, long runs',
    heavy: false,
    build: () =>
      `<html lang="zh"><head><meta charset="utf-8"><title>港口委员会批准新的渡轮时刻表</title></head><body><article><h1>港口委员会批准新的渡轮时刻表</h1>${
        '<p>港口委员会星期二投票决定从五月起增加两班晚间渡轮，此前居民要求了三年。東京都は火曜日に新しい時刻表を発表した。</p>'.repeat(300)
      }<p>${'漢'.repeat(200_000)}</p></article></body></html>`,
  },
  {
    name: 'emoji',
    what: 'emoji: ZWJ families, flags, skin tones, keycaps, variation selectors',
    heavy: false,
    build: () => shell(`<p>${SENTENCE}👨‍👩‍👧‍👦 🏳️‍🌈 🇯🇵 👍🏽 1️⃣ ☺︎ 🧑🏿‍🚀 ${'😀'.repeat(500)}</p>`.repeat(50)),
  },
  {
    name: 'svg-mathml-islands',
    what: 'SVG and MathML with foreignObject, scripts, CDATA and HTML integration points',
    heavy: false,
    build: () =>
      shell(
        `<svg viewBox="0 0 10 10"><script>alert(1)</script><foreignObject><p>${SENTENCE}</p><svg><![CDATA[ <p>not a para</p> ]]></svg></foreignObject><text>Chart label</text></svg>` +
          `<math><mi>x</mi><mtext><p>${SENTENCE}</p></mtext><annotation-xml encoding="text/html"><p>${SENTENCE}</p></annotation-xml></math>`.repeat(50) +
          `<svg>${'<g>'.repeat(5000)}<path d="M0 0"/>${'</g>'.repeat(5000)}</svg>`,
      ),
  },
  {
    name: 'template-shadow-dom',
    what: '<template> and declarative shadow DOM (<template shadowrootmode>)',
    heavy: false,
    build: () =>
      shell(
        `<div><template shadowrootmode="open"><style>p{}</style><p>${SENTENCE}</p><slot></slot></template><p>${SENTENCE}</p></div>` +
          `<template id="card"><p>Template text ${SENTENCE}</p></template>`.repeat(200) +
          `${'<template>'.repeat(2000)}x${'</template>'.repeat(2000)}`,
      ),
  },
  {
    name: 'plaintext-element',
    what: '<plaintext>: everything after it is text, closing tags included',
    heavy: false,
    build: () => `<html><body><article><p>${SENTENCE.repeat(3)}</p><plaintext></plaintext><p>${SENTENCE}</p></article>${paragraphs(100)}`,
  },
  {
    name: 'xmp-element',
    what: '<xmp> holding markup and script',
    heavy: false,
    build: () => shell(`<xmp><script>window.__xss && window.__xss()</script><p>${SENTENCE}</p></xmp>`.repeat(100)),
  },
  {
    name: 'giant-table',
    what: 'a page that is one 3,000 × 20 table (with nested tables)',
    heavy: false,
    build: () => {
      const row = `<tr>${'<td>cell text</td>'.repeat(19)}<td><table><tr><td>${SENTENCE}</td></tr></table></td></tr>`;
      return `<html><body><table>${row.repeat(3000)}</table></body></html>`;
    },
  },
  {
    name: 'attributes-100k',
    what: 'one element with 100,000 attributes',
    heavy: false,
    build: () => {
      const attributes = Array.from({ length: 100_000 }, (_, i) => `data-a${i}="v${i}"`).join(' ');
      return shell(`<p ${attributes} class="article-body">${SENTENCE.repeat(4)}</p>`);
    },
  },
  {
    name: 'huge-attribute-value',
    what: 'an href and a class of 8 MB each',
    heavy: false,
    build: () => shell(`<p class="${'story '.repeat(Math.ceil((8 * MB) / 6))}"><a href="/${'a'.repeat(8 * MB)}">${SENTENCE}</a>${SENTENCE}</p>`),
  },
  {
    name: 'entity-flood',
    what: '1,000,000 character references, some out of range or unterminated',
    heavy: false,
    build: () => shell(`<p>${'&amp;&#x110000;&#0;&#xD800;&notanentity&lt'.repeat(1_000_000 / 6)}</p>`),
  },
  {
    name: 'attribute-entity-flood',
    what: '1,000,000 character references inside one attribute value, one unclosed',
    heavy: false,
    build: () => shell(`<a title="${'&amp;'.repeat(500_000)}" href='${'&lt;'.repeat(500_000)}>${SENTENCE}</a>`),
  },
  {
    name: 'br-flood',
    what: '500,000 <br> in one block',
    heavy: false,
    build: () => shell(`<p>${`${SENTENCE}<br>`.repeat(10)}${'<br>'.repeat(500_000)}</p>`),
  },
  {
    name: 'link-flood',
    what: '100,000 links in one list',
    heavy: false,
    build: () => shell(`<ul>${'<li><a href="/story/n">Story headline here</a></li>'.repeat(100_000)}</ul>`),
  },
  {
    name: 'malformed-markup-soup',
    what: 'mis-nested, stray closing and half-open tags',
    heavy: false,
    build: () => shell(`<p><b>${SENTENCE}<i></b></p></i></div></span></table><p <p>< p>&lt<a href=">${SENTENCE}</a><</p>`.repeat(2000)),
  },
  {
    name: 'text-10mb-one-line',
    what: 'plain text: one 10 MB line',
    heavy: false,
    build: () => SENTENCE.repeat(Math.ceil((10 * MB) / SENTENCE.length)),
  },
  {
    name: 'text-500k-lines',
    what: 'plain text: 500,000 short lines, no blank line',
    heavy: false,
    build: () => 'A short line of news.\n'.repeat(500_000),
  },
  {
    name: 'text-wrapped-paragraph',
    what: 'plain text: one paragraph hard-wrapped at 70 columns over 40,000 lines (a text dump of a huge paragraph)',
    heavy: false,
    build: () => wrapAt(SENTENCE.repeat(Math.ceil((40_000 * 70) / SENTENCE.length)), 70),
  },
  {
    name: 'text-blank-lines',
    what: 'plain text: 1,000,000 blank lines around a story',
    heavy: false,
    build: () => `${'\n'.repeat(500_000)}${SENTENCE.repeat(5)}\n\n${SENTENCE.repeat(5)}${'\n \n'.repeat(250_000)}`,
  },
  {
    name: 'png-bytes',
    what: 'a PNG image served as a page',
    heavy: false,
    build: () => Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array<number>(64 * KB).fill(7)]),
  },
  {
    name: 'random-bytes',
    what: '1 MB of pseudo-random bytes',
    heavy: false,
    build: () => {
      let seed = 12345;
      return Uint8Array.from({ length: MB }, () => {
        seed = (seed * 1103515245 + 12345) >>> 0;
        return seed >>> 24;
      });
    },
  },
  {
    name: 'utf16-without-bom',
    what: 'a UTF-16LE page without a byte-order mark',
    heavy: false,
    build: () => {
      const page = shell(paragraphs(20));
      const out = new Uint8Array(page.length * 2);
      for (let i = 0; i < page.length; i++) {
        out[2 * i] = page.charCodeAt(i) & 0xff;
        out[2 * i + 1] = page.charCodeAt(i) >> 8;
      }
      return out;
    },
  },
  {
    name: 'whitespace-only',
    what: '1 MB of whitespace',
    heavy: false,
    build: () => ' \n\t'.repeat(350_000),
  },
  {
    name: 'markup-without-text',
    what: '200,000 empty elements, no text at all',
    heavy: false,
    build: () => `<html><body>${'<div><span></span><img src="/a.png"></div>'.repeat(200_000)}</body></html>`,
  },
  {
    name: 'rss-feed',
    what: 'an RSS feed served as a page',
    heavy: false,
    build: () => `<?xml version="1.0"?><rss version="2.0"><channel>${'<item><title>Story</title><description>Text</description></item>'.repeat(1000)}</channel></rss>`,
  },
  {
    name: 'json-ld-flood',
    what: '5 MB of JSON-LD, deeply nested, plus malformed blocks',
    heavy: false,
    build: () =>
      shell(
        '',
        `<script type="application/ld+json">${'{"@graph":['.repeat(20_000)}{"@type":"NewsArticle","headline":"x"}${']}'.repeat(20_000)}</script>` +
          `<script type="application/ld+json">{"author": ${'['.repeat(100_000)}</script>` +
          `<script type="application/ld+json">{"@type":"NewsArticle","articleBody":"${'x'.repeat(5 * MB)}"}</script>`,
      ),
  },
  {
    name: 'meta-flood',
    what: '100,000 <meta> tags and a 1 MB title',
    heavy: false,
    build: () => shell('', `${'<meta property="article:author" content="Jane Doe">'.repeat(100_000)}<title>${'T'.repeat(MB)}</title>`),
  },
];

export function caseNamed(name: string): AdversarialCase {
  const found = ADVERSARIAL_CASES.find((c) => c.name === name);
  if (found === undefined) throw new Error(`No adversarial case named ${name}`);
  return found;
}

export function sizeOf(input: string | Uint8Array): number {
  return typeof input === 'string' ? input.length : input.byteLength;
}

const isMain = typeof process !== 'undefined' && process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (isMain) {
  for (const c of ADVERSARIAL_CASES) {
    const size = c.heavy ? NaN : sizeOf(c.build());
    process.stdout.write(`${c.name.padEnd(28)} ${Number.isNaN(size) ? '(heavy)' : `${(size / 1024).toFixed(0)} KB`.padStart(10)}  ${c.what}\n`);
  }
}
