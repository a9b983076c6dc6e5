import { Readability } from '@mozilla/readability';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { parseVoteDocument, type VoteElement } from '../../src/extract/vote-dom.js';
import { loadHtmlFixtures } from '../fixtures/html/load.js';

/** What a DOM says of a node and all below it: type, tag, whether svg, attributes in order, text; the same walk for both DOMs. */
interface DumpNode {
  nodeType: number;
  tagName?: string;
  data?: string;
  attributes?: ArrayLike<{ name: string; value: string }>;
  childNodes?: ArrayLike<DumpNode>;
  /** An object on svg elements (linkedom's SVG class), a string on the others. */
  className?: unknown;
}

function dump(node: DumpNode): string {
  if (node.nodeType === 3) return `#text(${JSON.stringify(node.data)})`;
  if (node.nodeType === 8) return `#comment(${JSON.stringify(node.data)})`;
  if (node.nodeType !== 1 && node.nodeType !== 9) return '';
  const attrs = Array.from(node.attributes ?? [], (a) => ` ${a.name}=${JSON.stringify(a.value)}`).join('');
  const children = Array.from(node.childNodes ?? [], dump).join('');
  const svg = typeof node.className === 'object' ? ' [svg]' : '';
  return node.nodeType === 9 ? children : `<${node.tagName}${svg}${attrs}>${children}</>`;
}

const linkedomDocument = (html: string): DumpNode => parseHTML(html).document as unknown as DumpNode;
const builtinDocument = (html: string): DumpNode => parseVoteDocument(html) as unknown as DumpNode;

/** Pieces of markup that reach the parser's rules: implied end tags, void and self-closing tags, svg, stray end tags, comments, entities, attribute case, order and repeats. */
const PIECES = [
  '<p>', '</p>', '<div>', '</div>', '<li>', '<ul>', '</ul>', '<table>', '<tr>', '<td>', '</td>', '<tbody>', '<h2>', '</h2>', '<br>', '</br>',
  '<br/>', '<div/>', '<img src="a.jpg">', '<svg>', '</svg>', '<path d="M0"/>', '<g>', '</g>', '<math>', '<mi>', '</mi>', '</math>',
  '<span class=" a  b a ">', '</span>', '<i b="1" 7="2" 2="3">', '</i>', '<u __proto__="x" constructor="y">', '</u>', '<a href="/x?a=1&amp;b=2" CLASS="up">', '</a>', '<b id="x" id="y">', '</b>', '<!-- note -->',
  '<!--', '-->', '<![CDATA[x]]>', '<title>', '</title>', '<script>', '</script>', '<template>', '</template>', 'text', ' ', '\n',
  '&amp;', '&nbsp;', '&lt;b&gt;', '&copy', 'é', '<', '>', '"', '<DIV>', '</DIV>', '<select>', '<option>', '<dd>', '<dt>', '<p/>',
  '<title>a &amp;copy; <b></title>', '<textarea>x &lt; y</textarea>', '<style>p>a{}</style>', '<svg><img src="a.jpg"></svg>',
  '<img src="b.jpg" data-src="c.jpg">', '<noscript><img src="d.jpg"></noscript>', '<figure>', '</figure>',
];

/** The whole document as HTML: linkedom's nodes' own strings, our serialiser. */
const linkedomHtml = (html: string): string =>
  Array.from(parseHTML(html).document.childNodes as ArrayLike<Node>, (node) => (node.nodeType === 10 ? '' : String(node))).join('');
const builtinHtml = (html: string): string => parseVoteDocument(html).innerHTML;

