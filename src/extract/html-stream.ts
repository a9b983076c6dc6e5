/**
 * A light tree builder over htmlparser2's Tokenizer: the same open/text/close events, in the same
 * order, as htmlparser2's Parser in HTML mode (implied end tags, void elements, `</p>` and `</br>`
 * without an opening tag), for what the segmenter reads.
 *
 * Why not the Parser itself: it keeps its open-element stack with `unshift`/`shift`, which costs
 * O(depth) per tag, so a page nested 100,000 deep takes O(depth²). Here the stack grows at its end,
 * and a count of open elements per name answers "is this end tag open at all?" without a scan: a
 * close tag scans only the elements it closes, so the whole pass is linear in the input.
 */
import { Tokenizer, QuoteType, type TokenizerCallbacks } from 'htmlparser2';

export interface StreamHandlers {
  onopentag(name: string, attribs: Record<string, string>): void;
  ontext(text: string): void;
  onclosetag(name: string): void;
}

/** Start tags that close these open elements first (htmlparser2's `openImpliesClose`). */
const P_TAG: ReadonlySet<string> = new Set(['p']);
const FORM_TAGS: ReadonlySet<string> = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const TABLE_SECTION_TAGS: ReadonlySet<string> = new Set(['thead', 'tbody']);
const DD_DT_TAGS: ReadonlySet<string> = new Set(['dd', 'dt']);
const RT_RP_TAGS: ReadonlySet<string> = new Set(['rt', 'rp']);
const OPEN_IMPLIES_CLOSE: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])],
  ['li', new Set(['li'])],
  ['p', P_TAG],
  ['h1', P_TAG],
  ['h2', P_TAG],
  ['h3', P_TAG],
  ['h4', P_TAG],
  ['h5', P_TAG],
  ['h6', P_TAG],
  ['select', FORM_TAGS],
  ['input', FORM_TAGS],
  ['output', FORM_TAGS],
  ['button', FORM_TAGS],
  ['datalist', FORM_TAGS],
  ['textarea', FORM_TAGS],
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', DD_DT_TAGS],
  ['dt', DD_DT_TAGS],
  ['address', P_TAG],
  ['article', P_TAG],
  ['aside', P_TAG],
  ['blockquote', P_TAG],
  ['details', P_TAG],
  ['div', P_TAG],
  ['dl', P_TAG],
  ['fieldset', P_TAG],
  ['figcaption', P_TAG],
  ['figure', P_TAG],
  ['footer', P_TAG],
  ['form', P_TAG],
  ['header', P_TAG],
  ['hr', P_TAG],
  ['main', P_TAG],
  ['nav', P_TAG],
  ['ol', P_TAG],
  ['pre', P_TAG],
  ['section', P_TAG],
  ['table', P_TAG],
  ['ul', P_TAG],
  ['rt', RT_RP_TAGS],
  ['rp', RT_RP_TAGS],
  ['tbody', TABLE_SECTION_TAGS],
  ['tfoot', TABLE_SECTION_TAGS],
]);

/** Elements that never hold content: opened and closed at once. */
const VOID_ELEMENTS: ReadonlySet<string> = new Set([
  'area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen', 'link',
  'meta', 'param', 'source', 'track', 'wbr',
]);

/**
 * Runs `html` through the tokenizer and calls `handlers` for every element and text run. Tag and
 * attribute names are lower-cased, entities decoded, `<x/>` closes `x` (as with the Parser's
 * `recognizeSelfClosing`), and elements still open at the end are closed innermost first. With
 * `attributes`, only those attributes are kept: building values nobody reads is most of the cost of
 * attribute-heavy markup.
 */
/**
 * Tag and attribute names as read → lower-cased, one string per name. Handing the segmenter the
 * same string object for every `<div>` lets its Set and table lookups reuse the string's hash
 * instead of hashing a fresh slice each time. Bounded, as a hostile page can invent names.
 */
const NAME_MEMO_MAX_ENTRIES = 2_000;
/**
 * Only short names are memoised: V8 copies slices this short, while a longer slice may point into
 * the page's HTML, and the memo, which outlives the page, would keep that page alive.
 */
const NAME_MEMO_MAX_LENGTH = 12;
const nameMemo = new Map<string, string>();

