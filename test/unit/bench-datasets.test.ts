import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import {
  decodeHtml,
  declaredCharset,
  listDatasets,
  readHtmlBytes,
  readTextRendering,
  readTruth,
  repairMisreadUtf16,
  resolveDatasetsDir,
} from '../../bench/lib/datasets.js';

const latin1Page = (head: string, body: number[]): Uint8Array =>
  Uint8Array.from([...Buffer.from(`<html><head>${head}</head><body>`, 'latin1'), ...body, ...Buffer.from('</body></html>', 'latin1')]);

/** "Мир" in windows-1251; as windows-1252 the same bytes read "Ìèð". */
const MIR_1251 = [0xcc, 0xe8, 0xf0];

describe('repairMisreadUtf16', () => {
  const misread = (text: string, encoding: 'utf16le' | 'latin1' = 'utf16le'): string =>
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, encoding)]).toString('latin1');

  it('decodes a truth text stored as UTF-16LE and read as Latin-1, with its CRLF line ends', () => {
    expect(repairMisreadUtf16(misread('The café\r\nopened'))).toBe('The café\nopened');
  });

  it('leaves ordinary text alone, also text that only starts like a byte-order mark', () => {
    expect(repairMisreadUtf16('Plain body')).toBe('Plain body');
    expect(repairMisreadUtf16('\u00ff\u00feи')).toBe('\u00ff\u00feи');
  });
});

describe('decodeHtml', () => {
  it('decodes valid UTF-8 as UTF-8 even when the page declares a legacy charset', () => {
    const bytes = new TextEncoder().encode('<meta charset="iso-8859-1"><p>Grüße, café</p>');
    expect(decodeHtml(bytes)).toContain('Grüße, café');
  });

  it('follows <meta charset> when the bytes are not valid UTF-8', () => {
    expect(decodeHtml(latin1Page('<meta charset="windows-1251">', MIR_1251))).toContain('<body>Мир</body>');
  });

  it('follows the http-equiv Content-Type declaration', () => {
    const head = '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">';
    expect(decodeHtml(latin1Page(head, [0x63, 0x61, 0x66, 0xe9]))).toContain('<body>café</body>');
  });

  it('falls back to windows-1252 when nothing is declared or the label is unknown', () => {
    expect(decodeHtml(latin1Page('', MIR_1251))).toContain('<body>Ìèð</body>');
    expect(decodeHtml(latin1Page('<meta charset="x-no-such-encoding">', MIR_1251))).toContain('<body>Ìèð</body>');
  });

  it('reads bytes 0x80-0x9F as windows-1252 punctuation, also under an iso-8859-1 label', () => {
    const quoted = [0x93, 0x63, 0x61, 0x66, 0xe9, 0x94, 0x20, 0x80, 0x35];
    expect(decodeHtml(latin1Page('<meta charset="iso-8859-1">', quoted))).toContain('<body>\u201Ccafé\u201D €5</body>');
    expect(decodeHtml(latin1Page('', quoted))).toContain('<body>\u201Ccafé\u201D €5</body>');
  });

  it('decodes invalid bytes that claim UTF-8 with replacement characters rather than failing', () => {
    expect(decodeHtml(latin1Page('<meta charset="utf-8">', [0x63, 0x61, 0x66, 0xe9]))).toContain('<body>caf\uFFFD</body>');
  });

  it('reads the declared label from either meta form, or null', () => {
    expect(declaredCharset(latin1Page("<meta charset='Shift_JIS'>", []))).toBe('Shift_JIS');
    expect(declaredCharset(latin1Page('<title>none</title>', []))).toBeNull();
  });
});

describe('dataset files', () => {
  const root = mkdtempSync(join(tmpdir(), 'newsprint-datasets-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, 'news', 'html'), { recursive: true });
  mkdirSync(join(root, 'news', 'text'), { recursive: true });
  mkdirSync(join(root, 'not-a-dataset'));
  writeFileSync(
    join(root, 'news', 'truth.jsonl'),
    [
      JSON.stringify({ id: 'a', url: 'https://example.org/a', body: 'Alpha text.', with: [], without: [] }),
      '',
      JSON.stringify({ id: 'b', body: null, with: ['kept'], without: ['dropped'], readerable: false }),
    ].join('\n'),
  );
  writeFileSync(join(root, 'news', 'html', 'a.html.gz'), gzipSync(Buffer.from('<p>Alpha text.</p>')));
  writeFileSync(join(root, 'news', 'text', 'a.txt'), 'Alpha text.');

  it('lists only folders with a truth.jsonl, and nothing for a missing folder', () => {
    expect(listDatasets(root)).toEqual(['news']);
    expect(listDatasets(join(root, 'absent'))).toEqual([]);
  });

  it('streams truth records, filling missing fields with null and []', async () => {
    const records = [];
    for await (const record of readTruth(root, 'news')) records.push(record);
    expect(records.map((record) => record.id)).toEqual(['a', 'b']);
    expect(records[0]).toMatchObject({ url: 'https://example.org/a', body: 'Alpha text.', authors: [], title: null, readerable: null });
    expect(records[1]).toMatchObject({ url: null, body: null, with: ['kept'], without: ['dropped'], readerable: false });
  });

  it('gunzips a page to its bytes and reads its rendering, null when there is none', () => {
    expect(Buffer.from(readHtmlBytes(root, 'news', 'a')).toString('utf8')).toBe('<p>Alpha text.</p>');
    expect(readTextRendering(root, 'news', 'a')).toBe('Alpha text.');
    expect(readTextRendering(root, 'news', 'b')).toBeNull();
  });
});

describe('resolveDatasetsDir', () => {
  it('prefers the flag, then the env var, then ../shared/datasets beside the repo', () => {
    expect(resolveDatasetsDir('/data/flag', { NEWSPRINT_DATASETS: '/data/env' }, '/repo')).toBe(resolve('/data/flag'));
    expect(resolveDatasetsDir(null, { NEWSPRINT_DATASETS: '/data/env' }, '/repo')).toBe(resolve('/data/env'));
    expect(resolveDatasetsDir(null, {}, '/somewhere/repo')).toBe(resolve('/somewhere/shared/datasets'));
  });
});