/** An article-like page from random parts: prose with inline oddities, boxes Readability strips or keeps, tables, lists, svg. */
const articlePage = fc
  .array(
    fc.oneof(
      fc.constantFrom(...PIECES),
      fc.constantFrom(
        '<p>The harbour council voted on Tuesday to rebuild the old pier, after two winters of storms left it closed to boats, walkers and anglers alike.</p>',
        '<p>Work starts in spring, the mayor said, and should take eighteen months; the ferry, meanwhile, will moor at the north quay.</p>',
        '<div class="comment"><p>I walked on that pier every day for years, and I think the council waited far too long.</p></div>',
        '<div class="sidebar related"><ul><li><a href="/a">Other story</a></li><li><a href="#x">Jump</a></li></ul></div>',
        '<div><span>Loose text in a div, long enough to become a paragraph of its own when Readability wraps it, with commas, and more.</span><br><br>More loose text.</div>',
        '<table><tr><td>Cell one, with some words in it</td><td>Cell two</td></tr></table>',
        '<h2>A section heading</h2>', '<h1>Pier to be rebuilt</h1>', '<article>', '</article>', '<section>', '</section>',
        '<a href="javascript:void(0)">Share</a>', '<font>old</font>', '<p style="display:none">hidden</p>', '<div hidden>gone</div>',
        '<object data="x.swf"></object>', '<iframe src="https://www.youtube.com/embed/x"></iframe>', '<p class="byline">By Jane Doe</p>',
      ),
    ),
    { maxLength: 30 },
  )
  .map((parts) => `<html><head><title>Pier to be rebuilt</title></head><body>${parts.join('')}</body></html>`);

const READABILITY_FIELDS = ['title', 'byline', 'dir', 'lang', 'excerpt', 'siteName', 'publishedTime', 'textContent', 'content', 'length'] as const;

/** Readability's answer on each DOM, straight (no retry on linkedom behind it): every field, or the error. */
function readabilityOn(document: unknown, charThreshold: number): unknown {
  try {
    const result = new Readability(document as Document, { charThreshold }).parse();
    return result === null ? null : READABILITY_FIELDS.map((field) => result[field]);
  } catch (error) {
    return `throws ${error instanceof Error ? error.name : 'something'}`;
  }
}

