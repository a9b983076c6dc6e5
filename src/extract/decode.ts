/**
 * Bytes → string. The order follows what real crawls need rather than what pages claim:
 * a byte-order mark wins, then an encoding the caller names, then valid UTF-8 (many pages were
 * converted to UTF-8 but still declare their old charset), then the page's own declaration in
 * its first bytes, then windows-1252 (the web's historical default).
 *
 * Only the global `TextDecoder` is used, so this runs unchanged in Node, browsers, Deno, Bun
 * and workers. Malformed sequences become U+FFFD; decoding itself never throws.
 */
import { NewsprintError } from '../errors.js';
import type { ResolvedOptions } from '../options.js';

/** The WHATWG prescan looks at this many bytes for a `<meta charset>`; pages declare it early or not at all. */
export const SNIFF_BYTES = 4096;

/** Bytes inspected to recognise UTF-16 without a byte-order mark. */
const UTF16_SNIFF_BYTES = 512;

/** Share of NUL bytes in one byte lane above which ASCII-heavy text is taken for UTF-16 (every other byte is 0). */
const UTF16_NUL_LANE_SHARE = 0.4;

/** Share of NUL bytes tolerated in the other lane: real UTF-16 text has almost none there. */
const UTF16_OTHER_LANE_MAX_SHARE = 0.05;

/** Fallback when nothing decides: what browsers use for undeclared legacy pages in most locales. */
const DEFAULT_LEGACY_ENCODING = 'windows-1252';

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;
const UTF16LE_BOM = [0xff, 0xfe] as const;
const UTF16BE_BOM = [0xfe, 0xff] as const;

/** How the encoding was chosen; exposed for tests and tracing. */
export type EncodingSource = 'bom' | 'option' | 'utf8-valid' | 'utf16-sniff' | 'declared' | 'utf8-mostly' | 'default';

export interface EncodingChoice {
  /** Canonical WHATWG name, as `TextDecoder.encoding` reports it. */
  encoding: string;
  source: EncodingSource;
}

/**
 * WHATWG windows-1252 for bytes 0x80–0x9F (the only range where it differs from ISO-8859-1).
 * Some runtimes decode windows-1252 as ISO-8859-1 and return C1 controls there (Node
 * 20.18.3+/22.13+, nodejs/node#60888; workerd#6027), turning every curly quote and euro sign
 * into an invisible control; decoded text is repaired through this table.
 */
const WINDOWS_1252_C1: readonly number[] = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

const C1_CONTROL = /[\u0080-\u009f]/g;

function repairWindows1252(text: string): string {
  return text.replace(C1_CONTROL, (ch) => String.fromCharCode(WINDOWS_1252_C1[ch.charCodeAt(0) - 0x80] ?? ch.charCodeAt(0)));
}

/** Decodes with a canonical encoding name; malformed sequences become U+FFFD. */
function decodeAs(encoding: string, bytes: Uint8Array): string {
  const text = new TextDecoder(encoding).decode(bytes);
  return encoding === 'windows-1252' ? repairWindows1252(text) : text;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((b, i) => bytes[i] === b);
}

function bomEncoding(bytes: Uint8Array): string | null {
  if (startsWith(bytes, UTF8_BOM)) return 'utf-8';
  if (startsWith(bytes, UTF16LE_BOM)) return 'utf-16le';
  if (startsWith(bytes, UTF16BE_BOM)) return 'utf-16be';
  return null;
}

/**
 * The canonical name for a WHATWG label, or null when the platform's `TextDecoder` does not know
 * it (unknown labels, and the `replacement` / `x-user-defined` encodings it refuses).
 */
export function canonicalEncoding(label: string): string | null {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

/** UTF-16 without a BOM: ASCII-range text leaves one byte lane almost all zeros. */
function sniffUtf16(bytes: Uint8Array): string | null {
  const length = Math.min(bytes.length, UTF16_SNIFF_BYTES) & ~1;
  if (length < 4) return null;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) evenNuls++;
    if (bytes[i + 1] === 0) oddNuls++;
  }
  const pairs = length / 2;
  if (oddNuls / pairs >= UTF16_NUL_LANE_SHARE && evenNuls / pairs <= UTF16_OTHER_LANE_MAX_SHARE) return 'utf-16le';
  if (evenNuls / pairs >= UTF16_NUL_LANE_SHARE && oddNuls / pairs <= UTF16_OTHER_LANE_MAX_SHARE) return 'utf-16be';
  return null;
}

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f';
}

