/**
 * An HTML tokenizer that reports the same events, at the same offsets, as htmlparser2's `Tokenizer`
 * in HTML mode with entity decoding (its quirks included), and runs in a fraction of its time.
 *
 * Why not htmlparser2's own: it reads the page one character at a time through a state switch,
 * and with entity decoding on it must, because every character of text and of attribute values may
 * be a `&`. Here the states that hold most of a page's bytes (text, quoted attribute values, script
 * and style bodies, comments) jump to the next character that matters with `indexOf`, a native
 * scan; the short states (tag and attribute names) are tight loops. Entities are decoded by the
 * same decoder htmlparser2 uses, driven the same way, so the decoded text is the same.
 *
 * Events come through htmlparser2's `TokenizerCallbacks` interface, so callers can swap one for
 * the other; a property test holds the two to the same event list on random markup.
 */
import { DecodingMode, EntityDecoder, htmlDecodeTree } from 'entities/decode';
import { QuoteType, type TokenizerCallbacks } from 'htmlparser2';

/** The tokenizer's states, as in htmlparser2 (names kept so the two can be read side by side). */
const enum State {
  Text,
  BeforeTagName,
  InTagName,
  InSelfClosingTag,
  BeforeClosingTagName,
  InClosingTagName,
  AfterClosingTagName,
  BeforeAttributeName,
  InAttributeName,
  AfterAttributeName,
  BeforeAttributeValue,
  InAttributeValueDq,
  InAttributeValueSq,
  InAttributeValueNq,
  BeforeDeclaration,
  InDeclaration,
  InProcessingInstruction,
  BeforeComment,
  CdataSequence,
  InSpecialComment,
  InCommentLike,
  BeforeSpecialS,
  BeforeSpecialT,
  SpecialStartSequence,
  InSpecialTag,
  InEntity,
}

const LT = 0x3c;
const GT = 0x3e;
const AMP = 0x26;
const SLASH = 0x2f;
const EQ = 0x3d;
const DQUOTE = 0x22;
const SQUOTE = 0x27;
const BANG = 0x21;
const QUESTION = 0x3f;
const DASH = 0x2d;
const OPEN_BRACKET = 0x5b;

const bytes = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));
/** The sequences htmlparser2 matches; a special element's start tag is matched against its end sequence from offset 4. */
const CDATA_START = bytes('CDATA[');
const CDATA_END = bytes(']]>');
const COMMENT_END = bytes('-->');
const SCRIPT_END = bytes('</script');
const STYLE_END = bytes('</style');
const TITLE_END = bytes('</title');
const TEXTAREA_END = bytes('</textarea');
const XMP_END = bytes('</xmp');

/** HTML's whitespace as htmlparser2 reads it: space, line feed, tab, form feed, carriage return (not `\v`, unlike `\s`). */
function isWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0c || c === 0x0d;
}

function isEndOfTagSection(c: number): boolean {
  return c === SLASH || c === GT || isWhitespace(c);
}

