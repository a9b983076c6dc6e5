/**
 * A small DOM for the Readability vote: the members Readability.js 0.6 reads and writes, built from our own
 * tokenizer, with linkedom's answers (on which the vote was built and measured).
 *
 * Why not linkedom here: inside a Readability ask, linkedom's parse and node operations took about 70% of the
 * time (each node it makes registers a listener map in a module-wide WeakMap; attributes are nodes of their own;
 * `attributes` and `style` are proxies). Readability needs none of that. linkedom stays the vote's default DOM
 * (`readabilityDom`), and an ask that fails here is made again on it. This is no general DOM: selectors are lists
 * of tag names, and only the members Readability 0.6 and the vote use are here.
 *
 * linkedom's answers kept where Readability can tell the difference:
 * - the tree is the one htmlparser2's Parser builds in HTML mode (implied end tags, void elements, `<x/>` closing
 *   only inside svg and math), one text node per text or entity event, attribute names as written and in the
 *   order of the parser's attribute object (integer-like names first);
 * - `tagName` is the local name upper-cased, but `getElementsByTagName(name)` matches the local name as it is or
 *   its upper-cased form, so `createElement('DIV')` is not found by `getElementsByTagName('div')`, while
 *   `querySelectorAll` matches tag names case-blind;
 * - `className` is the class attribute's distinct words joined by single spaces (an svg element's is an object),
 *   and `getAttribute('class')` returns it, `''` when there is no class;
 * - `document.head` and `document.body` are the root's first element and the one after it, made (empty) when
 *   they are not `<head>` and `<body>`;
 * - `style.display` and `style.visibility` read the style attribute's declarations by their exact names;
 * - `innerHTML` serialises as linkedom does (`&`, `<`, `>` and no-break spaces escaped in text, `"` in values,
 *   the text of title, textarea, script and style raw), attributes in linkedom's order: as parsed, those set later
 *   first; an svg element has no `src`, even an `<img>` inside an `<svg>`.
 */
import type { QuoteType, TokenizerCallbacks } from 'htmlparser2';
import { tokenizeHtml } from './html-tokenizer.js';
import { nameAt, OPEN_IMPLIES_CLOSE, VOID_ELEMENTS } from './html-stream.js';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const COMMENT_NODE = 8;
const DOCUMENT_NODE = 9;

/** Elements that open a foreign context (self-closing tags close there) and those that leave it again (htmlparser2's lists). */
const FOREIGN_CONTEXT_ELEMENTS: ReadonlySet<string> = new Set(['math', 'svg']);
const HTML_INTEGRATION_ELEMENTS: ReadonlySet<string> = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title']);

/** Elements serialised without an end tag when empty (linkedom's list, which differs a little from the parser's). */
const SERIALISED_VOID = /^(?:area|base|br|col|embed|hr|img|input|keygen|link|menuitem|meta|param|source|track|wbr)$/i;

/** Elements linkedom gives a text element's class: `innerHTML` and the serialised text are raw. */
const RAW_TEXT_ELEMENTS: ReadonlySet<string> = new Set(['script', 'style', 'textarea', 'title']);

/** Attributes serialised by name alone when empty (linkedom's list). */
const EMPTY_ATTRIBUTES: ReadonlySet<string> = new Set([
  'allowfullscreen', 'allowpaymentrequest', 'async', 'autofocus', 'autoplay', 'checked', 'class', 'contenteditable', 'controls',
  'default', 'defer', 'disabled', 'draggable', 'formnovalidate', 'hidden', 'id', 'ismap', 'itemscope', 'loop', 'multiple',
  'muted', 'nomodule', 'novalidate', 'open', 'playsinline', 'readonly', 'required', 'reversed', 'selected', 'style', 'truespeed',
]);

/** A class value as linkedom keeps it: its distinct words, in order, joined by single spaces. */
function normaliseClass(value: string): string {
  const words = new Set<string>();
  for (const word of String(value).split(/\s+/)) if (word.length > 0) words.add(word);
  return [...words].join(' ');
}

const TEXT_ESCAPES: Readonly<Record<string, string>> = { '\xA0': '&#160;', '&': '&amp;', '<': '&lt;', '>': '&gt;' };

function escapeText(text: string): string {
  return text.replace(/[<>&\xA0]/g, (c) => TEXT_ESCAPES[c]!);
}

export class VoteAttr {
  readonly nodeType = 2;
  constructor(
    public name: string,
    public value: string,
  ) {}

