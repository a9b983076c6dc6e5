/**
 * The `newsprint` command as a user runs it: a real process, real files, a real local HTTP server.
 * The CLI is bundled from src/ before the tests (node_modules stay external, as in dist/), so the
 * tests always exercise the current source, in a fresh clone or after an edit, build or no build.
 * Set NEWSPRINT_CLI to a built `cli.js` (e.g. dist/cli.js) to test that file instead.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

let cliPath = '';
let work = '';

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'newsprint-cli-test-'));
  const prebuilt = process.env.NEWSPRINT_CLI;
  if (prebuilt !== undefined && prebuilt !== '') {
    cliPath = resolve(prebuilt);
    return;
  }
  // Inside the repository, so the bundle resolves the package's dependencies from node_modules.
  const outdir = join(ROOT, 'node_modules', '.cache', 'newsprint-cli-test');
  await build({
    entryPoints: { cli: join(ROOT, 'src/cli/main.ts'), worker: join(ROOT, 'src/cli/worker.ts') },
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'silent',
  });
  cliPath = join(outdir, 'cli.js');
}, 60_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI asynchronously (the test's own HTTP server must keep answering meanwhile). */
function cli(args: readonly string[], stdin: string | Buffer = '', env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], { cwd: work, env: { ...process.env, ...env } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      resolvePromise({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
    );
    child.stdin.on('error', () => undefined);
    child.stdin.end(stdin);
  });
}

function jsonLines(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

interface ArticleJson {
  title: string | null;
  url: string | null;
  text: string;
  paragraphs: string[];
  explain?: unknown;
}

// ---------------------------------------------------------------------------------------------
// Invented pages, in the shapes news sites use: navigation, an <article>, a footer.

const BRIDGE_SENTENCE = 'Engineers replaced more than two hundred rusted plates on the harbour bridge and repainted both towers.';
const NAV_WORDS = 'Weather Puzzles Obituaries Classifieds';

function newsPage(title: string, paragraphs: readonly string[], extraHead = ''): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title} | The Coastal Herald</title>${extraHead}</head>
<body>
<header><nav><ul>${NAV_WORDS.split(' ')
    .map((word) => `<li><a href="/${word.toLowerCase()}">${word}</a></li>`)
    .join('')}</ul></nav></header>
<main><article>
<h1>${title}</h1>
<p class="byline">By Jane Marlow, transport correspondent</p>
${paragraphs.map((text) => `<p>${text}</p>`).join('\n')}
</article></main>
<footer><p>Copyright 2024 The Coastal Herald. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>`;
}

const BRIDGE_PARAGRAPHS = [
  'The harbour bridge reopened to traffic on Monday morning after six months of repairs to its steel deck, the city council said in a statement.',
  BRIDGE_SENTENCE,
  'Commuters who had faced a forty-minute detour through the industrial estate welcomed the news, although cyclists said the new lane was narrower than they had been promised.',
  'The speed limit on the bridge drops to forty kilometres per hour, and heavy goods vehicles will be barred during the morning rush until the council has reviewed the load tests in the spring.',
];
const BRIDGE_PAGE = newsPage('Harbour bridge reopens after repairs', BRIDGE_PARAGRAPHS);

const LIBRARY_PARAGRAPHS = [
  'The county library will open on Sundays from next month, after volunteers offered to staff the reading rooms and the council found money for heating.',
  'Librarians said the busiest hours were on weekday evenings, when students come to use the computers and the quiet study tables on the upper floor.',
  'A survey of more than a thousand residents last year found that Sunday opening was the change most people wanted, ahead of longer loan periods.',
];
const LIBRARY_PAGE = newsPage('County library to open on Sundays', LIBRARY_PARAGRAPHS);

const LIBRARY_TEXT = `County library to open on Sundays

