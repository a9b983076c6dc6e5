import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import type { Article, ArticleBlock } from '../../src/types.js';
import { HTML_RENDER_TAGS, toHtml } from '../../src/render/html.js';
import { safeUrl } from '../../src/render/inline.js';

function article(blocks: ArticleBlock[], extra: Partial<Article> = {}): Article {
  return {
    title: 'Harbour bridge reopens', authors: [], author: null, published: null, modified: null, siteName: null, lang: null,
    description: null, url: null, image: null, section: null, tags: [], headings: [], paragraphs: [], blocks, text: '',
    related: [], wordCount: 0, confidence: 1, provenance: {},
    trace: { format: 'html', timings: {}, fallback: null, winner: 'main', truncated: false, blockCount: blocks.length },
    ...extra,
  };
}

const DOCUMENT_TAGS = ['html', 'head', 'meta', 'title', 'body'];
const ALLOWED_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ['href'],
  img: ['src', 'alt'],
  code: ['class'],
  article: ['lang'],
  html: ['lang'],
  meta: ['charset'],
};

interface ParsedElement {
  name: string;
  attributes: Record<string, string>;
}

/** The decoded text inside the first element of a kind. */
function textOf(html: string, tag: string): string {
  let depth = 0;
  let text = '';
  const parser = new Parser(
    {
      onopentag: (name) => { if (name === tag || depth > 0) depth++; },
      onclosetag: (name) => { if (depth > 0 && (name === tag || depth > 1)) depth--; },
      ontext: (chunk) => { if (depth > 0) text += chunk; },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return text;
}

function parseElements(html: string): ParsedElement[] {
  const elements: ParsedElement[] = [];
  const parser = new Parser({ onopentag: (name, attributes) => elements.push({ name, attributes }) }, { decodeEntities: true });
  parser.write(html);
  parser.end();
  return elements;
}

/** Everything a hostile page could smuggle through the extracted text or its URLs. */
const HOSTILE_TEXT = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '"><script>alert(1)</script>',
  "'><img src=x onerror=alert(1)>",
  '<a href="javascript:alert(1)">x</a>',
  '<div style="background:url(javascript:alert(1))">',
  '<body onload=alert(1)>',
  '</p><script>alert(1)</script><p>',
  '<!--<script>alert(1)//-->',
  '<![CDATA[<script>alert(1)</script>]]>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<style>@import "javascript:alert(1)";</style>',
  '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  '<details open ontoggle=alert(1)>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '\u0000<script>alert(1)</script>',
  '<textarea></textarea><script>alert(1)</script>',
  '<title></title><script>alert(1)</script>',
];

const HOSTILE_URLS = [
  'javascript:alert(1)',
  'JavaScript:alert(1)',
  'JAVASCRIPT:alert(1)',
  ' javascript:alert(1)',
  '\tjavascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'java\u0000script:alert(1)',
  '\u0001javascript:alert(1)',
  'javascript&colon;alert(1)',
  'javascript&#58;alert(1)',
  'javascript&#x3A;alert(1)',
  'javascript&#0000058alert(1)',
  'jav&#x09;ascript:alert(1)',
  'jav&#9;ascript:alert(1)',
  'javascript&amp;colon;alert(1)',
  '&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)',
  'vbscript:msgbox(1)',
  'VBScript:msgbox(1)',
  'data:text/html,<script>alert(1)</script>',
  'DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'data:image/svg+xml,<svg onload=alert(1)>',
  'file:///etc/passwd',
  'livescript:alert(1)',
  'javascript\u200b:alert(1)',
  '\ufeffjavascript:alert(1)',
];

/** Allowed schemes carrying quotes, to break out of the attribute: kept, with the quotes percent-encoded. */
const BREAKOUT_URLS = [
  'x" onmouseover="alert(1)',
  "x' onerror='alert(1)",
  'https://example.com/" onclick="alert(1)',
  'https://example.com/a b>c<d`e',
];

function assertSafe(html: string, document = false): void {
  const lower = html.toLowerCase();
  expect(lower).not.toContain('<script');
  // Every "<" in the output opens a tag (text has its "<" escaped), so the tags are exactly these runs.
  const markup = lower.match(/<[^>]*>/g) ?? [];
  for (const tag of markup) {
    // Attribute values are always double-quoted with '"' escaped, so removing them leaves names only.
    const names = tag.replace(/"[^"]*"/g, '""');
    expect(names).not.toMatch(/\son[a-z]+\s*=/);
    expect(names).not.toContain('style=');
    for (const url of tag.match(/(?:href|src)="[^"]*"/g) ?? []) expect(url).not.toMatch(/(?:javascript|vbscript|livescript|data)\s*:/);
  }
  const allowedTags = new Set([...HTML_RENDER_TAGS, ...(document ? DOCUMENT_TAGS : [])]);
  for (const element of parseElements(html)) {
    expect(allowedTags.has(element.name), `unexpected <${element.name}>`).toBe(true);
    const allowed = ALLOWED_ATTRIBUTES[element.name] ?? [];
    for (const [name, value] of Object.entries(element.attributes)) {
      expect(allowed, `unexpected ${name} on <${element.name}>`).toContain(name);
      if (name === 'href' || name === 'src') expect(safeUrl(value), `unsafe URL ${value}`).toBe(value.trim());
    }
  }
}

describe('toHtml: hostile text stays text', () => {
  for (const payload of HOSTILE_TEXT) {
    it(`escapes ${JSON.stringify(payload)} in every text field`, () => {
      const hostile = article(
        [
          { type: 'heading', level: 2, text: payload },
          { type: 'paragraph', text: `Before ${payload} after`, links: [{ text: payload, url: 'https://example.com/a' }] },
          { type: 'list', ordered: false, items: [payload] },
          { type: 'quote', text: payload },
          { type: 'code', text: payload, language: payload },
          { type: 'table', header: true, rows: [[payload], [payload]] },
          { type: 'figure', src: 'https://example.com/i.jpg', alt: payload, caption: payload },
        ],
        { title: payload, lang: payload },
      );
      const fragment = toHtml(hostile);
      assertSafe(fragment);
      assertSafe(toHtml(hostile, { document: true }), true);
      // The payload survives as text: a reader sees exactly what the page said.
      expect(parseElements(fragment).filter((element) => element.name === 'h2')).toHaveLength(1);
      expect(textOf(fragment, 'h2')).toBe(payload.replace(/\u0000/g, ''));
      expect(textOf(fragment, 'blockquote')).toBe(payload.replace(/\u0000/g, ''));
    });
  }
});

describe('toHtml: hostile URLs are dropped, the element kept', () => {
  for (const url of HOSTILE_URLS) {
    it(`drops ${JSON.stringify(url)}`, () => {
      const hostile = article([
        { type: 'paragraph', text: 'Read the report now.', links: [{ text: 'report', url }] },
        { type: 'figure', src: url, alt: 'Chart', caption: 'A chart' },
      ]);
      const html = toHtml(hostile);
      assertSafe(html);
      expect(html).not.toContain('<a ');
      expect(html).not.toContain('<img');
      expect(html).toContain('<p>Read the report now.</p>');
      expect(html).toContain('<figcaption>A chart</figcaption>');
    });
  }
});

describe('toHtml: URLs cannot leave their attribute', () => {
  for (const url of BREAKOUT_URLS) {
    it(`percent-encodes the delimiters of ${JSON.stringify(url)}`, () => {
      const html = toHtml(article([{ type: 'paragraph', text: 'See the report.', links: [{ text: 'report', url }] }]));
      assertSafe(html);
      const anchors = parseElements(html).filter((element) => element.name === 'a');
      expect(anchors).toHaveLength(1);
      expect(Object.keys(anchors[0]?.attributes ?? {})).toEqual(['href']);
      expect(anchors[0]?.attributes['href']).not.toMatch(/["'<>`\s]/);
    });
  }
});

describe('toHtml: structure', () => {
  const blocks: ArticleBlock[] = [
    { type: 'paragraph', text: 'Read the report and the annex.', links: [{ text: 'report', url: 'https://example.com/r?a=1&b=2' }, { text: 'annex', url: '/annex' }] },
    { type: 'heading', level: 9, text: 'Deep' },
    { type: 'list', ordered: true, items: ['One', 'Two'] },
    { type: 'table', header: true, rows: [['City', 'Rain'], ['Oslo']] },
    { type: 'code', text: 'a < b && c', language: 'js' },
    { type: 'figure', src: 'mailto:desk@example.com', alt: null, caption: null },
  ];

  it('renders each block as its element, with safe links kept and query strings escaped', () => {
    expect(toHtml(article(blocks))).toBe(
      '<article>\n'
        + '<h1>Harbour bridge reopens</h1>\n'
        + '<p>Read the <a href="https://example.com/r?a=1&amp;b=2">report</a> and the <a href="/annex">annex</a>.</p>\n'
        + '<h6>Deep</h6>\n'
        + '<ol><li>One</li><li>Two</li></ol>\n'
        + '<table><thead><tr><th>City</th><th>Rain</th></tr></thead><tbody><tr><td>Oslo</td><td></td></tr></tbody></table>\n'
        + '<pre><code class="language-js">a &lt; b &amp;&amp; c</code></pre>\n'
        + '<figure><img src="mailto:desk@example.com"></figure>\n'
        + '</article>\n',
    );
  });

  it('wraps a whole page with doctype, charset, title and lang on request', () => {
    const html = toHtml(article([], { title: 'Tom & Jerry', lang: 'pt-BR' }), { document: true, title: false });
    expect(html.startsWith('<!doctype html>\n<html lang="pt-BR">\n<head>\n<meta charset="utf-8">\n<title>Tom &amp; Jerry</title>')).toBe(true);
    expect(html).toContain('<article lang="pt-BR">\n</article>');
    expect(html).not.toContain('<h1>');
  });

  it('drops characters HTML does not allow and keeps the rest of the text', () => {
    expect(toHtml(article([{ type: 'quote', text: 'a\u0000b\u0007c\ud800d' }]), { title: false })).toContain('<blockquote><p>abc\ufffdd</p></blockquote>');
  });
});