function lowerName(raw: string): string {
  const known = nameMemo.get(raw);
  if (known !== undefined) return known;
  const name = raw.toLowerCase();
  if (raw.length <= NAME_MEMO_MAX_LENGTH && nameMemo.size < NAME_MEMO_MAX_ENTRIES) nameMemo.set(raw, name);
  return name;
}

export interface AttributeFilter {
  /** The attributes the caller reads. */
  names: ReadonlySet<string>;
  /**
   * A fresh record with every one of `names` present and `undefined`: one shape for all elements
   * keeps the caller's property reads fast, where records built key by key take a shape per order.
   */
  create(): Record<string, string>;
}

export function streamHtml(html: string, handlers: StreamHandlers, attributes?: AttributeFilter): void {
  const { onopentag, ontext, onclosetag } = handlers;
  /** The current attribute is one the caller reads: only those are sliced and stored. */
  let wanted = true;
  /** Open elements, innermost last. */
  const stack: string[] = [];
  /** How many elements of each name are open: an end tag for a name not open costs no scan. */
  const openCount = new Map<string, number>();
  let tagname = '';
  let attribname = '';
  let attribvalue = '';
  let attribs: Record<string, string> | null = null;

  const push = (name: string): void => {
    stack.push(name);
    openCount.set(name, (openCount.get(name) ?? 0) + 1);
  };
  const pop = (): string => {
    const name = stack.pop()!;
    openCount.set(name, openCount.get(name)! - 1);
    return name;
  };

  function emitOpenTag(name: string): void {
    tagname = name;
    const impliesClose = OPEN_IMPLIES_CLOSE.get(name);
    if (impliesClose !== undefined) {
      while (stack.length > 0 && impliesClose.has(stack[stack.length - 1]!)) onclosetag(pop());
    }
    if (!VOID_ELEMENTS.has(name)) push(name);
    attribs = attributes !== undefined ? attributes.create() : {};
  }

  function endOpenTag(): void {
    if (attribs !== null) {
      onopentag(tagname, attribs);
      attribs = null;
    }
    if (VOID_ELEMENTS.has(tagname)) onclosetag(tagname);
    tagname = '';
  }

  function closeCurrentTag(): void {
    const name = tagname;
    endOpenTag();
    if (stack.length > 0 && stack[stack.length - 1] === name) onclosetag(pop());
  }

  const cbs: TokenizerCallbacks = {
    ontext(start, end) {
      ontext(html.slice(start, end));
    },
    ontextentity(cp) {
      ontext(String.fromCodePoint(cp));
    },
    onopentagname(start, end) {
      emitOpenTag(lowerName(html.slice(start, end)));
    },
    onopentagend() {
      endOpenTag();
    },
    onselfclosingtag() {
      closeCurrentTag();
    },
    onclosetag(start, end) {
      const name = lowerName(html.slice(start, end));
      if (!VOID_ELEMENTS.has(name)) {
        if ((openCount.get(name) ?? 0) > 0) {
          // Close everything above the innermost open element of that name, then it.
          let closed: string;
          do {
            closed = pop();
            onclosetag(closed);
          } while (closed !== name);
        } else if (name === 'p') {
          // `</p>` with no open <p> stands for an empty paragraph.
          emitOpenTag('p');
          closeCurrentTag();
        }
      } else if (name === 'br') {
        // `</br>` is read as `<br>`.
        onopentag('br', attributes !== undefined ? attributes.create() : {});
        onclosetag('br');
      }
    },
    onattribname(start, end) {
      attribname = lowerName(html.slice(start, end));
      wanted = attributes === undefined || attributes.names.has(attribname);
    },
    onattribdata(start, end) {
      if (wanted) attribvalue += html.slice(start, end);
    },
    onattribentity(cp) {
      if (wanted) attribvalue += String.fromCodePoint(cp);
    },
    onattribend(_quote: QuoteType) {
      // The first of repeated attributes wins (`attribs` holds only wanted names when filtered).
      if (wanted && attribs !== null && (attributes !== undefined ? attribs[attribname] === undefined : !Object.prototype.hasOwnProperty.call(attribs, attribname))) {
        attribs[attribname] = attribvalue;
      }
      attribvalue = '';
    },
    oncdata() {},
    oncomment() {},
    ondeclaration() {},
    onprocessinginstruction() {},
    onend() {
      while (stack.length > 0) onclosetag(pop());
    },
  };
  const tokenizer = new Tokenizer({ decodeEntities: true }, cbs);
  tokenizer.write(html);
  tokenizer.end();
}
