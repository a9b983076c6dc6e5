/**
 * The seed page: a real article copied as plain text (title, sectioned body, an "Author:" line,
 * then a "RECENT NEWS" teaser list). It is read at run time from `../shared/seed` (override with
 * NEWSPRINT_SEED) and never copied into the repository; the test skips when it is absent.
 * Expected paragraphs and teasers are read from the seed file itself by splitting it at blank lines.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import { segmentText } from '../src/extract/segment-text.js';
import { relatedFromText } from '../src/extract/related-text.js';
import { resolveOptions } from '../src/options.js';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const SEED_DIR = resolve(REPO_ROOT, process.env['NEWSPRINT_SEED'] ?? '../shared/seed');
const seedFile = existsSync(SEED_DIR) ? readdirSync(SEED_DIR).filter((f) => f.endsWith('.txt')).sort()[0] : undefined;
const seed = seedFile === undefined ? null : readFileSync(join(SEED_DIR, seedFile), 'utf8');

const TITLE = "Supreme Distrust: How Khamenei's Paranoia Shapes Iran's Foreign Policy";
const HEADINGS = [
  'The Roots of Khamenei’s Distrust',
  'How Paranoia Manifests in Policy',
  'The Consequences for Iran–West Relations',
  'Khamenei’s Legacy and the Future of Iranian Policy',
  'Conclusion',
];
const AUTHOR_LINE = 'Author: Gerardine Lucero';
const RELATED_LABEL = 'RECENT NEWS';

/** The seed cut at blank lines, straight from the file: what a reader sees as its paragraphs. */
function seedParts(text: string): { paragraphs: string[]; related: { title: string; excerpt: string }[] } {
  const chunks = text.split(/\r?\n\s*\n/).map((c) => c.trim()).filter((c) => c.length > 0);
  const authorAt = chunks.indexOf(AUTHOR_LINE);
  const labelAt = chunks.indexOf(RELATED_LABEL);
  const paragraphs = chunks.slice(1, authorAt).filter((c) => !HEADINGS.includes(c));
  const teasers = chunks.slice(labelAt + 1);
  const related: { title: string; excerpt: string }[] = [];
  for (let i = 0; i + 1 < teasers.length; i += 2) {
    related.push({ title: teasers[i] ?? '', excerpt: (teasers[i + 1] ?? '').replace(/ Read more$/, '') });
  }
  return { paragraphs, related };
}

describe.skipIf(seed === null)('the seed page through the text path', () => {
  const text = seed ?? '';
  const parts = seedParts(text);

  it('reads the seed as the shape this test expects (16 paragraphs, 6 teasers)', () => {
    expect(parts.paragraphs).toHaveLength(16);
    expect(parts.related).toHaveLength(6);
  });

  describe('segmenter', () => {
    const seg = segmentText(text, resolveOptions({}));
    it('makes the first line the level-1 title and the five section names level-2 headings', () => {
      const headings = seg.blocks.filter((b) => b.kind === 'heading');
      expect(headings.map((b) => [b.level, b.text])).toEqual([[1, TITLE], ...HEADINGS.map((h) => [2, h])]);
    });
    it('hints the Author: line as a byline with its text intact', () => {
      expect(seg.blocks.find((b) => b.text === AUTHOR_LINE)).toMatchObject({ hint: 'byline' });
    });
    it('hints the RECENT NEWS label and everything after it as related, and nothing before it', () => {
      const labelAt = seg.blocks.findIndex((b) => b.text === RELATED_LABEL);
      expect(labelAt).toBeGreaterThan(0);
      expect(seg.blocks.slice(labelAt).every((b) => b.hint === 'related')).toBe(true);
      expect(seg.blocks.slice(0, labelAt).filter((b) => b.hint !== null).map((b) => b.text)).toEqual([AUTHOR_LINE]);
    });
    it('keeps every body paragraph verbatim as an unhinted paragraph block', () => {
      const body = seg.blocks.filter((b) => b.kind === 'paragraph' && b.hint === null).map((b) => b.text);
      expect(body).toEqual(parts.paragraphs);
    });
    it('reads the six teasers with their excerpts', () => {
      const links = relatedFromText(seg);
      expect(links.map((l) => ({ title: l.title, excerpt: l.excerpt }))).toEqual(parts.related);
      expect(links.every((l) => l.section === RELATED_LABEL && l.url === null)).toBe(true);
    });
  });

  describe('extract', () => {
    const article = extract(text);

    it('takes the path for text and finds the title', () => {
      expect(article.trace.format).toBe('text');
      expect(article.title).toBe(TITLE);
    });
    it('lists the five section headings', () => {
      expect(article.headings.map((h) => h.text)).toEqual(HEADINGS);
    });
    it('returns the sixteen body paragraphs verbatim, in order', () => {
      expect(article.paragraphs).toHaveLength(16);
      article.paragraphs.forEach((p, i) => expect(p).toBe(parts.paragraphs[i]));
    });
    it('reads the author from the Author: line', () => {
      expect(article.authors).toEqual(['Gerardine Lucero']);
    });
    it('returns the six RECENT NEWS teasers as related links', () => {
      expect(article.related).toHaveLength(6);
      expect(article.related.map((l) => ({ title: l.title, excerpt: l.excerpt }))).toEqual(parts.related);
    });
    it('keeps the byline and the teaser block out of the body', () => {
      expect(article.text).not.toContain(AUTHOR_LINE);
      expect(article.text).not.toContain(RELATED_LABEL);
      for (const teaser of parts.related) {
        expect(article.text).not.toContain(teaser.title);
        expect(article.text).not.toContain(teaser.excerpt);
      }
    });
  });
});
