/**
 * Property tests: generated tag soup and generated plain text through extract() and segment().
 * Whatever the input, newsprint returns or throws a NewsprintError, and what it returns keeps the
 * promises of the Article type. NEWSPRINT_FUZZ_RUNS raises the run count (default below).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extract, segment } from '../src/index.js';
import { NewsprintError } from '../src/errors.js';
import type { Article } from '../src/types.js';

/** Runs per property by default: the four properties at this count take about 30 s on a shared 2-core machine. */
const DEFAULT_RUNS = 300;
export const FUZZ_RUNS = Number.parseInt(process.env['NEWSPRINT_FUZZ_RUNS'] ?? '', 10) || DEFAULT_RUNS;

/**
 * A fixed seed by default, so a CI failure reproduces and a green run stays green; set
 * NEWSPRINT_FUZZ_SEED (any integer, or `random`) to explore further. A failure prints its seed.
 */
const SEED_SETTING = process.env['NEWSPRINT_FUZZ_SEED'] ?? '20261125';
const SEED = SEED_SETTING === 'random' ? undefined : Number.parseInt(SEED_SETTING, 10);
const RUN_PARAMETERS: fc.Parameters<unknown> = { numRuns: FUZZ_RUNS, ...(SEED === undefined || Number.isNaN(SEED) ? {} : { seed: SEED }) };

/** Vitest's per-test limit grows with the run count, so raising NEWSPRINT_FUZZ_RUNS does not trip it. */
const TEST_TIMEOUT_MS = Math.max(60_000, FUZZ_RUNS * 200);

const PAGE_URL = 'https://news.example/world/harbour-vote.html';

const WORDS = [
  'the', 'council', 'voted', 'on', 'Tuesday', 'to', 'add', 'two', 'evening', 'ferry', 'crossings', 'from', 'May', 'after', 'three',
  'years', 'of', 'requests', 'residents', 'said', 'it', 'changes', 'how', 'we', 'live', 'here', 'and', 'a', 'new', 'timetable',
  'will', 'be', 'published', 'next', 'week', 'Related', 'Share', 'Subscribe', 'Advertisement', 'By', 'Jane', 'Doe', 'Read', 'more',
  'Menu', 'Cookies', 'Copyright', '2024', 'München', 'São', 'Paulo', '東京', 'مجلس', '😀', 'naïve', '—', '«quoted»', '“smart”',
];

const ENTITIES = ['&amp;', '&lt;', '&gt;', '&quot;', '&nbsp;', '&#x1F600;', '&#0;', '&#xD800;', '&bogus;', '&copy', '&#128512;', '&'];

const TAGS = [
  'p', 'p', 'p', 'div', 'div', 'span', 'a', 'a', 'b', 'em', 'h1', 'h2', 'h3', 'ul', 'ol', 'li', 'li', 'table', 'tr', 'td', 'th',
  'article', 'main', 'section', 'nav', 'aside', 'header', 'footer', 'blockquote', 'pre', 'code', 'figure', 'figcaption', 'img',
  'br', 'time', 'script', 'style', 'noscript', 'template', 'svg', 'form', 'button', 'iframe', 'title', 'meta', 'textarea',
];

const CLASS_TOKENS = ['article-body', 'entry-content', 'story', 'related', 'share', 'byline', 'author', 'comments', 'nav', 'footer', 'ad', 'promo', 'newsletter', 'cookie-banner', 'caption', 'x'];

/** Hrefs of every kind a page carries, including the page itself, which must never come back as related. */
const HREFS = [
  '/world/other-story.html', 'other.html', '../sport/match.html', 'https://news.example/world/harbour-vote.html',
  '/world/harbour-vote.html', 'harbour-vote.html#comments', '#top', '?page=2', '//cdn.news.example/a.jpg', 'https://elsewhere.example/x',
  'javascript:alert(1)', 'JAVASCRIPT:void(0)', 'data:text/html,x', 'mailto:desk@news.example', 'tel:+123', 'http://[bad', 'https://',
  '', ' ', 'http://news.example:99999/', 'ftp://files.example/x', 'https://news.example/world/harbour-vote.html?utm=1',
];

const textPiece = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...ENTITIES) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.constantFrom('<', '</', '<!--', '-->', '>', '<p', '</div', '<![CDATA[', ']]>', '\u0000', '\n\n', '\t') },
);

const text = fc.array(textPiece, { minLength: 1, maxLength: 40 }).map((pieces) => pieces.join(' '));

