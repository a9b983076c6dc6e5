import { marked } from 'marked';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import type { Article, ArticleBlock } from '../../src/types.js';
import { toMarkdown } from '../../src/render/markdown.js';
import { htmlToText } from '../../src/render/text.js';

function article(blocks: ArticleBlock[], extra: Partial<Article> = {}): Article {
  return {
    title: 'Harbour bridge reopens', authors: [], author: null, published: null, modified: null, siteName: null, lang: null,
    description: null, url: null, image: null, section: null, tags: [], headings: [], paragraphs: [], blocks, text: '',
    related: [], wordCount: 0, confidence: 1, provenance: {},
    trace: { format: 'html', timings: {}, fallback: null, winner: 'main', truncated: false, blockCount: blocks.length },
    ...extra,
  };
}

/** What a GFM reader makes of the Markdown: the tags it produces. */
function gfmTags(markdown: string): string[] {
  const tags: string[] = [];
  const parser = new Parser({ onopentag: (name) => tags.push(name) });
  parser.write(marked.parse(markdown, { gfm: true, async: false }));
  parser.end();
  return tags;
}

function gfmText(markdown: string): string {
  return htmlToText(marked.parse(markdown, { gfm: true, async: false }));
}

/** Text that turns into markup if written to Markdown as is. */
const TRICKY_PARAGRAPHS = [
  '1. This looks like a list item',
  '2) So does this',
  '# Not a heading',
  '> Not a quote',
  '- not a bullet',
  '+ nor this',
  '* nor this one',
  '***',
  '---',
  '===',
  'Prices rose *sharply* and _quickly_ for **two** weeks',
  'snake_case_name and __init__ stay as they are',
  'See [the docs](https://example.com) for more',
  '![an image](https://example.com/i.png)',
  'Inline `code` and ``double`` ticks',
  'A <b>bold</b> claim and <script>alert(1)</script>',
  'Tom &amp; Jerry &copy; &#169;',
  'a | b | c',
  '~~struck~~ through',
  'Back\\slash and \\*escaped\\*',
  '    four spaces of indent',
  '<!-- a comment -->',
  '[1]: https://example.com/reference',
  'Price: $5 [approx.]',
];

describe('toMarkdown: text never turns into markup', () => {
  for (const text of TRICKY_PARAGRAPHS) {
    it(`keeps ${JSON.stringify(text)} as one plain paragraph`, () => {
      const markdown = toMarkdown(article([{ type: 'paragraph', text, links: [] }]), { title: false });
      // A bare URL in the text may become a GFM autolink: same text, so it is allowed, but nothing else.
      const bareUrl = /https?:\/\//.test(text);
      expect(gfmTags(markdown).filter((tag) => !(bareUrl && tag === 'a'))).toEqual(['p']);
      expect(gfmText(markdown)).toBe(text.trim());
    });
  }

  it('escapes headings, list items, quotes and table cells too', () => {
    const text = '1. *a* [b] `c` # d | e';
    const markdown = toMarkdown(
      article(
        [
          { type: 'heading', level: 2, text: `${text} #` },
          { type: 'list', ordered: false, items: [text] },
          { type: 'quote', text },
          { type: 'table', header: true, rows: [['h'], [text]] },
        ],
        { title: text },
      ),
    );
    expect(gfmTags(markdown)).toEqual(['h1', 'h2', 'ul', 'li', 'blockquote', 'p', 'table', 'thead', 'tr', 'th', 'tbody', 'tr', 'td']);
    expect(gfmText(markdown).split('\n').filter((line) => line !== '')).toEqual([text, `${text} #`, text, text, 'h', text]);
  });
});

describe('toMarkdown: structure', () => {
  it('renders each block kind in GFM', () => {
    const markdown = toMarkdown(
      article([
        { type: 'paragraph', text: 'The bridge opened at dawn.', links: [] },
        { type: 'heading', level: 3, text: 'Traffic' },
        { type: 'list', ordered: false, items: ['Cars', 'Bikes'] },
        { type: 'list', ordered: true, items: ['First', 'Second'] },
        { type: 'quote', text: 'It is a great day.' },
        { type: 'table', header: true, rows: [['Lane', 'Open'], ['North', 'yes'], ['South']] },
        { type: 'code', text: 'cross();\n', language: 'js' },
        { type: 'figure', src: 'https://example.com/bridge.jpg', alt: 'A bridge', caption: 'The bridge at dawn.' },
      ]),
    );
    expect(markdown).toBe(
      [
        '# Harbour bridge reopens',
        'The bridge opened at dawn.',
        '### Traffic',
        '- Cars\n- Bikes',
        '1. First\n2. Second',
        '> It is a great day.',
        '| Lane | Open |\n| --- | --- |\n| North | yes |\n| South |  |',
        '```js\ncross();\n```',
        '![A bridge](https://example.com/bridge.jpg)\n*The bridge at dawn.*',
      ].join('\n\n') + '\n',
    );
  });

  it('links the text of inline links, in order, and leaves unsafe or unfound links as text', () => {
    const markdown = toMarkdown(
      article([
        {
          type: 'paragraph',
          text: 'The report (PDF) and the report summary, plus a trick.',
          links: [
            { text: 'report', url: 'https://example.com/r_(2024)' },
            { text: 'report summary', url: '/summary page' },
            { text: 'trick', url: 'javascript:alert(1)' },
            { text: 'missing', url: 'https://example.com/m' },
          ],
        },
      ]),
      { title: false },
    );
    expect(markdown).toBe('The [report](https://example.com/r_%282024%29) (PDF) and the [report summary](/summary%20page), plus a trick.\n');
    expect(gfmTags(markdown)).toEqual(['p', 'a', 'a']);
  });

  it('fences code with more backticks than any run inside, and drops an unsafe language tag', () => {
    const code = 'const fence = "```";\nconst longer = "````";';
    const markdown = toMarkdown(article([{ type: 'code', text: code, language: 'js\n# injected' }]), { title: false });
    expect(markdown).toBe(`\`\`\`\`\`\n${code}\n\`\`\`\`\`\n`);
    expect(gfmTags(markdown)).toEqual(['pre', 'code']);
    expect(gfmText(markdown).trimEnd()).toBe(code);
  });

  it('gives a headerless table an empty header row and escapes pipes in cells', () => {
    const markdown = toMarkdown(article([{ type: 'table', header: false, rows: [['a|b', 'c\nd']] }]), { title: false });
    expect(markdown).toBe('|  |  |\n| --- | --- |\n| a\\|b | c d |\n');
    expect(gfmText(markdown)).toBe('\t\na|b\tc d');
  });

  it('drops an unsafe image but keeps its caption', () => {
    const markdown = toMarkdown(article([{ type: 'figure', src: 'data:image/png;base64,AAAA', alt: 'x', caption: 'Caption' }]), { title: false });
    expect(markdown).toBe('*Caption*\n');
  });

  it('adds a byline line with the metadata option', () => {
    const withMeta = article([], { authors: ['Ada Byron', 'Li Wei'], published: '2024-05-01T08:00:00+02:00' });
    expect(toMarkdown(withMeta, { metadata: true })).toBe('# Harbour bridge reopens\n\n*By Ada Byron, Li Wei · 2024-05-01*\n');
    expect(toMarkdown(withMeta)).toBe('# Harbour bridge reopens\n');
    expect(toMarkdown(article([], { title: null }), { metadata: true })).toBe('');
  });
});