function isAsciiAlpha(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

/**
 * Where one character next occurs in a page, at or after a place (the page's length when it does not).
 * The tokenizer asks from places that only move forward, so an answer stays right until the place passes
 * it: text or a value full of entities is not rescanned to the next `<` or quote after each one.
 */
class NextOccurrence {
  private at = -1;

  constructor(
    private readonly html: string,
    private readonly char: string,
  ) {}

  from(place: number): number {
    if (this.at < place) {
      this.at = this.html.indexOf(this.char, place);
      if (this.at < 0) this.at = this.html.length;
    }
    return this.at;
  }
}

/**
 * Tokenizes the whole of `html` in one call, then calls `onend`. Comments and CDATA sections are reported as
 * htmlparser2's Tokenizer reports them; declarations and processing instructions are recognised (their text is
 * not page text) but not reported.
 */
export function tokenizeHtml(html: string, cbs: TokenizerCallbacks): void {
  const length = html.length;
  // Widened: the entity and special-element helpers below change it too.
  let state = State.Text as State;
  /** The state an entity returns to. */
  let baseState = State.Text;
  let index = 0;
  let sectionStart = 0;
  let entityStart = 0;
  /** Inside a script, style, title, textarea or xmp element, whose text ends only at its end tag. */
  let isSpecial = false;
  let sequence: Uint8Array = COMMENT_END;
  let sequenceIndex = 0;
  const nextAmp = new NextOccurrence(html, '&');
  const nextLt = new NextOccurrence(html, '<');
  const nextDoubleQuote = new NextOccurrence(html, '"');
  const nextSingleQuote = new NextOccurrence(html, "'");

  const decoder = new EntityDecoder(htmlDecodeTree, (codePoint, consumed) => {
    if (baseState !== State.Text && baseState !== State.InSpecialTag) {
      if (sectionStart < entityStart) cbs.onattribdata(sectionStart, entityStart);
      sectionStart = entityStart + consumed;
      index = sectionStart - 1;
      cbs.onattribentity(codePoint);
    } else {
      if (sectionStart < entityStart) cbs.ontext(sectionStart, entityStart);
      sectionStart = entityStart + consumed;
      index = sectionStart - 1;
      cbs.ontextentity(codePoint, sectionStart);
    }
  });

  /** At the `&` at `index`: hands the entity to the decoder; the caller moves past the `&`. */
  const startEntity = (): void => {
    baseState = state;
    state = State.InEntity;
    entityStart = index;
    decoder.startEntity(baseState === State.Text || baseState === State.InSpecialTag ? DecodingMode.Legacy : DecodingMode.Attribute);
  };

  const startSpecial = (end: Uint8Array): void => {
    isSpecial = true;
    sequence = end;
    sequenceIndex = 4;
    state = State.SpecialStartSequence;
  };

  while (index < length) {
    const c = html.charCodeAt(index);
    switch (state) {
      case State.Text: {
        const lt = nextLt.from(index);
        const amp = nextAmp.from(index);
        if (amp < lt) {
          index = amp;
          startEntity();
          index++;
          break;
        }
        if (lt === length) {
          index = length;
          break;
        }
        if (lt > sectionStart) cbs.ontext(sectionStart, lt);
        state = State.BeforeTagName;
        sectionStart = lt;
        index = lt + 1;
        break;
      }
      case State.BeforeTagName: {
        if (c === BANG) {
          state = State.BeforeDeclaration;
          sectionStart = index + 1;
        } else if (c === QUESTION) {
          state = State.InProcessingInstruction;
          sectionStart = index + 1;
        } else if (isAsciiAlpha(c)) {
          const lower = c | 0x20;
          sectionStart = index;
          state = lower === SCRIPT_END[2] ? State.BeforeSpecialS : lower === TITLE_END[2] || lower === XMP_END[2] ? State.BeforeSpecialT : State.InTagName;
        } else if (c === SLASH) {
          state = State.BeforeClosingTagName;
        } else {
          // Not a tag: the `<` is text; read this character again as text.
          state = State.Text;
          break;
        }
        index++;
        break;
      }
      case State.InTagName: {
        let end = index;
        while (end < length && !isEndOfTagSection(html.charCodeAt(end))) end++;
        index = end;
        if (end === length) break;
        cbs.onopentagname(sectionStart, end);
        sectionStart = -1;
        state = State.BeforeAttributeName;
        break;
      }
      case State.BeforeSpecialS: {
        const lower = c | 0x20;
        if (lower === SCRIPT_END[3]) startSpecial(SCRIPT_END);
        else if (lower === STYLE_END[3]) startSpecial(STYLE_END);
        else {
          state = State.InTagName;
          break;
        }
        index++;
        break;
      }
      case State.BeforeSpecialT: {
        const lower = c | 0x20;
        if (lower === TITLE_END[3]) startSpecial(TITLE_END);
        else if (lower === TEXTAREA_END[3]) startSpecial(TEXTAREA_END);
        else if (lower === XMP_END[3]) startSpecial(XMP_END);
        else {
          state = State.InTagName;
          break;
        }
        index++;
        break;
      }
      case State.SpecialStartSequence: {
        const atEnd = sequenceIndex === sequence.length;
        const matches = atEnd ? isEndOfTagSection(c) : (c | 0x20) === sequence[sequenceIndex];
        if (!matches) isSpecial = false;
        else if (!atEnd) {
          sequenceIndex++;
          index++;
          break;
        }
        sequenceIndex = 0;
        state = State.InTagName;
        break;
      }
      case State.BeforeAttributeName: {
        if (c === GT) {
          cbs.onopentagend(index);
          if (isSpecial) {
            state = State.InSpecialTag;
            sequenceIndex = 0;
          } else state = State.Text;
          sectionStart = index + 1;
        } else if (c === SLASH) {
          state = State.InSelfClosingTag;
        } else if (!isWhitespace(c)) {
          state = State.InAttributeName;
          sectionStart = index;
        }
        index++;
        break;
      }
      case State.InSelfClosingTag: {
        if (c === GT) {
          cbs.onselfclosingtag(index);
          state = State.Text;
          sectionStart = index + 1;
          isSpecial = false;
        } else if (!isWhitespace(c)) {
          state = State.BeforeAttributeName;
          break;
        }
        index++;
        break;
      }
      case State.InAttributeName: {
        let end = index;
        for (; end < length; end++) {
          const d = html.charCodeAt(end);
          if (d === EQ || isEndOfTagSection(d)) break;
        }
        index = end;
        if (end === length) break;
        cbs.onattribname(sectionStart, end);
        sectionStart = end;
        state = State.AfterAttributeName;
        break;
      }
      case State.AfterAttributeName: {
        if (c === EQ) {
          state = State.BeforeAttributeValue;
        } else if (c === SLASH || c === GT) {
          cbs.onattribend(QuoteType.NoValue, sectionStart);
          sectionStart = -1;
          state = State.BeforeAttributeName;
          break;
        } else if (!isWhitespace(c)) {
          cbs.onattribend(QuoteType.NoValue, sectionStart);
          state = State.InAttributeName;
          sectionStart = index;
        }
        index++;
        break;
      }
      case State.BeforeAttributeValue: {
        if (c === DQUOTE) {
          state = State.InAttributeValueDq;
          sectionStart = index + 1;
        } else if (c === SQUOTE) {
          state = State.InAttributeValueSq;
          sectionStart = index + 1;
        } else if (!isWhitespace(c)) {
          sectionStart = index;
          state = State.InAttributeValueNq;
          break;
        }
        index++;
        break;
      }
      case State.InAttributeValueDq:
      case State.InAttributeValueSq: {
        const double = state === State.InAttributeValueDq;
        const quote = (double ? nextDoubleQuote : nextSingleQuote).from(index);
        const amp = nextAmp.from(index);
        if (amp < quote) {
          index = amp;
          startEntity();
          index++;
          break;
        }
        index = quote;
        if (quote === length) break;
        cbs.onattribdata(sectionStart, quote);
        sectionStart = -1;
        cbs.onattribend(double ? QuoteType.Double : QuoteType.Single, quote + 1);
        state = State.BeforeAttributeName;
        index++;
        break;
      }
      case State.InAttributeValueNq: {
        let end = index;
        let d = 0;
        for (; end < length; end++) {
          d = html.charCodeAt(end);
          if (d === GT || d === AMP || isWhitespace(d)) break;
        }
        index = end;
        if (end === length) break;
        if (d === AMP) {
          startEntity();
          index++;
          break;
        }
        cbs.onattribdata(sectionStart, end);
        sectionStart = -1;
        cbs.onattribend(QuoteType.Unquoted, end);
        state = State.BeforeAttributeName;
        break;
      }
      case State.BeforeClosingTagName: {
        if (c === GT) {
          // `</>` is dropped, and (as in htmlparser2) the text section still starts at its `<`.
          state = State.Text;
        } else if (!isWhitespace(c)) {
          state = isAsciiAlpha(c) ? State.InClosingTagName : State.InSpecialComment;
          sectionStart = index;
        }
        index++;
        break;
      }
      case State.InClosingTagName: {
        let end = index;
        for (; end < length; end++) {
          const d = html.charCodeAt(end);
          if (d === GT || isWhitespace(d)) break;
        }
        index = end;
        if (end === length) break;
        cbs.onclosetag(sectionStart, end);
        sectionStart = -1;
        state = State.AfterClosingTagName;
        break;
      }
      case State.AfterClosingTagName:
      case State.InDeclaration:
      case State.InProcessingInstruction:
      case State.InSpecialComment: {
        // All of these end at the next `>`; a closing tag's end is reported already (through onclosetag), `</!x>` as a comment.
        const gt = html.indexOf('>', index);
        if (gt < 0) {
          index = length;
          break;
        }
        if (state === State.InSpecialComment) cbs.oncomment(sectionStart, gt, 0);
        state = State.Text;
        sectionStart = gt + 1;
        index = gt + 1;
        break;
      }
      case State.BeforeDeclaration: {
        if (c === OPEN_BRACKET) {
          state = State.CdataSequence;
          sequenceIndex = 0;
        } else state = c === DASH ? State.BeforeComment : State.InDeclaration;
        index++;
        break;
      }
      case State.BeforeComment: {
        if (c === DASH) {
          state = State.InCommentLike;
          sequence = COMMENT_END;
          // `<!-->` and `<!--->` are whole comments.
          sequenceIndex = 2;
          sectionStart = index + 1;
        } else state = State.InDeclaration;
        index++;
        break;
      }
      case State.CdataSequence: {
        if (c === CDATA_START[sequenceIndex]) {
          if (++sequenceIndex === CDATA_START.length) {
            state = State.InCommentLike;
            sequence = CDATA_END;
            sequenceIndex = 0;
            sectionStart = index + 1;
          }
          index++;
        } else {
          sequenceIndex = 0;
          state = State.InDeclaration;
        }
        break;
      }
      case State.InCommentLike: {
        if (c === sequence[sequenceIndex]) {
          if (++sequenceIndex === sequence.length) {
            // As htmlparser2 reports them: the text between the markers (the end marker's first two characters cut).
            if (sequence === COMMENT_END) cbs.oncomment(sectionStart, index, 2);
            else cbs.oncdata(sectionStart, index, 2);
            sequenceIndex = 0;
            sectionStart = index + 1;
            state = State.Text;
          }
        } else if (sequenceIndex === 0) {
          const next = html.indexOf(sequence === COMMENT_END ? '-' : ']', index + 1);
          if (next < 0) {
            index = length;
            break;
          }
          index = next;
          sequenceIndex = 1;
        } else if (c !== sequence[sequenceIndex - 1]) {
          // Runs like `--->` and `]]]>` still end the section.
          sequenceIndex = 0;
        }
        index++;
        break;
      }
      case State.InSpecialTag: {
        if (sequenceIndex === sequence.length) {
          if (c === GT || isWhitespace(c)) {
            const endOfText = index - sequence.length;
            if (sectionStart < endOfText) cbs.ontext(sectionStart, endOfText);
            isSpecial = false;
            sectionStart = endOfText + 2;
            // Read this character again as the end of the closing tag's name.
            state = State.InClosingTagName;
            break;
          }
          sequenceIndex = 0;
        }
        if ((c | 0x20) === sequence[sequenceIndex]) {
          sequenceIndex++;
        } else if (sequenceIndex === 0) {
          if (sequence === TITLE_END) {
            // A title's text is RCDATA: entities are decoded there.
            if (c === AMP) startEntity();
          } else {
            const lt = nextLt.from(index + 1);
            if (lt === length) {
              index = length;
              break;
            }
            index = lt;
            sequenceIndex = 1;
          }
        } else {
          // A `<` restarts the match, as in `<</script>`.
          sequenceIndex = c === LT ? 1 : 0;
        }
        index++;
        break;
      }
      case State.InEntity: {
        const consumed = decoder.write(html, index);
        if (consumed >= 0) {
          state = baseState;
          if (consumed === 0) index--;
        } else {
          // The entity runs to the end of the page; `end()` below settles it.
          index = length - 1;
        }
        index++;
        break;
      }
    }
  }

  // What htmlparser2 does once its buffer is read, then at `end()`.
  if (sectionStart !== index && (state === State.InAttributeValueDq || state === State.InAttributeValueSq || state === State.InAttributeValueNq)) {
    cbs.onattribdata(sectionStart, index);
    sectionStart = index;
  }
  if (state === State.InEntity) {
    decoder.end();
    state = baseState;
  }
  if (sectionStart < length && state === State.InCommentLike) {
    // An unclosed comment or CDATA section runs to the end of the page.
    if (sequence === COMMENT_END) cbs.oncomment(sectionStart, length, 0);
    else cbs.oncdata(sectionStart, length, 0);
  } else if (sectionStart < length && !endsInsideTagOrComment(state)) {
    // As in htmlparser2, sectionStart may be -1 here (a page ending inside `</a ` or `<br/`).
    cbs.ontext(sectionStart, length);
  }
  cbs.onend();
}

/** A page ending in these states leaves its last bit unreported: an unfinished tag, comment or CDATA section. */
function endsInsideTagOrComment(state: State): boolean {
  switch (state) {
    case State.InCommentLike:
    case State.InTagName:
    case State.BeforeAttributeName:
    case State.BeforeAttributeValue:
    case State.AfterAttributeName:
    case State.InAttributeName:
    case State.InAttributeValueSq:
    case State.InAttributeValueDq:
    case State.InAttributeValueNq:
    case State.InClosingTagName:
      return true;
    default:
      return false;
  }
}
