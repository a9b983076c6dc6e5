/**
 * A whole HTML page to plain text, the way a browser's `document.body.innerText` reads it with
 * scripts off and no external stylesheets: the HTML Standard's innerText algorithm ("required
 * line break counts"), run on the htmlparser2 token stream instead of a laid-out DOM.
 *
 * Linear in the input: one pass, a stack of open elements, no tree.
 */
import { Parser } from 'htmlparser2';

/** Options for {@link htmlToText}. */
export interface HtmlToTextOptions {
  /**
   * Render as a browser with scripts on would: `<noscript>` content is then hidden.
   * Off by default because the reference renderings (a headless browser with scripts off) show it.
   * @default false
   */
  scripting?: boolean;
}

/** How an element takes part in the innerText algorithm. */
type DisplayKind = 'none' | 'inline' | 'block' | 'paragraph' | 'table' | 'row' | 'cell' | 'caption' | 'row-group';

/** The browser's default stylesheet, reduced to what innerText sees. Elements not listed are inline. */
const DEFAULT_DISPLAY: ReadonlyMap<string, DisplayKind> = new Map<string, DisplayKind>([
  // The spec gives <p> two required line breaks, which is where blank lines between paragraphs come from.
  ['p', 'paragraph'],
  ...(
    [
      'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
      'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
      'hr', 'html', 'legend', 'li', 'listing', 'main', 'menu', 'nav', 'ol', 'optgroup', 'plaintext', 'pre', 'search',
      'section', 'summary', 'ul', 'xmp', 'frameset', 'frame',
      // Browsers print a <select>'s options one per line in innerText, though the control shows one.
      'select', 'option',
    ] as const
  ).map((tag) => [tag, 'block'] as const),
  ['table', 'table'],
  ['tr', 'row'],
  ['td', 'cell'],
  ['th', 'cell'],
  ['caption', 'caption'],
  // The browser hides <head>, but a page that forgets </head> gets its body parsed into it by
  // htmlparser2; everything that belongs in a head is hidden on its own, so head itself need not be.
  ['head', 'inline'],
  ['thead', 'row-group'],
  ['tbody', 'row-group'],
  ['tfoot', 'row-group'],
  // Not rendered at all by the default stylesheet, or rendered in a shadow tree innerText does not enter
  // (form controls, media fallbacks, image alt text).
  ...(
    [
      'title', 'script', 'style', 'template', 'noembed', 'noframes', 'datalist', 'area', 'base', 'basefont',
      'link', 'meta', 'param', 'rp', 'iframe', 'textarea', 'input', 'video', 'audio', 'canvas', 'source',
      'track', 'img', 'embed', 'picture',
    ] as const
  ).map((tag) => [tag, 'none'] as const),
]);

/** Elements whose text keeps its spaces and line breaks (`white-space: pre` in the default stylesheet). */
const PREFORMATTED = new Set(['pre', 'listing', 'xmp', 'plaintext']);

/** The HTML parser drops one line feed right after these start tags; htmlparser2 does not, so we do. */
const LEADING_NEWLINE_DROPPED = new Set(['pre', 'listing']);

/** Inside inline SVG only these render text; titles, descriptions, styles and definitions do not. */
const SVG_TEXT_ELEMENTS = new Set(['text', 'tspan', 'textpath', 'foreignobject']);

/** Inline `style` values read: enough to follow the display and visibility pages set by hand. */
const STYLE_DISPLAY = /(?:^|;)\s*display\s*:\s*([a-z-]+)/i;
const STYLE_VISIBILITY = /(?:^|;)\s*visibility\s*:\s*([a-z]+)/i;
const STYLE_WHITE_SPACE = /(?:^|;)\s*white-space\s*:\s*([a-z-]+)/i;

/** CSS `display` values mapped onto the kinds innerText distinguishes. */
const CSS_DISPLAY: ReadonlyMap<string, DisplayKind> = new Map<string, DisplayKind>([
  ['none', 'none'],
  ['block', 'block'],
  ['flex', 'block'],
  ['grid', 'block'],
  ['flow-root', 'block'],
  ['list-item', 'block'],
  ['table', 'table'],
  ['table-row', 'row'],
  ['table-cell', 'cell'],
  ['table-caption', 'caption'],
  ['inline', 'inline'],
  ['inline-block', 'inline'],
  ['inline-flex', 'inline'],
  ['inline-grid', 'inline'],
  ['inline-table', 'inline'],
  ['contents', 'inline'],
]);

/** Collapsible white space per CSS `white-space: normal`; U+00A0 is not in it and survives. */
const COLLAPSIBLE_RUN = /[ \t\n\r\f]+/g;

type WhiteSpaceMode = 'collapse' | 'pre' | 'pre-line';

