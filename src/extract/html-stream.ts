/**
 * A light tree builder over our tokenizer (html-tokenizer.ts, which reports htmlparser2's Tokenizer
 * events): the same open/text/close events, in the same order, as htmlparser2's Parser in HTML mode
 * (implied end tags, void elements, `</p>` and `</br>` without an opening tag), for what the
 * segmenter reads.
 *
 * Why not the Parser itself: it keeps its open-element stack with `unshift`/`shift`, which costs
 * O(depth) per tag, so a page nested 100,000 deep takes O(depth²). Here the stack grows at its end,
 * and a count of open elements per name answers "is this end tag open at all?" without a scan: a
 * close tag scans only the elements it closes, so the whole pass is linear in the input.
 */
import type { QuoteType, TokenizerCallbacks } from 'htmlparser2';
import { tokenizeHtml } from './html-tokenizer.js';

/** What the builder needs of an element name, read once per page, and how many elements of it are open. */
interface PageName {
  readonly name: string;
  readonly isVoid: boolean;
  /** Open elements this start tag closes first, if any. */
  readonly impliesClose: ReadonlySet<string> | undefined;
  open: number;
}

export interface StreamHandlers {
  /**
   * With an {@link AttributeFilter}, `attribs` is lent for the call: the same record is cleared and filled again for
   * the next element, so a handler reads it and never keeps it.
   */
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
export const OPEN_IMPLIES_CLOSE: ReadonlyMap<string, ReadonlySet<string>> = new Map([
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
export const VOID_ELEMENTS: ReadonlySet<string> = new Set([
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

/** Names common enough on news pages to be matched in place, without slicing the HTML. */
const COMMON_NAMES: readonly string[] = [
  'a', 'abbr', 'address', 'article', 'aside', 'audio', 'b', 'blockquote', 'body', 'br', 'button', 'canvas', 'caption',
  'cite', 'code', 'dd', 'details', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'head', 'header', 'hr', 'html', 'i', 'iframe', 'img', 'input', 'label', 'li', 'link', 'main', 'meta',
  'nav', 'noscript', 'ol', 'option', 'p', 'path', 'picture', 'pre', 'script', 'section', 'select', 'small', 'source',
  'span', 'strong', 'style', 'sub', 'summary', 'sup', 'svg', 'table', 'tbody', 'td', 'template', 'th', 'thead', 'time',
  'title', 'tr', 'u', 'ul', 'use', 'video', 'g',
  'alt', 'aria-hidden', 'aria-label', 'charset', 'class', 'content', 'd', 'data-src', 'data-srcset', 'datetime',
  'height', 'hidden', 'href', 'http-equiv', 'id', 'itemprop', 'itemscope', 'itemtype', 'lang', 'loading', 'name',
  'property', 'rel', 'role', 'sizes', 'src', 'srcset', 'style', 'tabindex', 'target', 'type', 'viewbox', 'width',
  'xmlns', 'fill', 'stroke', 'title', 'value', 'for', 'action', 'method', 'onclick',
];

/** COMMON_NAMES bucketed by length and first character: a lookup compares a handful of names at most. */
const NAME_BUCKETS = bucketNames(new Set(COMMON_NAMES));

/** The lower-cased name at `html[start, end)`: a common one without a slice, others through the memo. */
export function nameAt(html: string, start: number, end: number): string {
  const bucket = bucketOf(NAME_BUCKETS, end - start, html.charCodeAt(start));
  if (bucket !== undefined) {
    for (const name of bucket) if (html.startsWith(name, start)) return name;
  }
  return lowerName(html.slice(start, end));
}

/** Whether `html[start, end)` holds a character `toLowerCase()` may change: an upper-case ASCII letter, or any non-ASCII one. */
function mayChangeCase(html: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = html.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || c >= 0x80) return true;
  }
  return false;
}

/**
 * Names bucketed by length and first character, as {@link NAME_BUCKETS} and the attribute filters are: a flat
 * array indexed by `length * 128 + first code unit`, read without a hash (a page asks for some ten thousand names).
 */
interface NameBuckets {
  slots: (string[] | undefined)[];
  longest: number;
}

function bucketNames(names: Iterable<string>): NameBuckets {
  const list = [...names];
  for (const name of list) if (name.length === 0 || name.charCodeAt(0) >= 128) throw new Error(`name "${name}" must open with an ASCII character`);
  const longest = list.reduce((n, name) => Math.max(n, name.length), 0);
  // Allocated whole, so the table stays a flat array, not a sparse one.
  const slots: (string[] | undefined)[] = new Array((longest + 1) * 128).fill(undefined);
  for (const name of list) (slots[name.length * 128 + name.charCodeAt(0)] ??= []).push(name);
  return { slots, longest };
}

/** The names in `buckets` of this length whose first code unit is `first`; `undefined` when none. */
function bucketOf(buckets: NameBuckets, length: number, first: number): string[] | undefined {
  return length <= buckets.longest && first < 128 ? buckets.slots[length * 128 + first] : undefined;
}

/** What a filter's names give the builder, worked out once per filter (filters are fixed tables). */
interface FilterIndex {
  /** The names bucketed: most attribute names on a page are read or ruled out with one lookup and no slice. */
  buckets: NameBuckets;
  /** Longer names are skipped unread. */
  longestName: number;
}

const filterIndexes = new WeakMap<AttributeFilter, FilterIndex>();

function filterIndex(filter: AttributeFilter): FilterIndex {
  let index = filterIndexes.get(filter);
  if (index === undefined) {
    let longestName = 0;
    for (const name of filter.names) longestName = Math.max(longestName, name.length);
    index = { buckets: bucketNames(filter.names), longestName };
    filterIndexes.set(filter, index);
  }
  return index;
}

export interface AttributeFilter {
  /** The attributes the caller reads, in lower case (names are read lower-cased), fixed once the filter is in use. */
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
  /**
   * Each name met on the page, its facts looked up once, with how many elements of it are open: an end tag for a
   * name not open costs no scan. The stack holds these records, so closing an element counts it down without a lookup.
   */
  const pageNames = new Map<string, PageName>();
  const factsOf = (name: string): PageName => {
    let facts = pageNames.get(name);
    if (facts === undefined) pageNames.set(name, (facts = { name, isVoid: VOID_ELEMENTS.has(name), impliesClose: OPEN_IMPLIES_CLOSE.get(name), open: 0 }));
    return facts;
  };
  /** Open elements, innermost last. */
  const stack: PageName[] = [];
  /** The facts of the start tag being read (`tagname`'s), or null between tags. */
  let current: PageName | null = null;
  let tagname = '';
  let attribname = '';
  let attribvalue = '';
  let attribs: Record<string, string> | null = null;
  /** Shared by every element without wanted attributes: handlers read records, never write them. */
  const noAttributes: Record<string, string> = attributes !== undefined ? attributes.create() : {};
  /**
   * With a filter, the one record lent to every element that has wanted attributes, and the names set in it: clearing
   * those few after the call costs less than a fresh record of every wanted name per element (a tenth of the bytes a
   * page's extraction allocated).
   */
  const lent: Record<string, string> | null = attributes !== undefined ? attributes.create() : null;
  /** Its slots are overwritten, never emptied: cutting an array's length gives its storage back, to be taken again. */
  const lentNames: string[] = [];
  let lentCount = 0;
  const clearLent = (): void => {
    for (let i = 0; i < lentCount; i++) (lent as Record<string, string | undefined>)[lentNames[i]!] = undefined;
    lentCount = 0;
  };
  const index = attributes !== undefined ? filterIndex(attributes) : undefined;
  const wantedBuckets = index?.buckets;
  const longestName = index?.longestName ?? Infinity;

  const push = (entry: PageName): void => {
    entry.open++;
    stack.push(entry);
  };
  const pop = (): string => {
    const entry = stack.pop()!;
    entry.open--;
    return entry.name;
  };

  function emitOpenTag(name: string): void {
    tagname = name;
    const facts = factsOf(name);
    current = facts;
    const impliesClose = facts.impliesClose;
    if (impliesClose !== undefined) {
      while (stack.length > 0 && impliesClose.has(stack[stack.length - 1]!.name)) onclosetag(pop());
    }
    if (!facts.isVoid) push(facts);
    // A safeguard: the tokenizer leaves a start tag unfinished only at the end of the input, where no start tag follows.
    if (lentCount > 0) clearLent();
    // Elements with no attribute the caller reads share one empty record, made (or lent) on the first wanted one.
    attribs = noAttributes;
  }

  function endOpenTag(): void {
    if (attribs !== null) {
      onopentag(tagname, attribs);
      if (attribs === lent) clearLent();
      attribs = null;
    }
    if (current !== null && current.isVoid) onclosetag(tagname);
    tagname = '';
    current = null;
  }

  function closeCurrentTag(): void {
    const name = tagname;
    endOpenTag();
    if (stack.length > 0 && stack[stack.length - 1]!.name === name) onclosetag(pop());
  }

  const cbs: TokenizerCallbacks = {
    ontext(start, end) {
      ontext(html.slice(start, end));
    },
    ontextentity(cp) {
      ontext(String.fromCodePoint(cp));
    },
    onopentagname(start, end) {
      emitOpenTag(nameAt(html, start, end));
    },
    onopentagend() {
      endOpenTag();
    },
    onselfclosingtag() {
      closeCurrentTag();
    },
    onclosetag(start, end) {
      const name = nameAt(html, start, end);
      const facts = factsOf(name);
      if (!facts.isVoid) {
        if (facts.open > 0) {
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
        onopentag('br', noAttributes);
        onclosetag('br');
      }
    },
    onattribname(start, end) {
      // Longer than any name the caller reads (`data-*` and `aria-*` clutter): skipped without a slice.
      if (end - start > longestName) {
        wanted = false;
        return;
      }
      if (wantedBuckets !== undefined) {
        const bucket = bucketOf(wantedBuckets, end - start, html.charCodeAt(start));
        if (bucket !== undefined) {
          for (const name of bucket) {
            if (html.startsWith(name, start)) {
              attribname = name;
              wanted = true;
              return;
            }
          }
        }
        // Not one of the names as written in lower case: unless lower-casing changes it ("CLASS"), not wanted.
        if (!mayChangeCase(html, start, end)) {
          wanted = false;
          return;
        }
      }
      attribname = nameAt(html, start, end);
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
        if (attribs === noAttributes) attribs = lent ?? {};
        attribs[attribname] = attribvalue;
        if (attribs === lent) lentNames[lentCount++] = attribname;
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
  tokenizeHtml(html, cbs);
}
