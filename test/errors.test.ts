/**
 * Misuse and unusable input fail with a NewsprintError whose code a caller can switch on,
 * never with a TypeError from deep inside a stage.
 */
import { describe, expect, it } from 'vitest';
import { extract, NewsprintError } from '../src/index.js';
import type { ExtractOptions, NewsprintErrorCode } from '../src/index.js';

/** A page a person would call an article, so only the option under test can make it fail. */
const ARTICLE_PAGE = `<!doctype html><html lang="en"><head><title>Harbour ferry returns</title></head><body>
<article><h1>Harbour ferry returns after a winter in dry dock</h1>
<p>The harbour ferry resumed its crossings on Monday morning after four months in dry dock, where engineers replaced both engines and the worn propeller shafts that had forced its withdrawal in November.</p>
<p>Commuters queued from half past six, and the first sailing left on time with more than a hundred passengers aboard, according to the operator, which said the refit had cost less than it had feared.</p>
<p>The council said that timetables would stay as they were until the summer, when an extra evening crossing is planned for the weekends if the new engines prove as reliable as the trials suggest.</p>
</article></body></html>`;

/** A page that is nothing but a site menu: there is no article to find. */
const MENU_ONLY_PAGE = `<!doctype html><html lang="en"><head><title>The Harbour Courier</title></head><body>
<header><nav class="main-menu"><ul>
<li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/business">Business</a></li>
<li><a href="/culture">Culture</a></li><li><a href="/opinion">Opinion</a></li><li><a href="/weather">Weather</a></li>
</ul></nav></header>
<footer><a href="/about">About us</a> <a href="/contact">Contact</a> <a href="/privacy">Privacy</a></footer>
</body></html>`;

function thrownBy(run: () => unknown): NewsprintError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(NewsprintError);
    const typed = error as NewsprintError;
    expect(typed).toBeInstanceOf(Error);
    expect(typed.name).toBe('NewsprintError');
    expect(typeof typed.code).toBe('string');
    expect(typed.message.length).toBeGreaterThan(0);
    return typed;
  }
  throw new Error('expected extract to throw, but it returned');
}

function expectCode(run: () => unknown, code: NewsprintErrorCode): NewsprintError {
  const error = thrownBy(run);
  expect(error.code).toBe(code);
  return error;
}

/** Lets a test pass values the types forbid, as a JavaScript caller could. */
function untyped<T>(value: unknown): T {
  return value as T;
}

describe('extract errors', () => {
  it('accepts the control page, so the failures below come from what they change', () => {
    expect(extract(ARTICLE_PAGE).paragraphs.length).toBe(3);
  });

  it.each([
    ['a number', 42],
    ['null', null],
    ['undefined', undefined],
    ['a plain object', {}],
    ['an array of strings', ['<p>hello</p>']],
  ])('refuses %s as input with INVALID_INPUT', (_name, input) => {
    expectCode(() => extract(untyped<string>(input)), 'INVALID_INPUT');
  });

  it('refuses input over maxInputBytes with INPUT_TOO_LARGE, for strings and bytes', () => {
    expectCode(() => extract(ARTICLE_PAGE, { maxInputBytes: 100 }), 'INPUT_TOO_LARGE');
    const bytes = new TextEncoder().encode(ARTICLE_PAGE);
    expectCode(() => extract(untyped<string>(bytes), { maxInputBytes: 100 }), 'INPUT_TOO_LARGE');
  });

  it.each([
    ['the empty string', ''],
    ['only spaces', '   '],
    ['only blank lines and tabs', '\n\t\n  \n'],
  ])('refuses %s with EMPTY_INPUT', (_name, input) => {
    expectCode(() => extract(input), 'EMPTY_INPUT');
  });

  it('refuses empty bytes with EMPTY_INPUT', () => {
    expectCode(() => extract(untyped<string>(new Uint8Array(0))), 'EMPTY_INPUT');
  });

  it('reports NO_ARTICLE for a page that is only a menu, with a message a person can act on', () => {
    const error = expectCode(() => extract(MENU_ONLY_PAGE), 'NO_ARTICLE');
    // The message should say what was found lacking, not just repeat the code.
    expect(error.message).not.toBe('NO_ARTICLE');
    expect(error.message.length).toBeGreaterThan(30);
    expect(error.message).toMatch(/article/i);
  });

  it('carries the page metadata on NO_ARTICLE, and none on errors raised before the page is read', () => {
    const error = expectCode(() => extract(MENU_ONLY_PAGE), 'NO_ARTICLE');
    expect(error.metadata?.title).toBe('The Harbour Courier');
    expect(error.metadata?.lang).toBe('en');
    expect(error.metadata?.authors).toEqual([]);
    expect(expectCode(() => extract(''), 'EMPTY_INPUT').metadata).toBeUndefined();
  });

  it.each<[string, unknown]>([
    ['an unknown format', { format: 'pdf' }],
    ['a negative maxInputBytes', { maxInputBytes: -1 }],
    ['a zero maxElements', { maxElements: 0 }],
    ['a string maxDepth', { maxDepth: '12' }],
    ['a NaN maxBlockChars', { maxBlockChars: Number.NaN }],
    ['an unparseable now', { now: 'next Tuesday-ish' }],
    ['options given as a string', 'html'],
  ])('refuses %s with INVALID_OPTION', (_name, options) => {
    expectCode(() => extract(ARTICLE_PAGE, untyped<ExtractOptions>(options)), 'INVALID_OPTION');
  });

  it.each<[string, unknown]>([
    ['a string for explain', { explain: 'yes' }],
    ['a number for readabilityFallback', { readabilityFallback: 0 }],
    ['an unknown readabilityDom', { readabilityDom: 'jsdom' }],
    ['a number for url', { url: 42 }],
  ])('refuses %s with INVALID_OPTION rather than guessing', (_name, options) => {
    expectCode(() => extract(ARTICLE_PAGE, untyped<ExtractOptions>(options)), 'INVALID_OPTION');
  });
});