  cloneNode(): VoteAttr {
    return new VoteAttr(this.name, this.value);
  }
}

export abstract class VoteNode {
  parentNode: VoteParent | null = null;
  nextSibling: VoteNode | null = null;
  previousSibling: VoteNode | null = null;

  constructor(
    public ownerDocument: VoteDocument,
    readonly nodeType: number,
  ) {}

  abstract get textContent(): string;

  get parentElement(): VoteElement | null {
    const parent = this.parentNode;
    return parent !== null && parent.nodeType === ELEMENT_NODE ? (parent as VoteElement) : null;
  }

  get nextElementSibling(): VoteElement | null {
    let node = this.nextSibling;
    while (node !== null && node.nodeType !== ELEMENT_NODE) node = node.nextSibling;
    return node as VoteElement | null;
  }

  get previousElementSibling(): VoteElement | null {
    let node = this.previousSibling;
    while (node !== null && node.nodeType !== ELEMENT_NODE) node = node.previousSibling;
    return node as VoteElement | null;
  }

  remove(): void {
    this.parentNode?.removeChild(this);
  }

  abstract cloneNode(deep?: boolean): VoteNode;
  /** The node as HTML, appended to `out`; an element writes itself as a leaf (see {@link serialise}). */
  abstract serialiseInto(out: string[]): void;
}

/** Text and comments: their data, and no children, as in linkedom (Readability walks `childNodes` into them). */
abstract class VoteCharacterData extends VoteNode {
  constructor(
    ownerDocument: VoteDocument,
    nodeType: number,
    public data: string,
  ) {
    super(ownerDocument, nodeType);
  }

  get textContent(): string {
    return this.data;
  }

  set textContent(value: string) {
    this.data = String(value);
  }

  get nodeValue(): string {
    return this.data;
  }

  get childNodes(): VoteNode[] {
    return [];
  }

  get firstChild(): null {
    return null;
  }

  get lastChild(): null {
    return null;
  }
}

export class VoteText extends VoteCharacterData {
  constructor(ownerDocument: VoteDocument, data: string) {
    super(ownerDocument, TEXT_NODE, data);
  }

  get nodeName(): string {
    return '#text';
  }

  cloneNode(): VoteText {
    return new VoteText(this.ownerDocument, this.data);
  }

  serialiseInto(out: string[]): void {
    out.push(escapeText(this.data));
  }
}

export class VoteComment extends VoteCharacterData {
  constructor(ownerDocument: VoteDocument, data: string) {
    super(ownerDocument, COMMENT_NODE, data);
  }

  get nodeName(): string {
    return '#comment';
  }

  cloneNode(): VoteComment {
    return new VoteComment(this.ownerDocument, this.data);
  }

  serialiseInto(out: string[]): void {
    out.push(`<!--${this.data}-->`);
  }
}

/** The next node after `node` in document order inside `root`, not entering `node`'s children when `skipChildren`. */
function following(node: VoteNode, root: VoteNode, skipChildren = false): VoteNode | null {
  if (!skipChildren && (node.nodeType === ELEMENT_NODE || node.nodeType === DOCUMENT_NODE)) {
    const first = (node as VoteParent).firstChild;
    if (first !== null) return first;
  }
  let current: VoteNode | null = node;
  while (current !== null && current !== root) {
    if (current.nextSibling !== null) return current.nextSibling;
    current = current.parentNode;
  }
  return null;
}

export abstract class VoteParent extends VoteNode {
  firstChild: VoteNode | null = null;
  lastChild: VoteNode | null = null;

  get childNodes(): VoteNode[] {
    const nodes: VoteNode[] = [];
    for (let node = this.firstChild; node !== null; node = node.nextSibling) nodes.push(node);
    return nodes;
  }

  get children(): VoteElement[] {
    const elements: VoteElement[] = [];
    for (let node = this.firstChild; node !== null; node = node.nextSibling) if (node.nodeType === ELEMENT_NODE) elements.push(node as VoteElement);
    return elements;
  }

  get firstElementChild(): VoteElement | null {
    let node = this.firstChild;
    while (node !== null && node.nodeType !== ELEMENT_NODE) node = node.nextSibling;
    return node as VoteElement | null;
  }

  get lastElementChild(): VoteElement | null {
    let node = this.lastChild;
    while (node !== null && node.nodeType !== ELEMENT_NODE) node = node.previousSibling;
    return node as VoteElement | null;
  }

