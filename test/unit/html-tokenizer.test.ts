import fc from 'fast-check';
import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { tokenizeHtml } from '../../src/extract/html-tokenizer.js';

/** Every event a tokenizer reports, with the text its offsets point at; declarations and processing instructions are not compared (ours does not report them). */
function events(html: string, run: (cbs: TokenizerCallbacks) => void): string[] {
  const seen: string[] = [];
  const slice = (start: number, end: number): string => html.slice(start, end);
  run({
    ontext: (start, end) => seen.push(`text ${slice(start, end)}`),
    ontextentity: (codePoint) => seen.push(`text entity ${codePoint}`),
    onopentagname: (start, end) => seen.push(`open ${slice(start, end)}`),
    onopentagend: () => seen.push('open end'),
    onselfclosingtag: () => seen.push('self-closing'),
    onclosetag: (start, end) => seen.push(`close ${slice(start, end)}`),
    onattribname: (start, end) => seen.push(`attribute ${slice(start, end)}`),
    onattribdata: (start, end) => seen.push(`value ${slice(start, end)}`),
    onattribentity: (codePoint) => seen.push(`value entity ${codePoint}`),
    onattribend: (quote) => seen.push(`attribute end ${quote}`),
    oncdata: (start, end, offset) => seen.push(`cdata ${slice(start, end - offset)}`),
    oncomment: (start, end, offset) => seen.push(`comment ${slice(start, end - offset)}`),
    ondeclaration: () => {},
    onprocessinginstruction: () => {},
    onend: () => seen.push('end'),
  });
  return seen;
}

const ours = (html: string): string[] => events(html, (cbs) => tokenizeHtml(html, cbs));
const htmlparser2 = (html: string): string[] =>
  events(html, (cbs) => {
    const tokenizer = new Tokenizer({ decodeEntities: true }, cbs);
    tokenizer.write(html);
    tokenizer.end();
  });

/** Pieces that reach every state and its edge cases: tag, comment and CDATA openers and closers, entities whole, cut short and unknown, special elements in odd cases. */
const PIECES = [
  '<', '</', '>', '/>', '/', '\r', '\f', '\v', '\u0000', '<!--', '-->', '--', '-', '<!', '<?', '?>', '<![CDATA[', ']]>', ']', '&', '&amp;', '&amp', '&#',
  '&#x41;', '&#65', '&#x', '&notin;', '&not', '&lt', '&AElig', '&nosuch;', ';', '"', "'", '=', ' ', '\n', '\t', 'a', 'A', 'div',
  'DIV', 'p', 'br', 'script', 'SCRIPT', 'style', 'title', 'TiTlE', 'textarea', 'xmp', 'tmp', 'xitle', 's', 't', 'x', 'class',
  'href', 'x=y', 'é', '\u001c', '\u000f', 'CDATA[', '#', '0', '9', '</script', '</title', '<script>', '<title>', '<style>',
  '</style >', '</ script>', '\u{1F600}',
];

describe('tokenizeHtml', () => {
  it('reports what htmlparser2 reports on a page with the usual parts', () => {
    const page =
      '<!DOCTYPE html><html lang=en><head><title>A &amp; B</title><style>p>a{}</style>' +
      '<script>if (a < b && c) { x = "</div>"; }</script></head><body class="x y" data-n=\'1\' hidden>' +
      '<!-- a comment --><p>Caf&eacute; &copy 2024 &#8212; <a href="/a?b=1&amp;c=2">link</a><br/></p></body></html>';
    expect(ours(page)).toEqual(htmlparser2(page));
  });

  it('decodes entities in text and attributes as htmlparser2 does', () => {
    const seen = ours('<a title="x&amp;y">&lt;b&gt;</a>');
    expect(seen).toContain('value entity 38');
    expect(seen.filter((e) => e.startsWith('text entity'))).toEqual(['text entity 60', 'text entity 62']);
  });

  it('keeps a script body as one text, up to its real end tag', () => {
    const seen = ours('<script>a</scriptx>b</script>c');
    expect(seen).toEqual(['open script', 'open end', 'text a</scriptx>b', 'close script', 'text c', 'end']);
  });

  it('reports the same events as htmlparser2 on random markup', () => {
    const markup = fc.array(fc.constantFrom(...PIECES), { maxLength: 16 }).map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(markup, (html) => {
        expect(ours(html)).toEqual(htmlparser2(html));
      }),
      { numRuns: 3000 },
    );
  });
});
