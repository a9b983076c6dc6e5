import { describe, expect, it } from 'vitest';
import { decodeInput, decodeWithChoice, sniffDeclaredEncoding, charsetFromContentType } from '../../src/extract/decode.js';
import { NewsprintError } from '../../src/errors.js';

/** Builds bytes from ASCII strings and raw byte arrays, so each legacy word is written out byte by byte. */
function bytes(...parts: (string | readonly number[])[]): Uint8Array {
  const out: number[] = [];
  for (const part of parts) {
    if (typeof part === 'string') {
      for (const ch of part) {
        const code = ch.charCodeAt(0);
        if (code > 0x7f) throw new Error(`bytes(): non-ASCII char in a string part: ${ch}`);
        out.push(code);
      }
    } else out.push(...part);
  }
  return Uint8Array.from(out);
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const noOptions = { encoding: null };

function page(headMeta: string, body: readonly number[]): Uint8Array {
  return bytes(`<!doctype html><html><head>${headMeta}<title>t</title></head><body><p>`, body, '</p></body></html>');
}

/** Legacy encodings, each with a short word written out in that encoding's bytes. */
const LEGACY: { label: string; word: string; encoded: readonly number[] }[] = [
  { label: 'windows-1252', word: 'café “quoted” €5', encoded: [0x63, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x71, 0x75, 0x6f, 0x74, 0x65, 0x64, 0x94, 0x20, 0x80, 0x35] },
  { label: 'iso-8859-2', word: 'Łódź', encoded: [0xa3, 0xf3, 0x64, 0xbc] },
  { label: 'iso-8859-5', word: 'Мир', encoded: [0xbc, 0xd8, 0xe0] },
  { label: 'iso-8859-7', word: 'Αθήνα', encoded: [0xc1, 0xe8, 0xde, 0xed, 0xe1] },
  { label: 'iso-8859-15', word: '€Šœ', encoded: [0xa4, 0xa6, 0xbd] },
  { label: 'shift_jis', word: '日本語', encoded: [0x93, 0xfa, 0x96, 0x7b, 0x8c, 0xea] },
  { label: 'euc-jp', word: '日本語', encoded: [0xc6, 0xfc, 0xcb, 0xdc, 0xb8, 0xec] },
  { label: 'gb18030', word: '中文', encoded: [0xd6, 0xd0, 0xce, 0xc4] },
  { label: 'big5', word: '中文', encoded: [0xa4, 0xa4, 0xa4, 0xe5] },
  { label: 'euc-kr', word: '한국어', encoded: [0xc7, 0xd1, 0xb1, 0xb9, 0xbe, 0xee] },
  { label: 'koi8-r', word: 'Мир', encoded: [0xed, 0xc9, 0xd2] },
];

describe('decodeInput: legacy encodings declared by the page', () => {
  for (const { label, word, encoded } of LEGACY) {
    it(`${label} via <meta charset>`, () => {
      const { text, choice } = decodeWithChoice(page(`<meta charset="${label}">`, encoded), noOptions);
      expect(choice.source).toBe('declared');
      expect(text).toContain(`<p>${word}</p>`);
    });

    it(`${label} via http-equiv content-type`, () => {
      const meta = `<meta http-equiv='Content-Type' content='text/html; charset=${label.toUpperCase()}'>`;
      expect(decodeInput(page(meta, encoded), noOptions)).toContain(`<p>${word}</p>`);
    });

    it(`${label} via options.encoding, with no declaration`, () => {
      expect(decodeInput(page('', encoded), { encoding: label })).toContain(`<p>${word}</p>`);
    });
  }

  it('distinguishes ISO-8859-15 from windows-1252 at 0xA4 (euro vs currency sign)', () => {
    expect(decodeInput(page('<meta charset="iso-8859-15">', [0xa4]), noOptions)).toContain('<p>€</p>');
    expect(decodeInput(page('<meta charset="windows-1252">', [0xa4]), noOptions)).toContain('<p>¤</p>');
  });

  it('reads iso-8859-1, latin1 and ascii declarations as windows-1252, as browsers do', () => {
    for (const label of ['iso-8859-1', 'latin1', 'us-ascii']) {
      const { text, choice } = decodeWithChoice(page(`<meta charset=${label}>`, [0x93, 0x48, 0x69, 0x94, 0x20, 0x80]), noOptions);
      expect(choice.encoding).toBe('windows-1252');
      expect(text).toContain('<p>“Hi” €</p>');
    }
  });

  it('never returns C1 controls for windows-1252 bytes 0x80–0x9F (except the five the standard leaves undefined)', () => {
    const all = Array.from({ length: 32 }, (_, i) => 0x80 + i);
    const text = decodeInput(page('', all), noOptions);
    const body = text.slice(text.indexOf('<p>') + 3, text.indexOf('</p>'));
    const controls = [...body].filter((c) => c.charCodeAt(0) >= 0x80 && c.charCodeAt(0) <= 0x9f).map((c) => c.charCodeAt(0));
    expect(controls).toEqual([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
    expect(body.startsWith('€\u0081‚ƒ„…†‡ˆ‰Š‹Œ')).toBe(true);
    expect(body.endsWith('‘’“”•–—˜™š›œ\u009džŸ')).toBe(true);
  });
});

describe('decodeInput: what decides', () => {
  it('a UTF-8 BOM wins over a legacy declaration, and the BOM is removed', () => {
    const input = bytes([0xef, 0xbb, 0xbf], '<meta charset="windows-1252"><p>', [0xc3, 0xa9], '</p>');
    const { text, choice } = decodeWithChoice(input, noOptions);
    expect(choice).toEqual({ encoding: 'utf-8', source: 'bom' });
    expect(text).toBe('<meta charset="windows-1252"><p>é</p>');
  });

  it('a UTF-8 BOM wins over options.encoding', () => {
    expect(decodeInput(bytes([0xef, 0xbb, 0xbf], [0xc3, 0xa9]), { encoding: 'shift_jis' })).toBe('é');
  });

  it('decodes UTF-16LE and UTF-16BE with their BOMs', () => {
    const le = bytes([0xff, 0xfe], [0x3c, 0, 0x70, 0, 0x3e, 0, 0xe9, 0, 0x2c, 0x67]); // "<p>é本"
    const be = bytes([0xfe, 0xff], [0, 0x3c, 0, 0x70, 0, 0x3e, 0, 0xe9, 0x67, 0x2c]);
    expect(decodeInput(le, noOptions)).toBe('<p>é本');
    expect(decodeInput(be, noOptions)).toBe('<p>é本');
  });

  it('recognises UTF-16 without a BOM from its zero byte lane', () => {
    const ascii = '<html><body><p>Hello world, this is UTF-16.</p></body></html>';
    const le = new Uint8Array(ascii.length * 2);
    const be = new Uint8Array(ascii.length * 2);
    for (let i = 0; i < ascii.length; i++) {
      le[2 * i] = ascii.charCodeAt(i);
      be[2 * i + 1] = ascii.charCodeAt(i);
    }
    expect(decodeWithChoice(le, noOptions)).toEqual({ text: ascii, choice: { encoding: 'utf-16le', source: 'utf16-sniff' } });
    expect(decodeWithChoice(be, noOptions).text).toBe(ascii);
  });

  it('valid UTF-8 is read as UTF-8 even when the page declares a legacy charset', () => {
    const { text, choice } = decodeWithChoice(utf8('<meta charset="iso-8859-1"><p>naïve café – 日本</p>'), noOptions);
    expect(choice.source).toBe('utf8-valid');
    expect(text).toContain('naïve café – 日本');
  });

  it('a page declaring UTF-8 but written in windows-1252 is read as windows-1252', () => {
    const { text, choice } = decodeWithChoice(page('<meta charset="utf-8">', [0x63, 0x61, 0x66, 0xe9, 0x20, 0x92, 0x73]), noOptions);
    expect(choice.encoding).toBe('windows-1252');
    expect(text).toContain('<p>café ’s</p>');
  });

  it('UTF-8 with one broken byte stays UTF-8, the byte becoming U+FFFD', () => {
    const input = bytes('<p>', [0xc3, 0xa9, 0xc3, 0xa8, 0xe6, 0x97, 0xa5], ' ', [0xff], '</p>');
    const { text, choice } = decodeWithChoice(input, noOptions);
    expect(choice).toEqual({ encoding: 'utf-8', source: 'utf8-mostly' });
    expect(text).toBe('<p>éè日 \uFFFD</p>');
  });

  it('undeclared invalid UTF-8 falls back to windows-1252', () => {
    const { text, choice } = decodeWithChoice(bytes('<p>Ren', [0xe9], 'e</p>'), noOptions);
    expect(choice).toEqual({ encoding: 'windows-1252', source: 'default' });
    expect(text).toBe('<p>Renée</p>');
  });

  it('a declared legacy charset cannot throw on malformed bytes: they become U+FFFD', () => {
    // 0x93 starts a Shift_JIS double-byte char; cut off by the end of input.
    const text = decodeInput(bytes('<meta charset="shift_jis"><p>', [0x93, 0xfa, 0x93]), noOptions);
    expect(text).toBe('<meta charset="shift_jis"><p>日\uFFFD');
  });

  it('options.encoding overrides a page declaration and valid UTF-8', () => {
    // "é" in UTF-8 is C3 A9, which windows-1252 reads as "Ã©": the caller asked for it.
    expect(decodeInput(utf8('<meta charset="utf-8">é'), { encoding: 'windows-1252' })).toBe('<meta charset="utf-8">Ã©');
  });

  it('an unknown options.encoding is a typed error naming the label', () => {
    const attempt = (): string => decodeInput(utf8('x'), { encoding: 'klingon-8' });
    expect(attempt).toThrow(NewsprintError);
    try {
      attempt();
    } catch (error) {
      expect((error as NewsprintError).code).toBe('UNSUPPORTED_ENCODING');
      expect((error as NewsprintError).message).toContain('klingon-8');
    }
  });

  it('the replacement encoding (iso-2022-kr) is refused as an option rather than decoding to one U+FFFD', () => {
    expect(() => decodeInput(utf8('x'), { encoding: 'iso-2022-kr' })).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_ENCODING' }));
  });

  it('empty bytes decode to the empty string', () => {
    expect(decodeInput(new Uint8Array(0), noOptions)).toBe('');
  });
});

describe('sniffDeclaredEncoding', () => {
  const sniff = (head: string): string | null => sniffDeclaredEncoding(bytes(head));

  it('reads quoted, unquoted and spaced charset attributes', () => {
    expect(sniff('<meta charset="Shift_JIS">')).toBe('shift_jis');
    expect(sniff('<META CHARSET=euc-kr>')).toBe('euc-kr');
    expect(sniff("<meta  charset = 'koi8-r' />")).toBe('koi8-r');
    expect(sniff('<meta content="text/html;charset=gb2312" http-equiv="content-type">')).toBe('gbk');
  });

  it('ignores a commented-out declaration and takes the next one', () => {
    expect(sniff('<!-- <meta charset="big5"> --><meta charset="euc-jp">')).toBe('euc-jp');
  });

  it('passes over an unknown label to a later valid one', () => {
    expect(sniff('<meta charset="no-such-charset"><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-2">')).toBe('iso-8859-2');
  });

  it('treats a UTF-16 declaration in readable ASCII as UTF-8, per WHATWG', () => {
    expect(sniff('<meta charset="utf-16">')).toBe('utf-8');
  });

  it('ignores declarations after the first 4 KB', () => {
    expect(sniff(`<html><head><!-- ${'x'.repeat(5000)} --><meta charset="big5">`)).toBeNull();
    expect(sniff(`<html><head><title>${'x'.repeat(5000)}</title><meta charset="big5">`)).toBeNull();
  });

  it('reads an XML declaration when no meta declares', () => {
    expect(sniff('<?xml version="1.0" encoding="ISO-8859-7"?><html><body></body></html>')).toBe('iso-8859-7');
  });

  it('does not take <metadata> or a meta without charset for a declaration', () => {
    expect(sniff('<metadata charset="big5"><meta name="charset" content="big5">')).toBeNull();
  });

  it('survives an unterminated tag at the end of the sniff window', () => {
    expect(sniff('<meta charset="big5')).toBeNull();
    expect(sniff('<meta http-equiv="content-type" content="text/html; charset=')).toBeNull();
  });
});

describe('charsetFromContentType', () => {
  it('follows the WHATWG extraction rules', () => {
    expect(charsetFromContentType('text/html; charset=UTF-8')).toBe('UTF-8');
    expect(charsetFromContentType('text/html;charset="big5"')).toBe('big5');
    expect(charsetFromContentType('text/html; charset = koi8-r ; x=y')).toBe('koi8-r');
    expect(charsetFromContentType('text/html; charsetx; charset=euc-kr')).toBe('euc-kr');
    expect(charsetFromContentType('text/html')).toBeNull();
    expect(charsetFromContentType('text/html; charset="unterminated')).toBeNull();
  });
});