${LIBRARY_PARAGRAPHS.join('\n\n')}
`;

function writePage(name: string, content: string | Buffer): string {
  const path = join(work, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  return path;
}

// ---------------------------------------------------------------------------------------------

describe('newsprint: help, version, usage', () => {
  it('prints help with the flags, exit codes and examples', async () => {
    const run = await cli(['--help']);
    expect(run.code).toBe(0);
    for (const expected of ['Usage:', '--jsonl', '--warc', '--jobs', '--explain', '--format', 'Exit codes:', 'Examples:']) {
      expect(run.stdout).toContain(expected);
    }
  });

  it('prints the package version', async () => {
    const run = await cli(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(VERSION);
  });

  it.each([
    [['--no-such-flag', 'a.html']],
    [['--format', 'pdf', 'a.html']],
    [['--text', '--html', 'a.html']],
    [['--jobs', '0', 'a.html']],
    [['--jobs', 'two', 'a.html']],
    [['--jsonl', 'a.html']],
    [['--url', 'https://news.example/a', 'a.html', 'b.html']],
    [['--readability-dom', 'jsdom', 'a.html']],
  ])('exits 2 on a usage error: %j', async (args) => {
    const run = await cli(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^newsprint: /);
  });

  it('exits 3 when there is nothing to read', async () => {
    expect((await cli([])).code).toBe(3);
    mkdirSync(join(work, 'empty-dir/sub'), { recursive: true });
    writePage('empty-dir/sub/style.css', 'body { color: red }');
    const run = await cli(['empty-dir']);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('no input');
  });
});

describe('newsprint: one page', () => {
  it('extracts a file to JSON: the title and the body, without navigation or footer', async () => {
    const path = writePage('bridge.html', BRIDGE_PAGE);
    const run = await cli([path]);
    expect(run.code).toBe(0);
    const article = JSON.parse(run.stdout) as ArticleJson;
    expect(article.title).toBe('Harbour bridge reopens after repairs');
    expect(article.text).toContain(BRIDGE_SENTENCE);
    expect(article.text).not.toContain('Obituaries');
    expect(article.text).not.toContain('All rights reserved');
  });

  it('takes --readability-dom builtin and gives the same article on a page that asks Readability', async () => {
    // A short article between two long menus: too little text to be sure of, so the Readability vote runs.
    const menu = ['Home', 'News', 'Local news', 'Sport', 'Weather', 'Opinion', 'Business', 'Culture', 'Travel', 'Obituaries', 'Jobs', 'Property', 'Puzzles', 'Contact us'];
    const links = (prefix: string): string => `<ul>${menu.map((m, i) => `<li><a href="/${prefix}/${i}">${m}</a></li>`).join('')}</ul>`;
    const page = `<html><head><title>Pier to be rebuilt</title></head><body><header>${links('s')}</header><div class="article-body"><h1>Pier to be rebuilt</h1>