/**
 * The WHATWG "extract a character encoding from a meta element" algorithm: the value after
 * `charset=` in a `content` attribute, quoted or not.
 */
export function charsetFromContentType(content: string): string | null {
  const lower = content.toLowerCase();
  let from = 0;
  for (;;) {
    const at = lower.indexOf('charset', from);
    if (at < 0) return null;
    let i = at + 'charset'.length;
    while (isSpace(lower[i])) i++;
    if (lower[i] !== '=') {
      from = at + 1;
      continue;
    }
    i++;
    while (isSpace(lower[i])) i++;
    const quote = content[i];
    if (quote === '"' || quote === "'") {
      const end = content.indexOf(quote, i + 1);
      return end < 0 ? null : content.slice(i + 1, end);
    }
    let end = i;
    while (end < content.length && !isSpace(content[end]) && content[end] !== ';') end++;
    return end > i ? content.slice(i, end) : null;
  }
}

interface Attribute {
  name: string;
  value: string;
}

/**
 * Reads a tag's attributes from just after its name to its `>`; returns them, the index after the
 * tag, and whether the tag was closed (a tag cut off by the sniff window declares nothing, per WHATWG).
 */
function readAttributes(head: string, start: number): { attributes: Attribute[]; end: number; closed: boolean } {
  const attributes: Attribute[] = [];
  let i = start;
  while (i < head.length) {
    while (isSpace(head[i]) || head[i] === '/') i++;
    if (i >= head.length) break;
    if (head[i] === '>') return { attributes, end: i + 1, closed: true };
    const nameStart = i;
    while (i < head.length && !isSpace(head[i]) && head[i] !== '=' && head[i] !== '>' && head[i] !== '/') i++;
    const name = head.slice(nameStart, i).toLowerCase();
    while (isSpace(head[i])) i++;
    let value = '';
    if (head[i] === '=') {
      i++;
      while (isSpace(head[i])) i++;
      const quote = head[i];
      if (quote === '"' || quote === "'") {
        const close = head.indexOf(quote, i + 1);
        if (close < 0) break;
        value = head.slice(i + 1, close);
        i = close + 1;
      } else {
        const valueStart = i;
        while (i < head.length && !isSpace(head[i]) && head[i] !== '>') i++;
        value = head.slice(valueStart, i);
      }
    }
    attributes.push({ name, value });
  }
  return { attributes, end: head.length, closed: false };
}

/**
 * Per WHATWG, a meta declaration of UTF-16 means UTF-8 (the bytes being read as ASCII proves it is
 * not UTF-16), and `x-user-defined` means windows-1252.
 */
function metaEncoding(label: string): string | null {
  const trimmed = label.trim().toLowerCase();
  if (trimmed === 'x-user-defined') return 'windows-1252';
  const canonical = canonicalEncoding(trimmed);
  if (canonical === 'utf-16le' || canonical === 'utf-16be') return 'utf-8';
  return canonical;
}

/**
 * The encoding a page declares in its first {@link SNIFF_BYTES} bytes: `<meta charset>`, then
 * `<meta http-equiv="content-type" content="…; charset=…">`, then an XML declaration. Comments are
 * skipped so a commented-out declaration does not count. Unknown labels are passed over.
 */
export function sniffDeclaredEncoding(bytes: Uint8Array): string | null {
  // windows-1252 maps every byte to one char and keeps ASCII, so markup reads the same in any ASCII-compatible page.
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, SNIFF_BYTES));
  const lower = head.toLowerCase();
  let i = 0;
  while (i < lower.length) {
    const lt = lower.indexOf('<', i);
    if (lt < 0) break;
    if (lower.startsWith('<!--', lt)) {
      const close = lower.indexOf('-->', lt + 4);
      if (close < 0) break;
      i = close + 3;
      continue;
    }
    if (lower.startsWith('<meta', lt) && (isSpace(lower[lt + 5]) || lower[lt + 5] === '/')) {
      const { attributes, end, closed } = readAttributes(head, lt + 5);
      if (!closed) break;
      const found = encodingFromMetaAttributes(attributes);
      if (found !== null) return found;
      i = Math.max(end, lt + 1);
      continue;
    }
    i = lt + 1;
  }
  return xmlDeclarationEncoding(head);
}

