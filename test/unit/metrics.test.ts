import { describe, expect, it } from 'vitest';
import {
  aggregateBody,
  aggregateHeadingAgreement,
  aggregateSnippets,
  collapseWhitespace,
  headingAgreement,
  scoreBodyPage,
  scoreSnippetPage,
  shingleCounts,
  tokenize,
} from '../../bench/lib/metrics.js';

describe('tokenize', () => {
  it('keeps maximal runs of letters, digits and underscore, in any script, case kept', () => {
    expect(tokenize("Ünïcode—snake_case 42, l'été; 日本語 Grüße!")).toEqual([
      'Ünïcode',
      'snake_case',
      '42',
      'l',
      'été',
      '日本語',
      'Grüße',
    ]);
  });

  it('gives nothing for empty or punctuation-only text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' -- ... !! ')).toEqual([]);
  });
});

describe('shingleCounts', () => {
  it('counts 4-token shingles as a multiset', () => {
    const counts = shingleCounts(tokenize('x y z w x y z w'));
    expect(Object.fromEntries(counts)).toEqual({ 'x y z w': 2, 'y z w x': 1, 'z w x y': 1, 'w x y z': 1 });
  });

  it('makes one shingle of a text of 1 to 3 tokens, and none of an empty text', () => {
    expect([...shingleCounts(['one'])]).toEqual([['one', 1]]);
    expect([...shingleCounts(['one', 'two', 'three'])]).toEqual([['one two three', 1]]);
    expect(shingleCounts([]).size).toBe(0);
  });
});

describe('scoreBodyPage', () => {
  it('normalises counts by tp + fp + fn and scores a truncated prediction', () => {
    // truth shingles {a b c d, b c d e}; prediction {a b c d}: tp 1, fp 0, fn 1 over 2.
    const score = scoreBodyPage('a b c d e', 'a b c d');
    expect(score.tp).toBeCloseTo(0.5);
    expect(score.fp).toBe(0);
    expect(score.fn).toBeCloseTo(0.5);
    expect(score.precision).toBe(1);
    expect(score.recall).toBeCloseTo(0.5);
    expect(score.exact).toBe(false);
  });

  it('counts repeated shingles with their multiplicity', () => {
    // truth: x y z w twice + 3 others (5); prediction: x y z w once → tp 1, fn 4.
    const score = scoreBodyPage('x y z w x y z w', 'x y z w');
    expect(score.precision).toBe(1);
    expect(score.recall).toBeCloseTo(0.2);
  });

  it('counts extra predicted text as false positives', () => {
    // truth {a b c d}; prediction {a b c d, b c d e, c d e f}: tp 1, fp 2.
    const score = scoreBodyPage('a b c d', 'a b c d e f');
    expect(score.precision).toBeCloseTo(1 / 3);
    expect(score.recall).toBe(1);
  });

  it('ignores punctuation and whitespace but not case', () => {
    expect(scoreBodyPage('One, two.\nThree four!', 'One two Three — four').exact).toBe(true);
    const caseDiffers = scoreBodyPage('Hello world', 'hello world');
    expect(caseDiffers.exact).toBe(false);
    expect(caseDiffers.precision).toBe(0);
    expect(caseDiffers.recall).toBe(0);
  });

  it('gives precision and recall 1 when fp = fn = 0, including two empty texts', () => {
    const same = scoreBodyPage('a b c d e', 'a b c d e');
    expect([same.precision, same.recall, same.exact]).toEqual([1, 1, true]);
    const bothEmpty = scoreBodyPage('', '');
    expect([bothEmpty.tp, bothEmpty.fp, bothEmpty.fn]).toEqual([0, 0, 0]);
    expect([bothEmpty.precision, bothEmpty.recall, bothEmpty.exact]).toEqual([1, 1, true]);
  });

  it('gives precision 0 to an empty prediction (tp = fp = 0)', () => {
    const score = scoreBodyPage('a b c d e', '');
    expect([score.tp, score.fp, score.fn]).toEqual([0, 0, 1]);
    expect(score.precision).toBe(0);
    expect(score.recall).toBe(0);
  });

  it('gives recall 0 when the truth is empty but something was predicted (tp = fn = 0)', () => {
    const score = scoreBodyPage('', 'a b c d');
    expect([score.tp, score.fp, score.fn]).toEqual([0, 1, 0]);
    expect(score.precision).toBe(0);
    expect(score.recall).toBe(0);
  });
});