const attribute = fc.oneof(
  fc.constantFrom(...CLASS_TOKENS).map((token) => ` class="${token}"`),
  fc.constantFrom(...HREFS).map((href) => ` href="${href.replace(/"/g, '&quot;')}"`),
  fc.constantFrom(...HREFS).map((href) => ` src="${href.replace(/"/g, '&quot;')}"`),
  fc.constantFrom(' hidden', ' aria-hidden="true"', ' itemprop="articleBody"', ' rel="author"', ' role="navigation"', ' style="display:none"', ' datetime="2024-05-03T10:00:00Z"', ' lang="de"', ' id="main"', ' alt="A ferry"'),
  fc.string({ unit: 'binary', maxLength: 8 }).map((value) => ` data-x="${value.replace(/"/g, '')}"`),
);

interface ElementNode {
  tag: string;
  attributes: string[];
  children: SoupNode[];
  closed: boolean;
}
type SoupNode = string | ElementNode;

const soup = fc.letrec<{ node: SoupNode; element: ElementNode; text: string }>((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('text'), tie('element'), tie('element')),
  text,
  element: fc.record({
    tag: fc.constantFrom(...TAGS),
    attributes: fc.array(attribute, { maxLength: 3 }),
    children: fc.array(tie('node'), { maxLength: 6 }),
    closed: fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  }),
}));

function render(node: SoupNode): string {
  if (typeof node === 'string') return node;
  const inner = node.children.map(render).join('');
  return `<${node.tag}${node.attributes.join('')}>${inner}${node.closed ? `</${node.tag}>` : ''}`;
}

/** A paragraph of real-looking prose, so that many generated pages have an article to find. */
const prose = fc.array(fc.constantFrom(...WORDS.slice(0, 33)), { minLength: 12, maxLength: 60 }).map((words) => `${words.join(' ')}.`);

const head = fc.record({
  title: fc.option(text, { nil: null }),
  metas: fc.array(
    fc.tuple(fc.constantFrom('og:title', 'author', 'article:published_time', 'og:image', 'description', 'og:url', 'article:section', 'keywords'), fc.oneof(text, fc.constantFrom(...HREFS))),
    { maxLength: 5 },
  ),
  canonical: fc.option(fc.constantFrom(...HREFS), { nil: null }),
  jsonLd: fc.option(fc.oneof(fc.constant('{"@type":"NewsArticle","headline":"Ferry vote","author":{"name":"Jane Doe"},"datePublished":"2024-05-03"}'), text), { nil: null }),
});

const htmlPage = fc
  .record({
    head,
    before: fc.array(soup.node, { maxLength: 4 }),
    body: fc.array(fc.oneof(prose.map((p) => `<p>${p}</p>`), soup.node.map(render)), { minLength: 1, maxLength: 12 }),
    after: fc.array(soup.node, { maxLength: 4 }),
    wrap: fc.constantFrom('article', 'div class="entry-content"', 'main', 'div', ''),
    doctype: fc.boolean(),
  })
  .map(({ head: h, before, body, after, wrap, doctype }) => {
    const metas = h.metas.map(([key, value]) => `<meta ${key.includes(':') ? 'property' : 'name'}="${key}" content="${value.replace(/"/g, '&quot;')}">`).join('');
    const headHtml = `<head>${h.title === null ? '' : `<title>${h.title}</title>`}${metas}${h.canonical === null ? '' : `<link rel="canonical" href="${h.canonical}">`}${
      h.jsonLd === null ? '' : `<script type="application/ld+json">${h.jsonLd}</script>`
    }</head>`;
    const wrapTag = wrap.split(' ')[0] ?? '';
    const main = wrap === '' ? body.join('\n') : `<${wrap}>${body.join('\n')}</${wrapTag}>`;
    return `${doctype ? '<!doctype html>' : ''}<html>${headHtml}<body>${before.map(render).join('')}${main}${after.map(render).join('')}</body></html>`;
  });

const textLine = fc.oneof(
  { weight: 6, arbitrary: prose },
  { weight: 2, arbitrary: text },
  { weight: 1, arbitrary: fc.constantFrom('', '', '   ', '* Item one', '- Item two', '1. First', 'RELATED STORIES', 'By Jane Doe', 'Share  Tweet  Email', '----', 'Read more: https://news.example/world/x.html', PAGE_URL, 'Copyright 2024 News Example') },
);
const textPage = fc.array(textLine, { minLength: 1, maxLength: 40 }).map((lines) => lines.join('\n'));

const ABSOLUTE_HTTP = /^https?:\/\/[^\s]+$/;

function checkUrl(label: string, url: string | null): void {
  if (url === null) return;
  expect(url, `${label} must be an absolute http(s) URL`).toMatch(ABSOLUTE_HTTP);
  expect(() => new URL(url), `${label} must parse`).not.toThrow();
}