interface Frame {
  name: string;
  display: DisplayKind;
  /** This element starts a hidden subtree. */
  hides: boolean;
  /** This element changed `visibility` for its subtree. */
  visibility: 'hidden' | 'visible' | null;
  whiteSpace: WhiteSpaceMode | null;
  /** A `<details>` without `open`. */
  closedDetails: boolean;
  /** Open SVG element: its subtree is hidden unless inside a text element. */
  svg: 'root' | 'text' | 'other' | null;
}

interface TableState {
  /** A row ended; a line feed goes out if another row of the same table follows. */
  rowEnded: boolean;
  /** A cell ended; a tab goes out if another cell of the same row follows. */
  cellEnded: boolean;
}

function displayOf(name: string, attribs: Record<string, string>, scripting: boolean): DisplayKind {
  if ('hidden' in attribs) return 'none';
  if (name === 'noscript' && scripting) return 'none';
  if (name === 'input' && attribs['type']?.toLowerCase() === 'hidden') return 'none';
  if (name === 'dialog' && !('open' in attribs)) return 'none';
  const style = attribs['style'];
  if (style !== undefined) {
    const declared = STYLE_DISPLAY.exec(style)?.[1]?.toLowerCase();
    const kind = declared === undefined ? undefined : CSS_DISPLAY.get(declared);
    // A declared display changes the box, except for elements that never render text anyway.
    if (kind !== undefined && DEFAULT_DISPLAY.get(name) !== 'none') return kind === 'block' && name === 'p' ? 'paragraph' : kind;
  }
  return DEFAULT_DISPLAY.get(name) ?? 'inline';
}

function whiteSpaceOf(name: string, attribs: Record<string, string>): WhiteSpaceMode | null {
  const declared = attribs['style'] === undefined ? undefined : STYLE_WHITE_SPACE.exec(attribs['style'])?.[1]?.toLowerCase();
  if (declared === 'pre' || declared === 'pre-wrap' || declared === 'break-spaces') return 'pre';
  if (declared === 'pre-line') return 'pre-line';
  if (declared === 'normal' || declared === 'nowrap') return 'collapse';
  return PREFORMATTED.has(name) ? 'pre' : null;
}

function visibilityOf(attribs: Record<string, string>): 'hidden' | 'visible' | null {
  const declared = attribs['style'] === undefined ? undefined : STYLE_VISIBILITY.exec(attribs['style'])?.[1]?.toLowerCase();
  if (declared === 'hidden' || declared === 'collapse') return 'hidden';
  if (declared === 'visible') return 'visible';
  return null;
}

/**
 * Collects innerText "items": strings and required line break counts. A run of counts turns into
 * that many line feeds (the largest of the run) between strings, and disappears at either end.
 */
class ItemWriter {
  private readonly parts: string[] = [];
  private pendingBreaks = 0;
  private hasContent = false;
  /** A collapsed space waits here until we know more text follows on the same line. */
  private pendingSpace = false;
  /** Nothing has been written on the current line yet (leading spaces are dropped). */
  private atLineStart = true;

  requireBreaks(count: number): void {
    if (count > this.pendingBreaks) this.pendingBreaks = count;
    this.endLine();
  }

  /** A cell boundary: spaces do not carry over it, though it is not a line break. */
  endLine(): void {
    this.pendingSpace = false;
    this.atLineStart = true;
  }

  /** A literal string item (`\n` for `<br>`, `\t` between cells) that is never collapsed. */
  literal(text: string): void {
    this.flushBreaks();
    this.parts.push(text);
    this.hasContent = true;
    this.endLine();
  }

  collapsibleText(raw: string): void {
    const text = raw.replace(COLLAPSIBLE_RUN, ' ');
    if (text === ' ') {
      if (!this.atLineStart) this.pendingSpace = true;
      return;
    }
    const leading = text.startsWith(' ');
    const trailing = text.endsWith(' ');
    const words = text.slice(leading ? 1 : 0, trailing ? text.length - 1 : text.length);
    if (words === '') return;
    this.flushBreaks();
    if ((leading || this.pendingSpace) && !this.atLineStart) this.parts.push(' ');
    this.parts.push(words);
    this.hasContent = true;
    this.atLineStart = false;
    this.pendingSpace = trailing;
  }

  preformattedText(text: string, keepSpaces: boolean): void {
    if (text === '') return;
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      if (i > 0) this.literal('\n');
      if (keepSpaces) {
        if (line === '') return;
        this.flushBreaks();
        if (this.pendingSpace) this.parts.push(' ');
        this.parts.push(line);
        this.hasContent = true;
        this.pendingSpace = false;
        this.atLineStart = false;
      } else {
        this.collapsibleText(line);
      }
    });
  }

  result(): string {
    return this.parts.join('');
  }

  private flushBreaks(): void {
    if (this.pendingBreaks > 0 && this.hasContent) this.parts.push('\n'.repeat(this.pendingBreaks));
    this.pendingBreaks = 0;
  }
}