describe('aggregateBody', () => {
  it('averages precision over pages with tp + fp > 0 and recall over pages with tp + fn > 0', () => {
    const figures = aggregateBody([
      scoreBodyPage('a b c d e', 'a b c d'), // P 1, R 0.5: in both averages
      scoreBodyPage('a b c d e', ''), // empty prediction: out of the precision average, recall 0
      scoreBodyPage('', ''), // nothing on either side: in neither average, but exact
    ]);
    expect(figures.pages).toBe(3);
    expect(figures.precision).toBe(1);
    expect(figures.recall).toBeCloseTo(0.25);
    expect(figures.f1).toBeCloseTo((2 * 1 * 0.25) / 1.25);
    expect(figures.accuracy).toBeCloseTo(1 / 3);
  });

  it('puts a page with an empty truth into the precision average only', () => {
    const figures = aggregateBody([scoreBodyPage('a b c d', 'a b c d'), scoreBodyPage('', 'x y z w')]);
    expect(figures.precision).toBeCloseTo(0.5);
    expect(figures.recall).toBe(1);
  });

  it('is all zeros for no pages or only failed pages', () => {
    expect(aggregateBody([])).toEqual({ pages: 0, precision: 0, recall: 0, f1: 0, accuracy: 0 });
    const failed = aggregateBody([scoreBodyPage('a b c d', '')]);
    expect([failed.precision, failed.recall, failed.f1, failed.accuracy]).toEqual([0, 0, 0, 0]);
  });
});

describe('snippets', () => {
  it('collapses whitespace runs, newlines and non-breaking spaces included', () => {
    expect(collapseWhitespace('  a \n\t b\u00a0\u00a0c  ')).toBe('a b c');
  });

  it('counts found with-snippets as tp, missing ones as fn, found without-snippets as fp', () => {
    const counts = scoreSnippetPage(
      'The  quick\nbrown fox jumps',
      ['quick brown', 'lazy dog'],
      ['fox   jumps', 'Imprint'],
    );
    expect(counts).toEqual({ tp: 1, fp: 1, fn: 1 });
  });

  it('is case-sensitive and treats an empty body as finding nothing', () => {
    expect(scoreSnippetPage('Quick brown', ['quick brown'], [])).toEqual({ tp: 0, fp: 0, fn: 1 });
    expect(scoreSnippetPage('', ['a', 'b'], ['c'])).toEqual({ tp: 0, fp: 0, fn: 2 });
  });

  it('sums counts over pages before dividing', () => {
    const figures = aggregateSnippets([
      { tp: 1, fp: 1, fn: 1 },
      { tp: 3, fp: 0, fn: 1 },
    ]);
    expect(figures).toMatchObject({ pages: 2, tp: 4, fp: 1, fn: 2 });
    expect(figures.precision).toBeCloseTo(0.8);
    expect(figures.recall).toBeCloseTo(4 / 6);
    expect(figures.f1).toBeCloseTo((2 * 0.8 * (4 / 6)) / (0.8 + 4 / 6));
  });

  it('gives 0, not NaN, when nothing was found or nothing was to find', () => {
    const figures = aggregateSnippets([{ tp: 0, fp: 0, fn: 0 }]);
    expect([figures.precision, figures.recall, figures.f1]).toEqual([0, 0, 0]);
  });
});

describe('heading agreement (text path against the HTML path)', () => {
  it('counts each page’s distinct headings, case and whitespace aside', () => {
    expect(headingAgreement(['What Happens Next', 'The  vote', 'The vote'], ['what happens next', 'Why it matters'])).toEqual({ html: 2, text: 2, shared: 1 });
    expect(headingAgreement([], ['Only in text'])).toEqual({ html: 0, text: 1, shared: 0 });
  });

  it('sums pages before dividing, and reads an empty side as 0', () => {
    const total = aggregateHeadingAgreement([
      { html: 4, text: 2, shared: 2 },
      { html: 0, text: 3, shared: 0 },
    ]);
    expect(total).toEqual({ html: 4, text: 5, shared: 2, precision: 0.4, recall: 0.5 });
    expect(aggregateHeadingAgreement([])).toEqual({ html: 0, text: 0, shared: 0, precision: 0, recall: 0 });
  });
});
