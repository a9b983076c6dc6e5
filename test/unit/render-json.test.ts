import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/types.js';
import { toJson } from '../../src/render/json.js';

function article(extra: Partial<Article> = {}): Article {
  return {
    title: 'Harbour bridge reopens', authors: ['Ada Byron'], author: 'Ada Byron', published: null, modified: null, siteName: null,
    lang: 'en', description: null, url: null, image: null, section: null, tags: [], headings: [], paragraphs: ['Open.'],
    blocks: [{ type: 'paragraph', text: 'Open.', links: [] }], text: 'Open.', related: [], wordCount: 1, confidence: 0.9,
    provenance: { lang: 'meta', title: 'json-ld' },
    trace: { format: 'html', timings: { segment: 1.5, classify: 0.5 }, fallback: null, winner: 'main', truncated: false, blockCount: 1 },
    ...extra,
  };
}

describe('toJson', () => {
  it('writes the fields in the order Article declares them, whatever order the object has', () => {
    const shuffled = Object.fromEntries(Object.entries(article()).reverse()) as unknown as Article;
    expect(toJson(shuffled)).toBe(toJson(article()));
    expect(Object.keys(JSON.parse(toJson(article())) as object)).toEqual([
      'title', 'authors', 'author', 'published', 'modified', 'siteName', 'lang', 'description', 'url', 'image', 'section',
      'tags', 'headings', 'paragraphs', 'blocks', 'text', 'related', 'wordCount', 'confidence', 'provenance', 'trace',
    ]);
    expect(toJson(article())).toContain('"provenance":{"title":"json-ld","lang":"meta"}');
  });

  it('is one line by default and indented with pretty', () => {
    expect(toJson(article())).not.toContain('\n');
    expect(toJson(article(), { pretty: true })).toContain('\n  "title": "Harbour bridge reopens",\n');
  });

  it('writes missing values as null, never drops the key, and adds explain only when present', () => {
    const parsed = JSON.parse(toJson(article({ confidence: Number.NaN }))) as Record<string, unknown>;
    expect(parsed['published']).toBeNull();
    expect(parsed['confidence']).toBeNull();
    expect('explain' in parsed).toBe(false);
    const explained = article({ explain: [{ index: 0, text: 'Open.', tag: 'p', label: 'body', kept: true, reason: 'body.score' }] });
    expect(JSON.parse(toJson(explained))).toMatchObject({ explain: [{ index: 0, label: 'body', kept: true }] });
  });

  it('round-trips the article through JSON.parse', () => {
    expect(JSON.parse(toJson(article()))).toEqual(article());
  });
});