/**
 * Renders a whole HTML page as plain text, approximately as a browser's `document.body.innerText`
 * (with scripts off and no external stylesheets): block elements on their own lines, a blank line
 * around paragraphs, `<br>` as a line feed, table cells separated by tabs and rows by line feeds,
 * white space collapsed except in `<pre>`; hidden, script, style, template and head content left out.
 * List items carry no bullet or number, as in browsers. Never throws on malformed markup.
 */
export function htmlToText(html: string, options: HtmlToTextOptions = {}): string {
  const scripting = options.scripting ?? false;
  const writer = new ItemWriter();
  const stack: Frame[] = [];
  const tables: TableState[] = [];
  let hiddenDepth = 0;
  /** Innermost white-space mode from the stack; `collapse` when none set. */
  const whiteSpaceModes: WhiteSpaceMode[] = [];
  const visibilities: ('hidden' | 'visible')[] = [];
  let dropLeadingNewline = false;

  const insideSvgGraphics = (): boolean => {
    const svg = stack[stack.length - 1]?.svg ?? null;
    return svg === 'root' || svg === 'other';
  };
  const visible = (): boolean => hiddenDepth === 0 && !insideSvgGraphics() && visibilities[visibilities.length - 1] !== 'hidden';

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        dropLeadingNewline = false;
        const parentFrame = stack[stack.length - 1];
        const parentSvg = parentFrame?.svg ?? null;
        let svg: Frame['svg'] = null;
        if (name === 'svg' && parentSvg === null) svg = 'root';
        else if (parentSvg !== null) svg = SVG_TEXT_ELEMENTS.has(name) || parentSvg === 'text' ? 'text' : 'other';
        const display: DisplayKind = svg === null ? displayOf(name, attribs, scripting) : 'inline';
        const frame: Frame = {
          name,
          display,
          // A closed <details> shows its <summary> only.
          hides: display === 'none' || (parentFrame?.closedDetails === true && name !== 'summary'),
          closedDetails: name === 'details' && !('open' in attribs),
          visibility: visibilityOf(attribs),
          whiteSpace: whiteSpaceOf(name, attribs),
          svg,
        };
        stack.push(frame);
        if (frame.hides) hiddenDepth++;
        if (frame.visibility !== null) visibilities.push(frame.visibility);
        if (frame.whiteSpace !== null) whiteSpaceModes.push(frame.whiteSpace);
        if (!visible()) return;
        openBox(frame);
        if (name === 'br') writer.literal('\n');
        if (LEADING_NEWLINE_DROPPED.has(name)) dropLeadingNewline = true;
      },
      ontext(text) {
        if (!visible() || stack[stack.length - 1]?.closedDetails === true) return;
        let chunk = text;
        if (dropLeadingNewline) {
          dropLeadingNewline = false;
          if (chunk.startsWith('\r\n')) chunk = chunk.slice(2);
          else if (chunk.startsWith('\n')) chunk = chunk.slice(1);
        }
        chunk = chunk.replace(/\r\n?/g, '\n');
        const mode = whiteSpaceModes[whiteSpaceModes.length - 1] ?? 'collapse';
        if (mode === 'collapse') writer.collapsibleText(chunk);
        else writer.preformattedText(chunk, mode === 'pre');
      },
      onclosetag() {
        dropLeadingNewline = false;
        const frame = stack.pop();
        if (frame === undefined) return;
        if (visible()) closeBox(frame);
        if (frame.hides) hiddenDepth--;
        if (frame.visibility !== null) visibilities.pop();
        if (frame.whiteSpace !== null) whiteSpaceModes.pop();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );

  function openBox(frame: Frame): void {
    switch (frame.display) {
      case 'paragraph':
        writer.requireBreaks(2);
        return;
      case 'block':
      case 'caption':
        writer.requireBreaks(1);
        return;
      case 'table':
        writer.requireBreaks(1);
        tables.push({ rowEnded: false, cellEnded: false });
        return;
      case 'row': {
        const table = tables[tables.length - 1];
        if (table !== undefined) {
          if (table.rowEnded) writer.literal('\n');
          table.rowEnded = false;
          table.cellEnded = false;
        }
        writer.endLine();
        return;
      }
      case 'cell': {
        const table = tables[tables.length - 1];
        if (table?.cellEnded === true) writer.literal('\t');
        if (table !== undefined) table.cellEnded = false;
        writer.endLine();
        return;
      }
      default:
        return;
    }
  }

  function closeBox(frame: Frame): void {
    switch (frame.display) {
      case 'paragraph':
        writer.requireBreaks(2);
        return;
      case 'block':
      case 'caption':
        writer.requireBreaks(1);
        return;
      case 'table':
        tables.pop();
        writer.requireBreaks(1);
        return;
      case 'row': {
        const table = tables[tables.length - 1];
        if (table !== undefined) table.rowEnded = true;
        writer.endLine();
        return;
      }
      case 'cell': {
        const table = tables[tables.length - 1];
        if (table !== undefined) table.cellEnded = true;
        writer.endLine();
        return;
      }
      default:
        return;
    }
  }

  parser.write(html);
  parser.end();
  return writer.result();
}
