/**
 * The same page read as HTML and as its rendered text gives the same article: both paths
 * share every stage after segmentation, so the body paragraphs and headings must agree.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import { htmlToText } from '../src/render/text.js';
import { loadHtmlFixtures, normaliseSpace } from './fixtures/html/load.js';

const articles = loadHtmlFixtures().filter((fixture) => fixture.expected.expectError === undefined);

describe('HTML and text paths agree', () => {
  it('has articles to compare', () => {
    expect(articles.length).toBeGreaterThan(0);
  });

  for (const fixture of articles) {
    it(`${fixture.slug}: same paragraphs and headings`, () => {
      const fromHtml = extract(fixture.source, { url: fixture.meta.url, format: 'html' });
      const fromText = extract(htmlToText(fixture.source), { url: fixture.meta.url, format: 'text' });

      expect(fromText.trace.format).toBe('text');
      expect(fromHtml.trace.format).toBe('html');
      expect(fromText.paragraphs.map(normaliseSpace)).toEqual(fromHtml.paragraphs.map(normaliseSpace));
      expect(fromText.headings.map((h) => normaliseSpace(h.text))).toEqual(fromHtml.headings.map((h) => normaliseSpace(h.text)));
    });
  }
});
