import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TruthRecord } from '../../bench/lib/datasets.js';
import { ANNOTATIONS_FILE, createMetadataMode, parseAnnotations } from '../../bench/lib/modes/metadata.js';
import type { EvalPage, RunSettings } from '../../bench/lib/modes/mode.js';
import type { ExtractFunction } from '../../bench/lib/systems.js';
import type { Article } from '../../src/types.js';

function truth(id: string, fields: Partial<TruthRecord>): TruthRecord {
  return { id, url: null, lang: null, title: null, author: null, authors: [], published: null, body: null, with: [], without: [], readerable: null, ...fields };
}

function page(dataset: string, record: TruthRecord): EvalPage {
  return { dataset, truth: record, url: record.url, bytes: () => new TextEncoder().encode('<html><body><p>x</p></body></html>'), rendering: () => null };
}

/** An extractor that answers the same metadata for every page. */
function fixedExtract(answer: Pick<Article, 'title' | 'authors' | 'published' | 'lang'>): ExtractFunction {
  return () => answer as unknown as Article;
}

describe('parseAnnotations', () => {
  it('reads fields, turns empty values into null and defaults the annotator to the reference pass', () => {
    const [line] = parseAnnotations('{"dataset":"d","id":"p1","title":"Head","authors":["A B"],"published":"","lang":"en"}\n');
    expect(line).toEqual({ dataset: 'd', id: 'p1', title: 'Head', authors: ['A B'], published: null, lang: 'en', annotator: 'a', notes: '' });
  });

  it('refuses a line without an id rather than silently scoring fewer pages', () => {
    expect(() => parseAnnotations('{"dataset":"d","title":"x"}')).toThrow(/line 1/);
  });
});

describe('the committed metadata annotations', () => {
  const lines = parseAnnotations(readFileSync(ANNOTATIONS_FILE, 'utf8'));
  const reference = lines.filter((line) => line.annotator === 'a');

  it('hold one reference line per page, and second-pass lines only for annotated pages', () => {
    const keys = reference.map((line) => `${line.dataset}/${line.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    const second = lines.filter((line) => line.annotator === 'b').map((line) => `${line.dataset}/${line.id}`);
    expect(second.filter((key) => !keys.includes(key))).toEqual([]);
  });

  it('give days as YYYY-MM-DD, a title on every page and names without a leading "By"', () => {
    expect(reference.filter((line) => line.published !== null && !/^\d{4}-\d{2}-\d{2}$/.test(line.published))).toEqual([]);
    expect(reference.filter((line) => line.title === null)).toEqual([]);
    expect(reference.flatMap((line) => line.authors).filter((name) => /^by\s/i.test(name) || name.trim() !== name)).toEqual([]);
  });
});

describe('metadata mode', () => {
  const settings = (extract: ExtractFunction): RunSettings => ({ extract, peers: 'none', input: 'html', pageLog: null });

  it('scores annotated pages and dataset truth apart, and skips pages with neither', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsprint-meta-'));
    const file = join(dir, 'metadata.jsonl');
    writeFileSync(file, '{"dataset":"news","id":"p1","title":"Right","authors":["Ann Lee"],"published":"2020-01-02","lang":"en","annotator":"a"}\n');
    const mode = createMetadataMode(file);
    const run = mode.startDataset('news', settings(fixedExtract({ title: 'Right', authors: ['ann lee'], published: '2020-01-03T01:00:00Z', lang: 'en-GB' })));
    await run.addPage(page('news', truth('p1', { title: 'Wrong in the dataset' })));
    await run.addPage(page('news', truth('p2', {})));
    const result = run.finish();

    const figures = result.figures as { skippedNoTruth: number; truths: Record<string, { newsprint: Record<string, { scored: number; matched: number }> }> };
    expect(figures.skippedNoTruth).toBe(1);
    const annotated = figures.truths['annotated']?.newsprint;
    expect(annotated?.['title']).toMatchObject({ scored: 1, matched: 1 });
    expect(annotated?.['authors']).toMatchObject({ scored: 1, matched: 1 });
    expect(annotated?.['published']).toMatchObject({ scored: 1, matched: 1 });
    expect(annotated?.['lang']).toMatchObject({ scored: 1, matched: 1 });
    expect(figures.truths['dataset']?.newsprint['title']).toMatchObject({ scored: 1, matched: 0 });
    expect(result.table).toMatch(/title\s+annotated\s+1\s+1\.000/);
    expect(result.table).toMatch(/title\s+dataset\s+1\s+0\.000/);

    const summary = mode.finishRun?.();
    expect(summary?.table).toMatch(/All datasets/);
  });

  it('with text input, also scores the text path on the rendering, and skips pages whose rendering is empty', async () => {
    const mode = createMetadataMode(join(tmpdir(), 'no-such-annotations.jsonl'));
    // The HTML call gets bytes, the text call the rendering with format 'text': each answers its own title.
    const extract: ExtractFunction = (input, options) =>
      ({ title: options?.format === 'text' && typeof input === 'string' ? input.split('\n')[0] : 'From HTML', authors: [], published: null, lang: null }) as unknown as Article;
    const run = mode.startDataset('news', { extract, peers: 'none', input: 'text', pageLog: null });
    await run.addPage({ ...page('news', truth('p1', { title: 'From HTML' })), rendering: () => 'Rendered title\nbody' });
    await run.addPage({ ...page('news', truth('p2', { title: 'Any' })), rendering: () => '  ' });
    const figures = run.finish().figures as { skippedEmptyRendering: number; truths: Record<string, Record<string, Record<string, { scored: number; matched: number }>>> };
    expect(figures.skippedEmptyRendering).toBe(1);
    expect(figures.truths['dataset']?.['newsprint']?.['title']).toMatchObject({ scored: 1, matched: 1 });
    expect(figures.truths['dataset']?.['newsprint-text']?.['title']).toMatchObject({ scored: 1, matched: 0 });
  });

  it('counts a throwing extractor as a miss on every field the truth gives', async () => {
    const mode = createMetadataMode(join(tmpdir(), 'no-such-annotations.jsonl'));
    const throwing: ExtractFunction = () => {
      throw new Error('boom');
    };
    const run = mode.startDataset('news', settings(throwing));
    await run.addPage(page('news', truth('p1', { title: 'T', lang: 'de' })));
    const figures = run.finish().figures as { failures: Record<string, number>; truths: Record<string, { newsprint: Record<string, { scored: number; matched: number }> }> };
    expect(figures.failures).toEqual({ 'newsprint: Error': 1 });
    expect(figures.truths['dataset']?.newsprint['title']).toMatchObject({ scored: 1, matched: 0 });
    expect(figures.truths['dataset']?.newsprint['lang']).toMatchObject({ scored: 1, matched: 0 });
  });
});