<p>The harbour council voted on Tuesday to rebuild the old pier, after two winters of storms left it closed to boats and walkers alike.</p>
<p>Work starts in spring, the mayor said, and should take eighteen months.</p></div><footer>${links('f')}</footer></body></html>`;
    const path = writePage('pier.html', page);
    type Output = { trace: { fallback: string | null; timings: unknown } };
    const article = (stdout: string): Output => {
      const parsed = JSON.parse(stdout) as Output;
      return { ...parsed, trace: { ...parsed.trace, timings: null } };
    };
    const linkedom = article((await cli([path])).stdout);
    const run = await cli(['--readability-dom', 'builtin', path]);
    expect(run.code).toBe(0);
    expect(linkedom.trace.fallback).toBe('readability');
    expect(article(run.stdout)).toEqual(linkedom);
  });

  it('reads stdin with -, and --url becomes the base URL', async () => {
    const run = await cli(['--url', 'https://herald.example/news/bridge', '-'], BRIDGE_PAGE);
    expect(run.code).toBe(0);
    const article = JSON.parse(run.stdout) as ArticleJson;
    expect(article.url).toBe('https://herald.example/news/bridge');
    expect(article.text).toContain(BRIDGE_SENTENCE);
  });

  it('reads a gzipped page and a plain-text page', async () => {
    const gz = writePage('bridge.html.gz', gzipSync(BRIDGE_PAGE));
    const gzRun = await cli([gz]);
    expect(gzRun.code).toBe(0);
    expect((JSON.parse(gzRun.stdout) as ArticleJson).text).toContain(BRIDGE_SENTENCE);

    const txt = writePage('library.txt', LIBRARY_TEXT);
    const textRun = await cli([txt]);
    expect(textRun.code).toBe(0);
    const article = JSON.parse(textRun.stdout) as ArticleJson & { trace: { format: string } };
    expect(article.trace.format).toBe('text');
    expect(article.text).toContain(LIBRARY_PARAGRAPHS[1]);
  });

  it('renders Markdown, plain text and HTML', async () => {
    const path = writePage('bridge-formats.html', BRIDGE_PAGE);
    const md = await cli(['--format', 'md', path]);
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# Harbour bridge reopens after repairs$/m);
    expect(md.stdout).toContain(BRIDGE_SENTENCE);

    const text = await cli(['-f', 'text', path]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(BRIDGE_SENTENCE);
    expect(text.stdout).not.toMatch(/<\/?[a-z]+>/);
    expect(text.stdout).not.toContain('Obituaries');

    const html = await cli(['-f', 'html', path]);
    expect(html.code).toBe(0);
    expect(html.stdout).toContain(`<p>${BRIDGE_SENTENCE}</p>`);
    expect(html.stdout).not.toContain('<nav');
  });

  it('--explain lists every block with kept/dropped, label and reason, without colour in a pipe', async () => {
    const path = writePage('bridge-explain.html', BRIDGE_PAGE);
    const run = await cli(['--explain', path]);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('\u001b[');
    const lines = run.stdout.split('\n');
    const bodyLine = lines.find((line) => line.includes(BRIDGE_SENTENCE.slice(0, 40)));
    expect(bodyLine).toMatch(/^\s*\d+ \+ body\s/);
    const navLine = lines.find((line) => line.includes('Obituaries'));
    expect(navLine).toBeDefined();
    expect(navLine).toMatch(/^\s*\d+ - /);
  });

  it('fails a missing file with exit 1 and a message on stderr', async () => {
    const run = await cli([join(work, 'no-such-page.html')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('READ_FAILED');
  });
});

describe('newsprint: many pages', () => {
  it('walks a directory in name order, one JSON line per page, and exits 1 when one page fails', async () => {
    writePage('site/b-library.txt', LIBRARY_TEXT);
    writePage('site/a/bridge.html', BRIDGE_PAGE);
    writePage('site/c-library.html.gz', gzipSync(LIBRARY_PAGE));
    writePage('site/d-empty.html', '');
    writePage('site/notes.md', '# not a page');
    const run = await cli(['site']);
    expect(run.code).toBe(1);
    const lines = jsonLines(run.stdout);
    expect(lines.map((line) => line.path)).toEqual([
      join('site', 'a', 'bridge.html'),
      join('site', 'b-library.txt'),
      join('site', 'c-library.html.gz'),
      join('site', 'd-empty.html'),
    ]);
    expect((lines[0]?.article as ArticleJson).text).toContain(BRIDGE_SENTENCE);
    expect((lines[1]?.article as ArticleJson).text).toContain(LIBRARY_PARAGRAPHS[0]);
    expect((lines[2]?.article as ArticleJson).text).toContain(LIBRARY_PARAGRAPHS[2]);
    expect(lines[3]?.error).toEqual({ code: 'EMPTY_INPUT', message: expect.any(String) as string });
  });

  it('gives the same output in the same order with --jobs 2 as with --jobs 1', async () => {
    for (let i = 0; i < 12; i += 1) {
      const [title, paragraphs] = i % 2 === 0 ? ['Harbour bridge reopens', BRIDGE_PARAGRAPHS] : ['County library to open on Sundays', LIBRARY_PARAGRAPHS];
      writePage(`pool/page-${String(i).padStart(2, '0')}.html`, newsPage(`${title}, part ${i}`, paragraphs));
    }
    const one = await cli(['--jobs', '1', 'pool']);
    const two = await cli(['--jobs', '2', 'pool']);
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(jsonLines(one.stdout)).toHaveLength(12);
    // Timings differ run to run; everything else must be identical.
    const withoutTimings = (text: string): unknown[] =>
      jsonLines(text).map((line) => ({ ...line, article: { ...(line.article as object), trace: null } }));
    expect(withoutTimings(two.stdout)).toEqual(withoutTimings(one.stdout));
    expect((jsonLines(two.stdout)[5]?.article as ArticleJson).title).toBe('County library to open on Sundays, part 5');
  });

  it('--page-timeout fails a page that runs too long with TIMEOUT and carries on', async () => {
    // Long enough that a cold thread cannot extract it within one millisecond.
    const path = writePage('timeout/bridge.html', newsPage('Harbour bridge reopens', Array<string[]>(100).fill(BRIDGE_PARAGRAPHS).flat()));
    const tooShort = await cli(['--page-timeout', '0.001', path, path]);
    expect(tooShort.code).toBe(1);
    expect(jsonLines(tooShort.stdout).map((line) => (line.error as { code: string }).code)).toEqual(['TIMEOUT', 'TIMEOUT']);
    const ample = await cli(['--page-timeout', '30', path]);
    expect(ample.code).toBe(0);
    expect((JSON.parse(ample.stdout) as ArticleJson).text).toContain(BRIDGE_SENTENCE);
  });

  it('prints "==> name <==" sections for human formats', async () => {
    const a = writePage('sections/a.html', BRIDGE_PAGE);
    const b = writePage('sections/b.html', LIBRARY_PAGE);
    const run = await cli(['-f', 'text', a, b]);
    expect(run.code).toBe(0);
    expect(run.stdout.indexOf(`==> ${a} <==`)).toBe(0);
    expect(run.stdout.indexOf(`==> ${b} <==`)).toBeGreaterThan(run.stdout.indexOf(BRIDGE_SENTENCE));
  });
});

describe('newsprint --jsonl: a streaming mapper', () => {
  it('maps 10,000 records, good and malformed, to 10,000 lines in input order', async () => {
    const small = (i: number): string =>
      `<html><body><article><h1>Notice ${i}</h1><p>The parish council will meet on evening number ${i} to discuss the new footpath along the river, residents were told this week.</p><p>Anyone who wishes to speak should register with the clerk before noon on the day of the meeting.</p></article></body></html>`;
    const records: string[] = [];
    const expectedErrors = new Map<number, string>();
    for (let i = 0; i < 10_000; i += 1) {
      const kind = i % 500;
      if (kind === 17) {
        records.push('{"id": 1, "html": '); // cut off mid-record
        expectedErrors.set(i, 'BAD_RECORD');
      } else if (kind === 18) {
        records.push(JSON.stringify({ id: i, url: `https://parish.example/${i}` })); // no html/text/path
        expectedErrors.set(i, 'BAD_RECORD');
      } else if (kind === 19) {
        records.push(Buffer.from([0x00, 0xff, 0xfe, 0x80, 0x7b, 0x22]).toString('latin1')); // binary garbage
        expectedErrors.set(i, 'BAD_RECORD');
      } else if (kind === 20) {
        records.push(''); // an empty line
        expectedErrors.set(i, 'BAD_RECORD');
      } else if (kind === 21) {
        records.push(JSON.stringify({ id: i, html: '   ' }));
        expectedErrors.set(i, 'EMPTY_INPUT');
      } else if (kind === 22) {
        records.push(JSON.stringify({ id: i, html: `<p>${'x'.repeat(300_000)}</p>` })); // past --max-bytes
        expectedErrors.set(i, 'INPUT_TOO_LARGE');
      } else {
        records.push(JSON.stringify({ id: i, url: `https://parish.example/${i}`, html: small(i) }));
      }
    }
    const input = `${records.join('\n')}\n`;
    const run = await cli(['--jsonl', '--jobs', '2', '--max-bytes', '200000', '--no-fallback'], input);
    expect(run.code).toBe(0);
    const lines = jsonLines(run.stdout);
    expect(lines).toHaveLength(10_000);
    lines.forEach((line, i) => {
      expect(line.line).toBe(i + 1);
      const error = expectedErrors.get(i);
      if (error !== undefined) {
        expect((line.error as { code: string }).code, `line ${i + 1}`).toBe(error);
        expect(line.article).toBeUndefined();
      } else {
        expect(line.id).toBe(i);
        expect(line.url).toBe(`https://parish.example/${i}`);
        expect((line.article as ArticleJson).title).toBe(`Notice ${i}`);
      }
    });
    // Echo survives errors when the record could be read.
    expect(lines[18]).toMatchObject({ id: 18, url: 'https://parish.example/18' });
  }, 90_000);

  it('reads {text} and {path} records, and writes the chosen format as a field', async () => {
    const path = writePage('jsonl/bridge.html', BRIDGE_PAGE);
    const input = [
      JSON.stringify({ id: 'a', path }),
      JSON.stringify({ id: 'b', text: LIBRARY_TEXT }),
      JSON.stringify({ id: 'c', path: join(work, 'jsonl/missing.html') }),
    ].join('\r\n');
    const run = await cli(['--jsonl', '-f', 'text'], input);
    expect(run.code).toBe(0);
    const lines = jsonLines(run.stdout);
    expect(lines.map((line) => line.id)).toEqual(['a', 'b', 'c']);
    expect(lines[0]?.text).toContain(BRIDGE_SENTENCE);
    expect(lines[1]?.text).toContain(LIBRARY_PARAGRAPHS[1]);
    expect((lines[2]?.error as { code: string }).code).toBe('READ_FAILED');
  });
});