  get childElementCount(): number {
    return this.children.length;
  }

  hasChildNodes(): boolean {
    return this.firstChild !== null;
  }

  /** The text of every text node below, in document order (comments left out). */
  get textContent(): string {
    let text = '';
    for (let node = following(this, this); node !== null; node = following(node, this)) if (node.nodeType === TEXT_NODE) text += (node as VoteText).data;
    return text;
  }

  set textContent(value: string) {
    while (this.firstChild !== null) this.removeChild(this.firstChild);
    if (value !== '' && value !== null && value !== undefined) this.appendChild(new VoteText(this.ownerDocument, String(value)));
  }

  appendChild<T extends VoteNode>(node: T): T {
    return this.insertBefore(node, null);
  }

  insertBefore<T extends VoteNode>(node: T, reference: VoteNode | null): T {
    if (node === reference) return node;
    node.parentNode?.removeChild(node);
    node.parentNode = this;
    const before = reference === null ? this.lastChild : reference.previousSibling;
    node.previousSibling = before;
    node.nextSibling = reference;
    if (before === null) this.firstChild = node;
    else before.nextSibling = node;
    if (reference === null) this.lastChild = node;
    else reference.previousSibling = node;
    return node;
  }

  removeChild<T extends VoteNode>(node: T): T {
    if (node.parentNode !== this) throw new Error('removeChild: not a child of this node');
    const { previousSibling: before, nextSibling: after } = node;
    if (before === null) this.firstChild = after;
    else before.nextSibling = after;
    if (after === null) this.lastChild = before;
    else after.previousSibling = before;
    node.parentNode = null;
    node.previousSibling = null;
    node.nextSibling = null;
    return node;
  }

  replaceChild<T extends VoteNode>(node: VoteNode, replaced: T): T {
    if (node === replaced) return replaced;
    node.parentNode?.removeChild(node);
    this.insertBefore(node, replaced);
    return this.removeChild(replaced);
  }

  /** Descendant elements whose local name is `name` as given or upper-cased (linkedom's test; no `*`). */
  getElementsByTagName(name: string): VoteElement[] {
    const found: VoteElement[] = [];
    for (let node = following(this, this); node !== null; node = following(node, this)) {
      if (node.nodeType !== ELEMENT_NODE) continue;
      const element = node as VoteElement;
      if (element.localName === name || element.tagName === name) found.push(element);
    }
    return found;
  }

  /** Descendant elements of the listed tag names (`"p,pre"`), case-blind; template contents are not searched. Other selectors throw. */
  querySelectorAll(selectors: string): VoteElement[] {
    const names = new Set<string>();
    for (const part of selectors.split(',')) {
      const name = part.trim().toLowerCase();
      if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new Error(`vote DOM: unsupported selector "${selectors}"`);
      names.add(name);
    }
    const found: VoteElement[] = [];
    for (let node = following(this, this); node !== null; ) {
      const element = node.nodeType === ELEMENT_NODE ? (node as VoteElement) : null;
      if (element !== null && names.has(element.lowerName)) found.push(element);
      node = following(node, this, element !== null && element.localName === 'template');
    }
    return found;
  }

  querySelector(selectors: string): VoteElement | null {
    return this.querySelectorAll(selectors)[0] ?? null;
  }

  get innerHTML(): string {
    const out: string[] = [];
    for (let node = this.firstChild; node !== null; node = node.nextSibling) serialise(node, out);
    return out.join('');
  }

  set innerHTML(html: string) {
    while (this.firstChild !== null) this.removeChild(this.firstChild);
    buildInto(this, String(html), this.ownerDocument);
  }
}

/** `node` as HTML, appended to `out`: a walk, not a recursion, so a deep tree cannot overflow the stack. */
function serialise(root: VoteNode, out: string[]): void {
  let node: VoteNode = root;
  for (;;) {
    if (node.nodeType === ELEMENT_NODE && !(node as VoteElement).rawText && (node as VoteElement).firstChild !== null) {
      (node as VoteElement).openTagInto(out);
      out.push('>');
      node = (node as VoteElement).firstChild!;
      continue;
    }
    node.serialiseInto(out);
    // Close every element this was the last child of, up to the root.
    while (node !== root && node.nextSibling === null) {
      node = node.parentNode!;
      out.push('</', (node as VoteElement).localName, '>');
    }
    if (node === root) return;
    node = node.nextSibling!;
  }
}