/** The promises of the Article type that hold for every input. */
function checkArticle(article: Article): void {
  let from = 0;
  for (const paragraph of article.paragraphs) {
    expect(paragraph.trim(), 'no empty paragraph').not.toBe('');
    const at = article.text.indexOf(paragraph, from);
    expect(at, `paragraph in text, in order: ${JSON.stringify(paragraph.slice(0, 80))}`).toBeGreaterThanOrEqual(0);
    from = at + paragraph.length;
  }
  for (const heading of article.headings) expect(heading.text.trim(), 'no empty heading').not.toBe('');
  for (const author of article.authors) expect(author.trim(), 'no empty author').not.toBe('');
  expect(article.author).toBe(article.authors[0] ?? null);
  checkUrl('url', article.url);
  checkUrl('image', article.image);
  for (const link of article.related) {
    checkUrl('related url', link.url);
    if (link.url !== null && article.url !== null) expect(link.url, 'a related link is not the page itself').not.toBe(article.url);
  }
  for (const block of article.blocks) {
    if (block.type === 'paragraph') for (const link of block.links) checkUrl('inline link url', link.url);
    if (block.type === 'figure') checkUrl('figure src', block.src);
  }
  expect(article.confidence).toBeGreaterThanOrEqual(0);
  expect(article.confidence).toBeLessThanOrEqual(1);
  expect(article.wordCount).toBeGreaterThanOrEqual(0);
}

/** extract() either returns an article that keeps its promises or throws a NewsprintError; anything else fails. */
function extractChecked(input: string, format: 'auto' | 'html' | 'text'): 'article' | 'error' {
  let article: Article;
  try {
    article = extract(input, { url: PAGE_URL, format });
  } catch (error) {
    if (error instanceof NewsprintError) return 'error';
    throw error;
  }
  checkArticle(article);
  return 'article';
}

function checkSegmentation(input: string, format: 'auto' | 'html' | 'text'): void {
  try {
    const { blocks } = segment(input, { url: PAGE_URL, format });
    for (let i = 1; i < blocks.length; i++) expect(blocks[i]!.index).toBeGreaterThan(blocks[i - 1]!.index);
  } catch (error) {
    if (!(error instanceof NewsprintError)) throw error;
    expect(error.code).not.toBe('NO_ARTICLE');
  }
}

/** Counterexamples fuzzing found, replayed first on every run so a fixed bug stays fixed. */
const TEXT_REGRESSIONS: readonly [string][] = [
  // A text page that prints its own URL under "RELATED STORIES" listed itself as related.
  [`${'the '.repeat(24)}the.\nRELATED STORIES\n${'the '.repeat(11)}the.\n${PAGE_URL}\nthe`],
];

describe(`properties (${FUZZ_RUNS} runs each)`, () => {
  it('HTML tag soup: extract returns a sound article or throws NewsprintError', { timeout: TEST_TIMEOUT_MS }, () => {
    const outcomes = { article: 0, error: 0 };
    fc.assert(
      fc.property(htmlPage, (page) => {
        outcomes[extractChecked(page, 'auto')]++;
      }),
      RUN_PARAMETERS,
    );
    // The generator must produce articles, or the invariants above are never exercised.
    expect(outcomes.article).toBeGreaterThan(FUZZ_RUNS / 4);
  });

  it('plain text: extract returns a sound article or throws NewsprintError', { timeout: TEST_TIMEOUT_MS }, () => {
    const outcomes = { article: 0, error: 0 };
    fc.assert(
      fc.property(textPage, (page) => {
        outcomes[extractChecked(page, 'text')]++;
      }),
      { ...RUN_PARAMETERS, examples: [...TEXT_REGRESSIONS] },
    );
    expect(outcomes.article).toBeGreaterThan(FUZZ_RUNS / 4);
  });

  it('segment: block indexes strictly increase and it never reports NO_ARTICLE', { timeout: TEST_TIMEOUT_MS }, () => {
    fc.assert(
      fc.property(fc.oneof(htmlPage, textPage), fc.constantFrom('auto' as const, 'html' as const, 'text' as const), (page, format) => {
        checkSegmentation(page, format);
      }),
      RUN_PARAMETERS,
    );
  });

  it('arbitrary strings and bytes: never anything but NewsprintError', { timeout: TEST_TIMEOUT_MS }, () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.uint8Array({ maxLength: 300 })), (input) => {
        try {
          extract(input, { url: PAGE_URL });
        } catch (error) {
          if (!(error instanceof NewsprintError)) throw error;
        }
      }),
      RUN_PARAMETERS,
    );
  });
});