describe('newsprint --warc', () => {
  async function makeWarc(gzip: boolean): Promise<Buffer> {
    const { WARCRecord, WARCSerializer } = await import('warcio');
    const encoder = new TextEncoder();
    const record = async (options: Record<string, unknown>, body: string): Promise<Uint8Array> =>
      WARCSerializer.serialize(
        WARCRecord.create({ warcVersion: 'WARC/1.1', date: '2024-03-01T08:00:00Z', ...options }, [encoder.encode(body)]),
        { gzip },
      );
    const html = { 'Content-Type': 'text/html; charset=utf-8' };
    const parts = [
      await record({ type: 'warcinfo', warcHeaders: { 'Content-Type': 'application/warc-fields' } }, 'software: test\r\n'),
      await record({ url: 'https://herald.example/bridge', type: 'request', statusline: 'GET /bridge HTTP/1.1', httpHeaders: { Host: 'herald.example' } }, ''),
      await record({ url: 'https://herald.example/bridge', type: 'response', statusline: 'HTTP/1.1 200 OK', httpHeaders: html }, BRIDGE_PAGE),
      await record({ url: 'https://herald.example/logo.png', type: 'response', statusline: 'HTTP/1.1 200 OK', httpHeaders: { 'Content-Type': 'image/png' } }, 'PNG'),
      await record({ url: 'https://herald.example/old', type: 'response', statusline: 'HTTP/1.1 301 Moved', httpHeaders: { ...html, Location: '/new' } }, ''),
      await record({ url: 'https://herald.example/gone', type: 'response', statusline: 'HTTP/1.1 404 Not Found', httpHeaders: html }, '<p>Not found</p>'),
      await record({ url: 'https://herald.example/library', type: 'response', statusline: 'HTTP/1.1 200 OK', httpHeaders: html }, LIBRARY_PAGE),
    ];
    return Buffer.concat(parts);
  }

  it.each([
    ['crawl.warc', false],
    ['crawl.warc.gz', true],
  ])('gives one result per HTML 2xx response record of %s, with its target URI', async (name, gzip) => {
    const path = writePage(name, await makeWarc(gzip));
    const run = await cli([path]);
    expect(run.code).toBe(0);
    const lines = jsonLines(run.stdout);
    expect(lines.map((line) => line.url)).toEqual(['https://herald.example/bridge', 'https://herald.example/library']);
    expect((lines[0]?.article as ArticleJson).text).toContain(BRIDGE_SENTENCE);
    expect((lines[1]?.article as ArticleJson).title).toBe('County library to open on Sundays');
  });

  it('reads a WARC from stdin with --warc -', async () => {
    const run = await cli(['--warc', '-'], await makeWarc(true));
    expect(run.code).toBe(0);
    expect(jsonLines(run.stdout)).toHaveLength(2);
  });
});

