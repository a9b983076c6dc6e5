import { describe, expect, it } from 'vitest';
import type { Article, ArticleBlock } from '../../src/types.js';
import { htmlToText, toText } from '../../src/render/text.js';

function article(blocks: ArticleBlock[], title: string | null = 'Harbour bridge reopens'): Article {
  return {
    title, authors: [], author: null, published: null, modified: null, siteName: null, lang: null, description: null,
    url: null, image: null, section: null, tags: [], headings: [], paragraphs: [], blocks, text: '', related: [],
    wordCount: 0, confidence: 1, provenance: {},
    trace: { format: 'html', timings: {}, fallback: null, winner: 'main', truncated: false, blockCount: blocks.length },
  };
}

const page = (body: string): string => `<!doctype html><html><head><title>Ignored title</title></head><body>${body}</body></html>`;

describe('htmlToText: blocks and spacing', () => {
  it('puts a blank line around paragraphs and a single line break around other blocks', () => {
    const html = page('<div>Top bar</div><h2>Council votes</h2><p>First paragraph.</p><p>Second paragraph.</p><div>Footer</div>');
    expect(htmlToText(html)).toBe('Top bar\nCouncil votes\n\nFirst paragraph.\n\nSecond paragraph.\n\nFooter');
  });

  it('collapses white space inside and across inline elements, and trims it at line edges', () => {
    const html = page('<p>\n   The   <b>mayor</b>\n said <a href="/x"> on  Monday </a>  that\tfunding\n</p>');
    expect(htmlToText(html)).toBe('The mayor said on Monday that funding');
  });

  it('keeps non-breaking spaces, which are not collapsible', () => {
    expect(htmlToText(page('<p>10&nbsp;km &nbsp; away</p>'))).toBe('10\u00a0km \u00a0 away');
  });

  it('turns <br> into a line feed and does not collapse consecutive ones', () => {
    expect(htmlToText(page('<p>Line one<br>Line two<br><br>Line four</p>'))).toBe('Line one\nLine two\n\nLine four');
  });

  it('keeps white space and line breaks in <pre>, dropping the line feed right after the start tag', () => {
    const html = page('<p>Run:</p><pre>\nconst a  = 1;\n  if (a) {\n    go();\n  }</pre><p>Done.</p>');
    expect(htmlToText(html)).toBe('Run:\n\nconst a  = 1;\n  if (a) {\n    go();\n  }\n\nDone.');
  });

  it('follows white-space: pre-line from an inline style: line feeds kept, spaces collapsed', () => {
    expect(htmlToText(page('<div style="white-space: pre-line">one   two\nthree</div>'))).toBe('one two\nthree');
  });

  it('decodes character references', () => {
    expect(htmlToText(page('<p>Fish &amp; chips &lt;3 &#8212; &eacute;t&eacute;</p>'))).toBe('Fish & chips <3 \u2014 été');
  });

  it('returns an empty string for an empty or text-free page', () => {
    expect(htmlToText('')).toBe('');
    expect(htmlToText(page('<div> </div><p>\n</p>'))).toBe('');
  });

  it('survives unclosed and stray tags', () => {
    expect(htmlToText('<body><div><p>Alpha<p>Beta</span></div>Gamma</li>')).toBe('Alpha\n\nBeta\n\nGamma');
  });

  it('renders body content a page forgot to put after </head>', () => {
    expect(htmlToText('<html><head><title>T</title><meta charset="utf-8"><p>Story text.</p>')).toBe('Story text.');
  });
});

describe('htmlToText: lists and tables', () => {
  it('puts each list item on its own line, without bullets or numbers, as browsers do', () => {
    const html = page('<p>Steps:</p><ol><li>Open</li><li>Read <em>all</em></li></ol><ul><li>Alpha</li><li><p>Beta</p></li></ul>');
    expect(htmlToText(html)).toBe('Steps:\n\nOpen\nRead all\nAlpha\n\nBeta');
  });

  it('separates cells with tabs and rows with line feeds, keeping empty cells', () => {
    const html = page(`<table>
      <thead><tr><th>City</th><th>Rain</th><th></th></tr></thead>
      <tbody><tr><td>Oslo</td><td>12 mm</td><td>wet</td></tr>
      <tr><td></td><td>3 mm</td><td></td></tr></tbody>
    </table><p>After.</p>`);
    expect(htmlToText(html)).toBe('City\tRain\t\nOslo\t12 mm\twet\n\t3 mm\t\n\nAfter.');
  });

  it('keeps nested tables apart from the outer row', () => {
    const html = page('<table><tr><td>a</td><td><table><tr><td>x</td><td>y</td></tr></table></td></tr></table>');
    expect(htmlToText(html)).toBe('a\t\nx\ty');
  });

  it('lists the options of a select one per line', () => {
    expect(htmlToText(page('<form>Jump to: <select><option>News</option><option>Sport</option></select></form>'))).toBe('Jump to:\nNews\nSport');
  });
});