export class VoteElement extends VoteParent {
  readonly attrs: VoteAttr[] = [];
  /** Readability's score record, set on the elements it scores. */
  readability: unknown = undefined;
  readonly tagName: string;
  /** linkedom's text elements: their `innerHTML` is their text, read and written raw, and so is their HTML. */
  readonly rawText: boolean;
  readonly lowerName: string;

  constructor(
    ownerDocument: VoteDocument,
    readonly localName: string,
    /** Made inside an `<svg>`: linkedom makes these SVG elements, whose `className` is an object. */
    readonly svg: boolean,
  ) {
    super(ownerDocument, ELEMENT_NODE);
    this.tagName = localName.toUpperCase();
    this.lowerName = localName.toLowerCase();
    this.rawText = !svg && RAW_TEXT_ELEMENTS.has(localName);
  }

  get nodeName(): string {
    return this.tagName;
  }

  get className(): string {
    if (this.svg) return { baseVal: '', animVal: '' } as unknown as string;
    return this.attribute('class')?.value ?? '';
  }

  set className(value: string) {
    this.setAttribute('class', value);
  }

  get id(): string {
    return this.getAttribute('id') || '';
  }

  set id(value: string) {
    this.setAttribute('id', value);
  }

  /** An `<img>`'s `src` and `srcset` properties; other elements have none, nor has an `<img>` inside an svg (as in linkedom). */
  get src(): string | undefined {
    return !this.svg && this.localName === 'img' ? this.getAttribute('src') || '' : undefined;
  }

  get srcset(): string | undefined {
    return !this.svg && this.localName === 'img' ? this.getAttribute('srcset') || '' : undefined;
  }

  override get innerHTML(): string {
    return this.rawText ? this.textContent : super.innerHTML;
  }

  override set innerHTML(html: string) {
    if (this.rawText) this.textContent = html;
    else super.innerHTML = html;
  }

  get style(): { display: string; visibility: string } {
    const declared = new Map<string, string>();
    const value = this.attribute('style')?.value;
    if (value !== undefined) {
      // linkedom splits at /\s*;\s*/; both sides are trimmed below, so a plain split reads the same (and stays linear).
      for (const rule of value.split(';')) {
        const colon = rule.indexOf(':');
        if (colon < 0) continue;
        const key = rule.slice(0, colon).trim();
        const val = rule.slice(colon + 1).trim();
        if (key && val) declared.set(key, val);
      }
    }
    return { display: declared.get('display') ?? '', visibility: declared.get('visibility') ?? '' };
  }

  private attribute(name: string): VoteAttr | undefined {
    for (const attr of this.attrs) if (attr.name === name) return attr;
    return undefined;
  }

  get attributes(): VoteAttr[] {
    return this.attrs.slice();
  }

  getAttribute(name: string): string | null {
    if (name === 'class') return this.attribute('class')?.value ?? '';
    return this.attribute(name)?.value ?? null;
  }

  hasAttribute(name: string): boolean {
    return this.attribute(name) !== undefined;
  }

  setAttribute(name: string, value: string): void {
    const stored = name === 'class' ? normaliseClass(value) : String(value);
    const attr = this.attribute(name);
    if (attr !== undefined) attr.value = stored;
    else this.attrs.unshift(new VoteAttr(name, stored));
  }

  /** A new attribute goes first, as in linkedom (so `_setNodeTag` copies attributes in reverse order). */
  setAttributeNode(attr: VoteAttr): VoteAttr | null {
    const previous = this.attribute(attr.name) ?? null;
    if (previous === attr) return previous;
    if (previous !== null) this.attrs.splice(this.attrs.indexOf(previous), 1);
    this.attrs.unshift(attr);
    return previous;
  }

  removeAttribute(name: string): void {
    const i = this.attrs.findIndex((a) => a.name === name);
    if (i >= 0) this.attrs.splice(i, 1);
  }

  get outerHTML(): string {
    const out: string[] = [];
    serialise(this, out);
    return out.join('');
  }

  /** The element and its attributes, without children. */
  private shallowClone(): VoteElement {
    const clone = new VoteElement(this.ownerDocument, this.localName, this.svg);
    for (const attr of this.attrs) clone.attrs.push(attr.cloneNode());
    return clone;
  }