describe('newsprint <URL>', () => {
  let server: Server;
  let base = '';
  const WINDOWS_1252_PAGE = Buffer.from(
    newsPage('Café owners protest rent rise', [
      'Owners of the café on the quay said the new rent would force them to close before the summer season, when most of their customers arrive.',
      'The landlord said rents had not risen for nine years and that the increase was in line with other units on the waterfront.',
    ]).replace('<meta charset="utf-8">', ''),
    'latin1',
  );

  beforeAll(async () => {
    server = createServer((request: IncomingMessage, response: ServerResponse) => {
      const path = request.url ?? '/';
      if (path === '/page') {
        response.writeHead(200, { 'content-type': 'text/html; charset=windows-1252' });
        response.end(WINDOWS_1252_PAGE);
      } else if (path === '/ua') {
        response.writeHead(200, { 'content-type': 'text/html' });
        response.end(newsPage(`Agent ${request.headers['user-agent'] ?? ''}`, BRIDGE_PARAGRAPHS));
      } else if (path.startsWith('/hop/')) {
        const left = Number(path.slice('/hop/'.length));
        response.writeHead(302, { location: left > 1 ? `/hop/${left - 1}` : '/page' });
        response.end();
      } else if (path === '/big') {
        response.writeHead(200, { 'content-type': 'text/html' });
        response.end(`<p>${'long text '.repeat(50_000)}</p>`);
      } else if (path === '/slow') {
        response.writeHead(200, { 'content-type': 'text/html' });
        response.write('<html><body><p>The first words arrive, and then nothing more');
      } else {
        response.writeHead(404, { 'content-type': 'text/html' });
        response.end('<p>Not found</p>');
      }
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  });

  it('decodes with the charset of the Content-Type header and uses the final URL after redirects', async () => {
    const run = await cli([`${base}/hop/3`]);
    expect(run.code).toBe(0);
    const article = JSON.parse(run.stdout) as ArticleJson;
    expect(article.title).toBe('Café owners protest rent rise');
    expect(article.url).toBe(`${base}/page`);
  });

  it('sends --user-agent', async () => {
    const run = await cli(['--user-agent', 'HeraldArchiver/2', `${base}/ua`]);
    expect((JSON.parse(run.stdout) as ArticleJson).title).toContain('Agent HeraldArchiver/2');
  });

  it('fails too many redirects, 404, an oversized body and a stalled server, each with its code', async () => {
    const started = Date.now();
    const run = await cli(['--timeout', '1', '--max-bytes', '100000', `${base}/hop/6`, `${base}/missing`, `${base}/big`, `${base}/slow`, `${base}/hop/5`]);
    expect(run.code).toBe(1);
    const lines = jsonLines(run.stdout);
    expect(lines.map((line) => (line.error as { code: string } | undefined)?.code ?? 'ok')).toEqual([
      'TOO_MANY_REDIRECTS',
      'HTTP_STATUS',
      'INPUT_TOO_LARGE',
      'TIMEOUT',
      'ok',
    ]);
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});

describe('CLI building blocks', () => {
  async function* chunks(...parts: string[]): AsyncGenerator<Buffer> {
    for (const part of parts) yield Buffer.from(part, 'utf8');
  }

  async function collect(stream: AsyncIterable<Buffer>, max: number): Promise<unknown[]> {
    const { readLines } = await import('../src/cli/jsonl.js');
    const lines: unknown[] = [];
    for await (const line of readLines(stream, max)) lines.push(line);
    return lines;
  }

  it('reads --readability-dom into the run config, linkedom when not given', async () => {
    const { parseCommandLine } = await import('../src/cli/args.js');
    const dom = (argv: string[]): unknown => {
      const parsed = parseCommandLine(argv, 'test-agent');
      return parsed.kind === 'run' ? parsed.config.readabilityDom : parsed.kind;
    };
    expect(dom(['--readability-dom', 'builtin', 'a.html'])).toBe('builtin');
    expect(dom(['a.html'])).toBe('linkedom');
    expect(dom(['--readability-dom', 'jsdom', 'a.html'])).toBe('usage-error');
  });

  it('splits lines across chunk boundaries, strips CRLF, keeps a last unterminated line and multi-byte characters', async () => {
    const cafe = Buffer.from('\n{"b":"café"}\n', 'utf8');
    const splitInsideE = cafe.indexOf(0xc3) + 1; // between the two bytes of "é"
    async function* parts(): AsyncGenerator<Buffer> {
      yield* chunks('{"a":1}\r');
      yield cafe.subarray(0, splitInsideE);
      yield cafe.subarray(splitInsideE);
      yield* chunks('\n{"c"', ':3}');
    }
    const lines = await collect(parts(), 100);
    expect(lines).toEqual([
      { number: 1, text: '{"a":1}' },
      { number: 2, text: '{"b":"café"}' },
      { number: 3, text: '' },
      { number: 4, text: '{"c":3}' },
    ]);
  });

  it('reports an over-long line by size without keeping it, and goes on with the next', async () => {
    const lines = await collect(chunks('short\n', 'x'.repeat(60), 'y'.repeat(60), '\nafter\n'), 100);
    expect(lines).toEqual([
      { number: 1, text: 'short' },
      { number: 2, text: null, bytes: 120 },
      { number: 3, text: 'after' },
    ]);
  });

  it('rejects records that are not objects with html, text or path, keeping their id for the error line', async () => {
    const { parseRecord } = await import('../src/cli/jsonl.js');
    const failureOf = async (text: string): Promise<unknown> =>
      parseRecord({ number: 7, text }, 1000)
        .prepare()
        .then(
          () => 'ok',
          (error: { code: string }) => error.code,
        );
    expect(await failureOf('[1,2]')).toBe('BAD_RECORD');
    expect(await failureOf('"html"')).toBe('BAD_RECORD');
    expect(await failureOf('{"html": 42}')).toBe('BAD_RECORD');
    expect(await failureOf('{"html": "<p>x</p>"}')).toBe('ok');
    expect(parseRecord({ number: 7, text: '{"id":"k9","url":"https://a.example/"}' }, 1000).echo).toEqual({
      id: 'k9',
      url: 'https://a.example/',
      line: 7,
    });
  });

  it('reads the charset parameter of a Content-Type header', async () => {
    const { charsetOf } = await import('../src/cli/fetch-page.js');
    expect(charsetOf('text/html; charset="Windows-1252"')).toBe('windows-1252');
    expect(charsetOf('text/html;charset=utf-8; foo=bar')).toBe('utf-8');
    expect(charsetOf('text/html')).toBeNull();
    expect(charsetOf(null)).toBeNull();
  });

  it('shows a bar and an ETA only when the total is known', async () => {
    const { progressLine } = await import('../src/cli/progress.js');
    expect(progressLine(50, 2, 100, 10_000)).toBe('[############............] 50/100  5.0/s  ETA 0:10  2 failed');
    expect(progressLine(50, 0, null, 10_000)).toBe('50 pages  5.0/s');
  });
});
