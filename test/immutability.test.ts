/**
 * extract reads what it is given and changes none of it: a caller's DOM Document, a byte
 * buffer, or the options object may be reused after the call exactly as they were.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import type { ExtractOptions } from '../src/index.js';
import { loadHtmlFixtures } from './fixtures/html/load.js';

/** Pages with plenty to clean (scripts, comments, share bars, ads), which a careless stage would strip in place. */
const pages = loadHtmlFixtures().filter((fixture) => fixture.expected.expectError === undefined).slice(0, 4);

/** Lets a test pass input the types may not declare, as a JavaScript caller could. */
function untyped<T>(value: unknown): T {
  return value as T;
}

describe('extract never mutates its input', () => {
  it('has pages to test with', () => {
    expect(pages.length).toBeGreaterThan(0);
  });

  for (const page of pages) {
    it(`leaves a caller's Document untouched (${page.slug})`, () => {
      const { document } = parseHTML(page.source);
      const before = document.documentElement.outerHTML;
      const elementsBefore = document.querySelectorAll('*').length;

      const article = extract(untyped<string>(document), { url: page.meta.url });

      expect(article.paragraphs.length).toBeGreaterThan(0);
      expect(document.querySelectorAll('*').length).toBe(elementsBefore);
      expect(document.documentElement.outerHTML).toBe(before);
    });
  }

  it('gives the same article from a Document as from its HTML', () => {
    const page = pages[0];
    if (page === undefined) throw new Error('no fixture page');
    const { document } = parseHTML(page.source);
    const fromDocument = extract(untyped<string>(document), { url: page.meta.url });
    const fromString = extract(page.source, { url: page.meta.url });
    expect(fromDocument.paragraphs).toEqual(fromString.paragraphs);
  });

  it('leaves a Uint8Array input byte-for-byte as it was', () => {
    const page = pages[0];
    if (page === undefined) throw new Error('no fixture page');
    const bytes = new TextEncoder().encode(page.source);
    const copy = bytes.slice();

    extract(untyped<string>(bytes), { url: page.meta.url });

    expect(bytes.length).toBe(copy.length);
    expect(Buffer.from(bytes).equals(Buffer.from(copy))).toBe(true);
  });

  it('leaves the options object as it was, and accepts a frozen one', () => {
    const page = pages[0];
    if (page === undefined) throw new Error('no fixture page');
    const now = new Date('2030-01-01T00:00:00Z');
    const options: ExtractOptions = { url: page.meta.url, format: 'html', explain: true, now };
    const snapshot = structuredClone(options);

    extract(page.source, options);

    expect(options).toEqual(snapshot);
    expect(Object.keys(options)).toEqual(Object.keys(snapshot));
    expect(now.toISOString()).toBe('2030-01-01T00:00:00.000Z');
    expect(() => extract(page.source, Object.freeze({ ...options }))).not.toThrow();
  });
});
