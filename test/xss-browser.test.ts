/**
 * The HTML renderer's promise, checked where it matters: in a real browser. Each hostile vector is
 * rendered with toHtml (directly in every Article field, and end to end through extract() of a
 * hostile page), loaded in headless Chromium, and must not run script: vectors call
 * `window.__xss()`, a binding that records calls, or open a dialog. Skips when Chromium is absent.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toHtml } from '../src/render/html.js';
import { extract } from '../src/index.js';
import { NewsprintError } from '../src/errors.js';
import type { Article, ArticleBlock } from '../src/types.js';
import { CHROMIUM_ARGS, DEFAULT_CHROMIUM_PATH } from '../scripts/chromium.mjs';

const CHROMIUM = process.env['NEWSPRINT_CHROMIUM'] ?? DEFAULT_CHROMIUM_PATH;
const HAVE_CHROMIUM = existsSync(CHROMIUM);
if (!HAVE_CHROMIUM) {
  process.stderr.write(`xss-browser: skipped, no Chromium at ${CHROMIUM} (install it, or point NEWSPRINT_CHROMIUM at one)\n`);
}


/** Time for deferred script (timers, error events of images that fail to load, toggle events, refreshes) to fire. */
const SETTLE_MS = 150;

/** Markup that runs `__xss()` if it reaches a browser as markup. */
export const XSS_TEXT_VECTORS: readonly string[] = [
  '<script>__xss(1)</script>',
  '<SCRIPT>__xss(2)</SCRIPT>',
  '<script src="data:text/javascript,__xss(3)"></script>',
  '<img src=x onerror=__xss(4)>',
  '<img src="x" onerror="__xss(5)">',
  '<IMG SRC=x ONERROR=__xss(6)>',
  '<svg onload=__xss(7)>',
  '<svg><script>__xss(8)</script></svg>',
  '<svg><animate onbegin=__xss(9) attributeName=x dur=1s>',
  '<body onload=__xss(10)>',
  '<iframe srcdoc="<script>parent.__xss(11)</script>"></iframe>',
  '<iframe src="javascript:parent.__xss(12)"></iframe>',
  '<object data="javascript:__xss(13)"></object>',
  '<embed src="javascript:__xss(14)">',
  '<details open ontoggle=__xss(15)>',
  '<video><source onerror=__xss(16)></video>',
  '<audio src=x onerror=__xss(17)>',
  '<input autofocus onfocus=__xss(18)>',
  '<select autofocus onfocus=__xss(19)></select>',
  '<textarea autofocus onfocus=__xss(20)></textarea>',
  '<marquee onstart=__xss(21)>x</marquee>',
  '<style onload=__xss(22)></style>',
  '<link rel=stylesheet href=x onerror=__xss(23)>',
  '<meta http-equiv="refresh" content="0;url=javascript:__xss(24)">',
  '"><script>__xss(25)</script>',
  "'><img src=x onerror=__xss(26)>",
  '</p><script>__xss(27)</script><p>',
  '</title><script>__xss(28)</script>',
  '</textarea><script>__xss(29)</script>',
  '</style><script>__xss(30)</script>',
  '<!--><script>__xss(31)</script>-->',
  '<![CDATA[><script>__xss(32)</script>]]>',
  '<scr<script>ipt>__xss(33)</scr</script>ipt>',
  '<math><mtext><table><mglyph><style><img src=x onerror=__xss(34)>',
  '<noscript><p title="</noscript><img src=x onerror=__xss(35)>">',
  '<form><button formaction="javascript:__xss(36)">x</button></form>',
  '<a href="javascript:__xss(37)" id="autoclick">x</a>',
  '<img src=x onerror="&#95;&#95;xss(38)">',
  '<img src=x onerror=\u0000__xss(39)>',
  '<img\u000bsrc=x\u000conerror=__xss(40)>',
  '<img/src=x/onerror=__xss(41)>',
  '<svg><a xlink:href="javascript:__xss(42)"><text y=20>x</text></a></svg>',
  '<base href="javascript:__xss(43)//">',
  '<isindex action=javascript:__xss(44) type=image>',
  '<table background="javascript:__xss(45)">',
  '<div style="width:expression(__xss(46))">',
  '<template><script>__xss(47)</script></template><script>document.body.append(document.querySelector("template").content)</script>',
  '<template shadowrootmode="open"><img src=x onerror=__xss(48)></template>',
  '<xmp></xmp><script>__xss(49)</script>',
  '<plaintext></plaintext><script>__xss(50)</script>',
  '<img src=x onerror=alert(51)>',
  '<script>confirm(52)</script>',
  '\u003cscript\u003e__xss(53)\u003c/script\u003e',
  '<img src=x onerror=__xss(54)//',
  '<svg/onload=__xss(55)//',
  '<script>window.location="javascript:__xss(56)"</script>',
  '<a href="#" onclick="__xss(57)" id="autoclick">click</a>',
  '<script type="module">__xss(58)</script>',
  '<iframe src="data:text/html,<script>parent.__xss(59)</script>"></iframe>',
  '<img srcset="x 1x" onerror=__xss(60)>',
];