  /** A copy, with a copy of every node below when `deep`: a walk, not a recursion. */
  cloneNode(deep = false): VoteElement {
    const clone = this.shallowClone();
    if (!deep) return clone;
    let source = this.firstChild;
    let target: VoteParent = clone;
    while (source !== null) {
      const isElement = source.nodeType === ELEMENT_NODE;
      const copy = isElement ? (source as VoteElement).shallowClone() : source.cloneNode();
      target.appendChild(copy);
      if (isElement && (source as VoteElement).firstChild !== null) {
        target = copy as VoteElement;
        source = (source as VoteElement).firstChild;
        continue;
      }
      while (source.nextSibling === null) {
        const parent: VoteParent | null = source.parentNode;
        if (parent === this || parent === null) return clone;
        source = parent;
        target = target.parentNode!;
      }
      source = source.nextSibling;
    }
    return clone;
  }

  /** `<name` and the attributes, as linkedom writes them. */
  openTagInto(out: string[]): void {
    out.push('<', this.localName);
    for (const { name, value } of this.attrs) {
      if (EMPTY_ATTRIBUTES.has(name) && !value) {
        // linkedom writes an empty id, class or style not at all, other such attributes by name alone.
        if (name !== 'id' && name !== 'class' && name !== 'style') out.push(' ', name);
      } else out.push(' ', name, '="', value.replace(/"/g, '&quot;'), '"');
    }
  }

  /** The element as a leaf: empty, or a text element written with its text raw (the walk in {@link serialise} does the rest). */
  serialiseInto(out: string[]): void {
    if (this.rawText) {
      // linkedom writes the empty element, then puts the raw text at its first `><`.
      const shell: string[] = [];
      this.openTagInto(shell);
      shell.push(`></${this.localName}>`);
      const text = this.textContent;
      out.push(shell.join('').replace('><', () => `>${text}<`));
      return;
    }
    this.openTagInto(out);
    out.push(this.svg ? ' />' : SERIALISED_VOID.test(this.localName) ? '>' : `></${this.localName}>`);
  }
}

export class VoteDocument extends VoteParent {
  constructor() {
    super(undefined as unknown as VoteDocument, DOCUMENT_NODE);
    this.ownerDocument = null as unknown as VoteDocument;
  }

  get nodeName(): string {
    return '#document';
  }

  get documentElement(): VoteElement | null {
    return this.firstElementChild;
  }

  get head(): VoteElement {
    const root = this.documentElement!;
    let head = root.firstElementChild;
    if (head === null || head.tagName !== 'HEAD') head = root.insertBefore(this.createElement('head'), root.firstChild);
    return head;
  }

  get body(): VoteElement {
    const head = this.head;
    let body = head.nextElementSibling;
    if (body === null || body.tagName !== 'BODY') body = head.parentNode!.insertBefore(this.createElement('body'), head.nextSibling);
    return body;
  }

  get title(): string {
    return this.head.getElementsByTagName('title')[0]?.textContent || '';
  }

  /** The first `<base>`'s href, else null (a document read from a string has no address). */
  get baseURI(): string | null {
    const base = this.querySelector('base');
    return base === null ? null : base.getAttribute('href');
  }

  /** linkedom's documents have no `documentURI`. */
  get documentURI(): undefined {
    return undefined;
  }

  createElement(name: string): VoteElement {
    return new VoteElement(this, String(name), false);
  }

  createTextNode(data: string): VoteText {
    return new VoteText(this, String(data));
  }

  cloneNode(): VoteDocument {
    throw new Error('vote DOM: documents are not cloned');
  }

  serialiseInto(out: string[]): void {
    for (let node = this.firstChild; node !== null; node = node.nextSibling) serialise(node, out);
  }
}

/**
 * Parses `html` into `parent`'s children, as htmlparser2's Parser (HTML mode, attribute names as written) would
 * report it to linkedom: the same implied end tags, void elements and self-closing rule.
 */
function buildInto(root: VoteParent, html: string, document: VoteDocument): void {
  /** Open elements' names, innermost last, as the parser's stack. */
  const stack: string[] = [];
  /** How many of each name are open: an end tag for a name not open scans nothing (the parser scans its whole stack). */
  const openCount = new Map<string, number>();
  const push = (name: string): void => {
    stack.push(name);
    openCount.set(name, (openCount.get(name) ?? 0) + 1);
  };
  const pop = (): void => {
    const name = stack.pop()!;
    openCount.set(name, openCount.get(name)! - 1);
    close();
  };
  /** Whether self-closing tags close here (inside svg or math), innermost last. */
  const foreign: boolean[] = [false];
  let current: VoteParent = root;
  let svgRoot: VoteElement | null = null;
  let tagname = '';
  /** A plain object, as the parser's: its keys come back in JavaScript's order (integer-like names first), which is linkedom's attribute order. */
  let attribs: Record<string, string> | null = null;
  let attribname = '';
  let attribvalue = '';

  const open = (name: string, attributes: Record<string, string>): void => {
    let element: VoteElement;
    if (svgRoot !== null) element = new VoteElement(document, name, true);
    else if (name === 'svg') element = svgRoot = new VoteElement(document, name, true);
    else element = new VoteElement(document, name, false);
    for (const key of Object.keys(attributes)) {
      const value = attributes[key]!;
      element.attrs.push(new VoteAttr(key, key === 'class' ? normaliseClass(value) : value));
    }
    current.appendChild(element);
    current = element;
  };
  const close = (): void => {
    if (current === svgRoot) svgRoot = null;
    if (current !== root && current.parentNode !== null) current = current.parentNode;
  };
  const text = (data: string): void => {
    current.appendChild(new VoteText(document, data));
  };

  const emitOpenTag = (name: string): void => {
    tagname = name;
    const impliesClose = OPEN_IMPLIES_CLOSE.get(name);
    if (impliesClose !== undefined) {
      while (stack.length > 0 && impliesClose.has(stack[stack.length - 1]!)) pop();
    }
    if (!VOID_ELEMENTS.has(name)) {
      push(name);
      if (FOREIGN_CONTEXT_ELEMENTS.has(name)) foreign.push(true);
      else if (HTML_INTEGRATION_ELEMENTS.has(name)) foreign.push(false);
    }
    attribs = {};
  };
  const endOpenTag = (): void => {
    if (attribs !== null) {
      open(tagname, attribs);
      attribs = null;
    }
    if (VOID_ELEMENTS.has(tagname)) close();
    tagname = '';
  };
  const closeCurrentTag = (): void => {
    const name = tagname;
    endOpenTag();
    if (stack.length > 0 && stack[stack.length - 1] === name) pop();
  };

  const cbs: TokenizerCallbacks = {
    ontext(start, end) {
      text(html.slice(start, end));
    },
    ontextentity(cp) {
      text(String.fromCodePoint(cp));
    },
    onopentagname(start, end) {
      emitOpenTag(nameAt(html, start, end));
    },
    onopentagend() {
      endOpenTag();
    },
    onselfclosingtag() {
      if (foreign[foreign.length - 1] === true) closeCurrentTag();
      else endOpenTag();
    },
    onclosetag(start, end) {
      const name = nameAt(html, start, end);
      if (FOREIGN_CONTEXT_ELEMENTS.has(name) || HTML_INTEGRATION_ELEMENTS.has(name)) foreign.pop();
      if (!VOID_ELEMENTS.has(name)) {
        if ((openCount.get(name) ?? 0) > 0) {
          const at = stack.lastIndexOf(name);
          while (stack.length > at) pop();
        } else if (name === 'p') {
          emitOpenTag('p');
          closeCurrentTag();
        }
      } else if (name === 'br') {
        open('br', {});
        close();
      }
    },
    onattribname(start, end) {
      attribname = html.slice(start, end);
    },
    onattribdata(start, end) {
      attribvalue += html.slice(start, end);
    },
    onattribentity(cp) {
      attribvalue += String.fromCodePoint(cp);
    },
    onattribend(_quote: QuoteType) {
      if (attribs !== null && !Object.prototype.hasOwnProperty.call(attribs, attribname)) attribs[attribname] = attribvalue;
      attribvalue = '';
    },
    oncdata(start, end, offset) {
      current.appendChild(new VoteComment(document, `[CDATA[${html.slice(start, end - offset)}]]`));
    },
    oncomment(start, end, offset) {
      current.appendChild(new VoteComment(document, html.slice(start, end - offset)));
    },
    ondeclaration() {},
    onprocessinginstruction() {},
    onend() {
      while (stack.length > 0) pop();
    },
  };
  tokenizeHtml(html, cbs);
}

/** A document from a page's HTML, for Readability. */
export function parseVoteDocument(html: string): VoteDocument {
  const document = new VoteDocument();
  buildInto(document, html, document);
  return document;
}