function encodingFromMetaAttributes(attributes: readonly Attribute[]): string | null {
  const charset = attributes.find((a) => a.name === 'charset');
  if (charset !== undefined) {
    const encoding = metaEncoding(charset.value);
    if (encoding !== null) return encoding;
  }
  const httpEquiv = attributes.find((a) => a.name === 'http-equiv');
  const content = attributes.find((a) => a.name === 'content');
  if (httpEquiv !== undefined && content !== undefined && httpEquiv.value.trim().toLowerCase() === 'content-type') {
    const label = charsetFromContentType(content.value);
    if (label !== null) return metaEncoding(label);
  }
  return null;
}

/** `<?xml version="1.0" encoding="…"?>` at the very start: XHTML pages and feeds declare it there. */
function xmlDeclarationEncoding(head: string): string | null {
  const start = head.trimStart();
  if (!start.startsWith('<?xml')) return null;
  const close = start.indexOf('?>');
  if (close < 0) return null;
  const { attributes } = readAttributes(`${start.slice(0, close)}>`, '<?xml'.length);
  const declared = attributes.find((a) => a.name === 'encoding');
  return declared === undefined ? null : metaEncoding(declared.value);
}

/** Decodes as strict UTF-8; null when the bytes are not valid UTF-8. */
function decodeStrictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Invalid UTF-8 that declares UTF-8 (or nothing) is either UTF-8 with a few broken bytes or a
 * legacy page. Replacement characters outnumbering the well-formed non-ASCII characters point to
 * the second: windows-1252 then loses nothing, where UTF-8 would lose every accent.
 */
function looksMislabelledUtf8(lenient: string): boolean {
  let replaced = 0;
  let wellFormed = 0;
  for (let i = 0; i < lenient.length; i++) {
    const code = lenient.charCodeAt(i);
    if (code === 0xfffd) replaced++;
    else if (code > 0x7f) wellFormed++;
  }
  return replaced > wellFormed;
}

/** Picks the encoding for `bytes` and decodes them. */
export function decodeWithChoice(bytes: Uint8Array, options: Pick<ResolvedOptions, 'encoding'>): { text: string; choice: EncodingChoice } {
  const bom = bomEncoding(bytes);
  if (bom !== null) {
    return { text: decodeAs(bom, bytes), choice: { encoding: bom, source: 'bom' } };
  }
  if (options.encoding !== null) {
    const requested = canonicalEncoding(options.encoding);
    if (requested === null) {
      throw new NewsprintError(
        'UNSUPPORTED_ENCODING',
        `Encoding "${options.encoding}" is not a label this runtime can decode. Pass a WHATWG Encoding Standard label such as "utf-8", "windows-1252" or "shift_jis", or omit the option to let newsprint detect it.`,
      );
    }
    return { text: decodeAs(requested, bytes), choice: { encoding: requested, source: 'option' } };
  }
  const utf16 = sniffUtf16(bytes);
  if (utf16 !== null) {
    return { text: decodeAs(utf16, bytes), choice: { encoding: utf16, source: 'utf16-sniff' } };
  }
  const utf8 = decodeStrictUtf8(bytes);
  if (utf8 !== null) return { text: utf8, choice: { encoding: 'utf-8', source: 'utf8-valid' } };

  const declared = sniffDeclaredEncoding(bytes);
  if (declared !== null && declared !== 'utf-8') {
    return { text: decodeAs(declared, bytes), choice: { encoding: declared, source: 'declared' } };
  }
  // Declared UTF-8, or undeclared: UTF-8 with a few broken bytes (a cut-off download, one bad
  // paste) is still UTF-8; reading it as windows-1252 would garble every other non-ASCII char.
  const lenientUtf8 = new TextDecoder('utf-8').decode(bytes);
  if (!looksMislabelledUtf8(lenientUtf8)) {
    return { text: lenientUtf8, choice: { encoding: 'utf-8', source: declared === null ? 'utf8-mostly' : 'declared' } };
  }
  return {
    text: decodeAs(DEFAULT_LEGACY_ENCODING, bytes),
    choice: { encoding: DEFAULT_LEGACY_ENCODING, source: 'default' },
  };
}

/**
 * Bytes → string: BOM, then `options.encoding`, then valid UTF-8 (whatever the page declares),
 * then the page's `<meta charset>`, then UTF-8 when it is mostly well-formed, then windows-1252.
 * Throws only `UNSUPPORTED_ENCODING`, for an `options.encoding` label the runtime does not know.
 */
export function decodeInput(bytes: Uint8Array, options: Pick<ResolvedOptions, 'encoding'>): string {
  return decodeWithChoice(bytes, options).text;
}