/** URLs that run `__xss()` if a renderer emits them in href or src. */
export const XSS_URL_VECTORS: readonly string[] = [
  'javascript:__xss(101)',
  'JavaScript:__xss(102)',
  ' javascript:__xss(103)',
  '\tjava\nscript:__xss(104)',
  'java\u0000script:__xss(105)',
  '\u0001javascript:__xss(106)',
  'javascript&colon;__xss(107)',
  'javascript&#58;__xss(108)',
  '&#106;avascript:__xss(109)',
  'vbscript:__xss(110)',
  'data:text/html,<script>parent.__xss(111)</script>',
  'data:image/svg+xml,<svg onload="__xss(112)">',
  'x" onmouseover="__xss(113)" x="',
  "x' onerror='__xss(114)' x='",
  'https://example.com/"><script>__xss(115)</script>',
  'https://example.com/" autofocus onfocus="__xss(116)',
];

function article(blocks: ArticleBlock[], payload: string, url: string | null): Article {
  return {
    title: payload,
    authors: [payload],
    author: payload,
    published: null,
    modified: null,
    siteName: payload,
    lang: payload,
    description: payload,
    url,
    image: url,
    section: payload,
    tags: [payload],
    headings: [{ level: 2, text: payload }],
    paragraphs: [payload],
    blocks,
    text: payload,
    related: [{ title: payload, url, excerpt: payload, section: payload, position: 0 }],
    wordCount: 1,
    confidence: 1,
    provenance: {},
    trace: { format: 'html', timings: {}, fallback: null, winner: 'main', truncated: false, blockCount: blocks.length },
  };
}

/** Every block type with the payload in every text slot, and the URL in every URL slot. */
function hostileArticle(payload: string, url: string): Article {
  const blocks: ArticleBlock[] = [
    { type: 'heading', level: 2, text: payload },
    { type: 'paragraph', text: `Before ${payload} after`, links: [{ text: payload.slice(0, 10) || 'x', url }, { text: 'after', url }] },
    { type: 'paragraph', text: 'Read the report here.', links: [{ text: 'report', url }] },
    { type: 'list', ordered: false, items: [payload, 'second'] },
    { type: 'quote', text: payload },
    { type: 'code', text: payload, language: payload },
    { type: 'table', rows: [[payload, 'b'], ['c', payload]], header: true },
    { type: 'figure', src: url, alt: payload, caption: payload },
  ];
  return article(blocks, payload, url);
}

/** A page a hostile site might serve, with the payload as real markup and as escaped text, in the places extract() reads. */
function hostilePage(payload: string, url: string): string {
  const escaped = payload.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const prose = 'The council voted on Tuesday to add two evening ferry crossings from May, after three years of requests from residents.';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escaped}</title>
<meta property="og:title" content="${escaped}"><meta name="author" content="${escaped}"><meta name="description" content="${escaped}">
<meta property="og:image" content="${url.replace(/"/g, '&quot;')}"><link rel="canonical" href="${url.replace(/"/g, '&quot;')}">
<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: payload, author: { name: payload }, image: url }).replace(/</g, '\\u003c')}</script>
</head><body><article><h1>${escaped}</h1><p class="byline">By ${escaped}</p>
<p>${prose} ${escaped}</p><p>${prose} ${payload}</p><p>${prose} <a href="${url.replace(/"/g, '&quot;')}">${escaped}</a></p>
<h2>${escaped}</h2><ul><li>${escaped}</li><li>${prose}</li></ul><blockquote>${escaped} ${prose}</blockquote><pre><code>${escaped}</code></pre>
<figure><img src="${url.replace(/"/g, '&quot;')}" alt="${escaped}"><figcaption>${escaped}</figcaption></figure>
<table><tr><th>${escaped}</th><th>b</th></tr><tr><td>${escaped}</td><td>${prose}</td></tr></table>
<p>${prose}</p></article><aside class="related"><h3>Related</h3><ul><li><a href="${url.replace(/"/g, '&quot;')}">${escaped} story headline here</a></li></ul></aside></body></html>`;
}

interface Findings {
  calls: string[];
  dialogs: string[];
  /** Script-capable markup found in the final DOM: script elements, on* attributes, javascript: URLs. */
  liveMarkup: string[];
}

const BLANK = 'about:blank';

let context: BrowserContext | null = null;
let profileDir: string | null = null;
let page: Page | null = null;
const calls: string[] = [];
const dialogs: string[] = [];