describe('the builtin DOM for Readability', () => {
  it('builds the tree linkedom builds, node for node, on random markup', () => {
    const markup = fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }).map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(markup, (html) => {
        expect(dump(builtinDocument(html))).toEqual(dump(linkedomDocument(html)));
      }),
      { numRuns: 2000 },
    );
  });

  it('writes the HTML linkedom writes, on random markup', () => {
    const markup = fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }).map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(markup, (html) => {
        expect(builtinHtml(html)).toEqual(linkedomHtml(html));
      }),
      { numRuns: 2000 },
    );
  });

  it("gives Readability linkedom's answer, field for field, on random article-like pages", () => {
    fc.assert(
      fc.property(articlePage, fc.constantFrom(1, 500), (html, charThreshold) => {
        expect(readabilityOn(parseVoteDocument(html), charThreshold)).toEqual(readabilityOn(parseHTML(html).document, charThreshold));
      }),
      { numRuns: 400 },
    );
  });

  it('keeps the text of a title inside the article raw, and gives an svg image no src, as linkedom does', () => {
    const prose = 'The harbour council voted on Tuesday to rebuild the old pier, after two winters of storms left it closed, and more.';
    const pages = [
      `<html><head><title>T</title></head><body><div class="comment"><p>${prose} <title>Fish &amp;copy; &lt;b&gt; chips</title> ${prose}</p></div></body></html>`,
      `<html><head><title>T</title></head><body><p>${prose}<svg><img src="a.jpg" data-x="b.jpg"></svg></p><p>${prose}</p></body></html>`,
    ];
    for (const html of pages) {
      for (const charThreshold of [1, 500]) {
        const theirs = readabilityOn(parseHTML(html).document, charThreshold);
        expect(String(theirs)).not.toMatch(/^throws/);
        expect(readabilityOn(parseVoteDocument(html), charThreshold)).toEqual(theirs);
      }
    }
  });

  it("gives Readability linkedom's answer, field for field, on every invented page", () => {
    const fields = READABILITY_FIELDS;
    const fixtures = loadHtmlFixtures();
    expect(fixtures.length).toBeGreaterThan(10);
    for (const fixture of fixtures) {
      for (const charThreshold of [1, 500]) {
        const onLinkedom = new Readability(parseHTML(fixture.source).document as unknown as Document, { charThreshold }).parse();
        const onBuiltin = new Readability(parseVoteDocument(fixture.source) as unknown as Document, { charThreshold }).parse();
        for (const field of fields) expect([fixture.slug, field, onBuiltin?.[field]]).toEqual([fixture.slug, field, onLinkedom?.[field]]);
      }
    }
  });

  it("finds elements by tag as linkedom does: getElementsByTagName by the name as given or upper-cased, querySelectorAll case-blind", () => {
    const html = '<html><head></head><body><div>a</div><template><p>in a template</p></template><p>b</p></body></html>';
    const seen = (document: Document): unknown[] => {
      const made = document.createElement('DIV');
      document.body.appendChild(made);
      return [
        made.tagName,
        document.getElementsByTagName('div').length,
        document.getElementsByTagName('DIV').length,
        document.querySelectorAll('div').length,
        document.getElementsByTagName('p').length,
        Array.from(document.querySelectorAll('p, div'), (e) => e.textContent),
      ];
    };
    const ours = seen(parseVoteDocument(html) as unknown as Document);
    // An element made as "DIV" is not found by "div"; template contents are searched by getElementsByTagName only.
    expect(ours).toEqual(['DIV', 1, 2, 2, 2, ['a', 'b', '']]);
    expect(ours).toEqual(seen(parseHTML(html).document as unknown as Document));
    expect(() => parseVoteDocument(html).querySelectorAll('div > p')).toThrow(/unsupported selector/);
  });

  it('keeps a class as its distinct words, reads style declarations by name, and gives svg elements an object for a class', () => {
    const document = parseVoteDocument('<div class="  story  story lead " style="color: red; display : none ;Visibility:hidden">x</div><svg class="icon"><path/></svg>');
    const div = document.getElementsByTagName('div')[0]!;
    expect(div.className).toBe('story lead');
    expect(div.getAttribute('class')).toBe('story lead');
    expect(div.style.display).toBe('none');
    // Declarations are read by their exact name: "Visibility" is not "visibility".
    expect(div.style.visibility).toBe('');
    expect(document.createElement('p').getAttribute('class')).toBe('');
    const svg = document.getElementsByTagName('svg')[0]!;
    expect(typeof svg.className).toBe('object');
    expect(svg.getAttribute('class')).toBe('icon');
  });

  it('makes an empty head and body when the page does not open with them, as linkedom does', () => {
    const document = parseVoteDocument('<html><div>before the body</div><body><p>text</p></body></html>');
    expect(document.head.tagName).toBe('HEAD');
    expect(document.body.textContent).toBe('');
    expect(dump(document as unknown as DumpNode)).toEqual(
      dump((() => {
        const { document: l } = parseHTML('<html><div>before the body</div><body><p>text</p></body></html>');
        void l.body;
        return l as unknown as DumpNode;
      })()),
    );
  });

  it("serialises as linkedom does, and reads its own HTML back to the same tree", () => {
    const html = '<div class="a" data-x=\'say "hi"\' hidden>Fish &amp; chips&nbsp;<br><img src="p.jpg" alt=""><!-- c --><svg><path d="M0"/></svg><p></p></div>';
    const ours = parseVoteDocument(html);
    const theirs = parseHTML(html).document;
    const div = ours.getElementsByTagName('div')[0]!;
    expect(div.outerHTML).toBe(theirs.querySelector('div')!.outerHTML);
    const copy = parseVoteDocument('<section></section>');
    const section = copy.getElementsByTagName('section')[0]!;
    section.innerHTML = div.innerHTML;
    expect(dump(section as unknown as DumpNode).replace(/^<SECTION>/, '')).toBe(dump(div as unknown as DumpNode).replace(/^<DIV[^>]*>/, ''));
  });

  it('moves, replaces, clones and removes nodes, keeping sibling links whole', () => {
    const document = parseVoteDocument('<html><head></head><body><p id="one">1</p><p id="two">2</p><p id="three">3</p></body></html>');
    const [one, two, three] = document.getElementsByTagName('p') as [VoteElement, VoteElement, VoteElement];
    const span = document.createElement('span');
    document.body.replaceChild(span, two);
    span.appendChild(two);
    expect(document.body.innerHTML).toBe('<p id="one">1</p><span><p id="two">2</p></span><p id="three">3</p>');
    expect(one.nextElementSibling).toBe(span);
    expect(three.previousElementSibling).toBe(span);
    const clone = span.cloneNode(true);
    expect(clone.outerHTML).toBe(span.outerHTML);
    expect(clone.firstChild).not.toBe(span.firstChild);
    three.remove();
    expect(document.body.lastChild).toBe(span);
    expect(() => document.body.removeChild(three)).toThrow();
    // A new attribute goes first, as linkedom puts it.
    one.setAttribute('class', 'x');
    expect(one.outerHTML).toBe('<p class="x" id="one">1</p>');
  });
});