describe('htmlToText: what is not rendered', () => {
  it('leaves out script, style, template, head and title content', () => {
    const html = '<html><head><title>Page title</title><style>p { color: red }</style><script>var a = "<p>no</p>";</script></head>'
      + '<body><p>Visible.</p><template><p>Template</p></template><script>document.write("x")</script></body></html>';
    expect(htmlToText(html)).toBe('Visible.');
  });

  it('leaves out elements with the hidden attribute, display:none or visibility:hidden', () => {
    const html = page('<p>Shown.</p><div hidden><p>Hidden attr.</p></div><p style="display: none">None.</p>'
      + '<div style="color:red; visibility:hidden">Invisible <span style="visibility: visible">but this child shows</span></div>'
      + '<input type="hidden" value="x"><p>End.</p>');
    expect(htmlToText(html)).toBe('Shown.\n\nbut this child shows\n\nEnd.');
  });

  it('renders <noscript> content as a browser with scripts off does, and hides it with scripting on', () => {
    const html = page('<p>Story.</p><noscript><p>Please enable JavaScript.</p></noscript>');
    expect(htmlToText(html)).toBe('Story.\n\nPlease enable JavaScript.');
    expect(htmlToText(html, { scripting: true })).toBe('Story.');
  });

  it('gives no text for images, form fields, iframes and SVG graphics, but keeps SVG <text>', () => {
    const html = page('<p>A <img src="a.jpg" alt="An alt text"> B</p><textarea>typed</textarea><iframe>fallback</iframe>'
      + '<svg><title>Icon</title><path d="M0"/><text x="1">Chart label</text></svg>');
    expect(htmlToText(html)).toBe('A B\n\nChart label');
  });

  it('shows only the summary of a closed <details>, and everything of an open one', () => {
    expect(htmlToText(page('<details><summary>More</summary><p>Body</p></details>'))).toBe('More');
    expect(htmlToText(page('<details open><summary>More</summary><p>Body</p></details>'))).toBe('More\n\nBody');
  });

  it('follows an inline display:block on an inline element', () => {
    expect(htmlToText(page('<span>one</span><span style="display:block">two</span><span>three</span>'))).toBe('one\ntwo\nthree');
  });
});

describe('htmlToText: cost', () => {
  it('handles deep nesting without recursion limits', () => {
    const deep = `${'<div>'.repeat(5_000)}deep text${'</div>'.repeat(5_000)}`;
    expect(htmlToText(deep)).toBe('deep text');
  });

  it('renders a megabyte page in well under the time a browser needs to lay it out', () => {
    const long = page('<p>word word word</p>'.repeat(50_000));
    const started = performance.now();
    expect(htmlToText(long).split('\n\n')).toHaveLength(50_000);
    // Generous bound for a shared CI machine; a quadratic step would take minutes here.
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

describe('toText', () => {
  const blocks: ArticleBlock[] = [
    { type: 'paragraph', text: 'The bridge opened at dawn.', links: [] },
    { type: 'heading', level: 2, text: 'Traffic' },
    { type: 'list', ordered: false, items: ['Cars', 'Bikes'] },
    { type: 'list', ordered: true, items: ['First', 'Second'] },
    { type: 'quote', text: 'It is a great day.' },
    { type: 'table', header: true, rows: [['Lane', 'Open'], ['North', 'yes'], ['South']] },
    { type: 'code', text: 'if (open) {\n  cross();\n}\n', language: 'js' },
    { type: 'figure', src: 'https://example.com/bridge.jpg', alt: 'A bridge', caption: 'The bridge at dawn.' },
    { type: 'figure', src: 'https://example.com/other.jpg', alt: 'Only alt', caption: null },
  ];

  it('prints the title then each block separated by blank lines', () => {
    expect(toText(article(blocks))).toBe(
      [
        'Harbour bridge reopens',
        'The bridge opened at dawn.',
        'Traffic',
        '• Cars\n• Bikes',
        '1. First\n2. Second',
        'It is a great day.',
        'Lane\tOpen\nNorth\tyes\nSouth\t',
        'if (open) {\n  cross();\n}',
        'The bridge at dawn.',
      ].join('\n\n'),
    );
  });

  it('leaves the title out on request or when there is none', () => {
    expect(toText(article(blocks.slice(0, 1)), { title: false })).toBe('The bridge opened at dawn.');
    expect(toText(article(blocks.slice(0, 1), null))).toBe('The bridge opened at dawn.');
  });

  it('gives an empty string for an article with no title and no blocks', () => {
    expect(toText(article([], null))).toBe('');
  });
});