async function load(html: string): Promise<Findings> {
  if (page === null) throw new Error('browser not started');
  if (page.url() !== BLANK) await page.goto(BLANK);
  calls.length = 0;
  dialogs.length = 0;
  await page.setContent(html, { waitUntil: 'load' });
  // Click every link, as a reader would: javascript: hrefs and click handlers run; any other
  // navigation is cancelled so the page under test stays loaded.
  await page.evaluate(() => {
    window.addEventListener(
      'click',
      (event) => {
        const link = event.target instanceof Element ? event.target.closest('a') : null;
        if (link !== null && link.protocol !== 'javascript:') event.preventDefault();
      },
      true,
    );
    for (const a of Array.from(document.querySelectorAll('a'))) a.click();
  });
  await page.waitForTimeout(SETTLE_MS);
  if (page.url() !== BLANK) return { calls: [...calls], dialogs: [...dialogs], liveMarkup: [`navigated to ${page.url()}`] };
  const liveMarkup = await page.evaluate(() => {
    const found: string[] = [];
    for (const element of Array.from(document.querySelectorAll('*'))) {
      const name = element.localName;
      if (name === 'script' || name === 'iframe' || name === 'object' || name === 'embed' || name === 'base' || name === 'form') found.push(`<${name}>`);
      for (const attribute of Array.from(element.attributes)) {
        if (attribute.name.toLowerCase().startsWith('on')) found.push(`${name}[${attribute.name}]`);
        if (/^\s*(?:javascript|vbscript|data):/i.test(attribute.value.replace(/[\u0000-\u0020]/g, ''))) found.push(`${name}[${attribute.name}=${attribute.value.slice(0, 40)}]`);
      }
    }
    return found;
  });
  return { calls: [...calls], dialogs: [...dialogs], liveMarkup };
}


describe.skipIf(!HAVE_CHROMIUM)('rendered HTML runs no script in Chromium', () => {
  beforeAll(async () => {
    profileDir = mkdtempSync(join(tmpdir(), 'newsprint-xss-'));
    context = await chromium.launchPersistentContext(profileDir, { executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS] });
    // No request leaves the browser: the rendered pages are self-contained, and a hostile URL must not be fetched.
    await context.route('**/*', (route) => (route.request().url().startsWith(BLANK) ? route.continue() : route.abort()));
    await context.exposeBinding('__xss', (_source, marker: unknown) => {
      calls.push(String(marker));
    });
    page = await context.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    if (profileDir !== null) rmSync(profileDir, { recursive: true, force: true });
  });

  it('the harness detects script that does run (positive control)', async () => {
    const raw = await load('<!doctype html><body><script>__xss("control")</script><img src=x onerror=alert("dialog")><a href="javascript:__xss(\'click\')">x</a>');
    expect(raw.calls).toContain('control');
    expect(raw.calls).toContain('click');
    expect(raw.dialogs.length).toBeGreaterThan(0);
    expect(raw.liveMarkup.length).toBeGreaterThan(0);
  });

  it(`${XSS_TEXT_VECTORS.length} text vectors and ${XSS_URL_VECTORS.length} URL vectors in every Article field: nothing runs`, async () => {
    const failures: string[] = [];
    const pairs = XSS_TEXT_VECTORS.map((payload, i) => [payload, XSS_URL_VECTORS[i % XSS_URL_VECTORS.length]!] as const);
    for (const [payload, url] of pairs) {
      for (const documentMode of [false, true]) {
        const html = toHtml(hostileArticle(payload, url), { document: documentMode });
        const found = await load(html);
        if (found.calls.length + found.dialogs.length + found.liveMarkup.length > 0) {
          failures.push(`${JSON.stringify(payload)} / ${JSON.stringify(url)}: ${JSON.stringify(found)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it('hostile pages through extract() then toHtml(): nothing runs', async () => {
    const failures: string[] = [];
    let rendered = 0;
    for (let i = 0; i < XSS_TEXT_VECTORS.length; i++) {
      const payload = XSS_TEXT_VECTORS[i]!;
      const url = XSS_URL_VECTORS[i % XSS_URL_VECTORS.length]!;
      let extracted: Article;
      try {
        extracted = extract(hostilePage(payload, url), { url: 'https://news.example/story/1' });
      } catch (error) {
        if (error instanceof NewsprintError) continue;
        throw error;
      }
      rendered++;
      const found = await load(toHtml(extracted, { document: true }));
      if (found.calls.length + found.dialogs.length + found.liveMarkup.length > 0) {
        failures.push(`${JSON.stringify(payload)} / ${JSON.stringify(url)}: ${JSON.stringify(found)}`);
      }
    }
    expect(failures).toEqual([]);
    // The pages are real articles: most must come through extract() for this test to mean anything.
    expect(rendered).toBeGreaterThan(XSS_TEXT_VECTORS.length / 2);
  }, 300_000);
});
