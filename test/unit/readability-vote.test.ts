import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { askReadability, askReadabilityBoth, voteWithReadability } from '../../src/extract/readability-vote.js';
import { segmentHtml } from '../../src/extract/segment-html.js';
import { computeFeatures } from '../../src/extract/features.js';
import { resolveOptions } from '../../src/options.js';
import type { Verdict } from '../../src/extract/block.js';
import { CLOSE, comment, LEAD, PIER_PAGE } from './support/pier-page.js';

const options = resolveOptions({});

const PAGE = PIER_PAGE;

describe('the Readability vote', () => {
  it('takes the strict pass: a short article is not padded with the boxes Readability only keeps when retrying', () => {
    // What the vote would see from Readability's usual retries: the comments come back.
    expect(askReadability(PAGE, options)?.text).toContain('Reader comment number 1');

    const { blocks } = segmentHtml(PAGE, options);
    const features = computeFeatures(blocks);
    // Our own answer: only the closing line, too little to be sure of.
    const verdicts: Verdict[] = blocks.map((b) =>
      b.text === CLOSE ? { label: 'body', kept: true, reason: 'test' } : { label: 'other', kept: false, reason: 'test' },
    );
    const ourWords = features.reduce((n, f, i) => n + (verdicts[i]!.kept ? f.words : 0), 0);
    const vote = voteWithReadability(PAGE, blocks, features, verdicts, ourWords, options);

    expect(vote).not.toBeNull();
    const kept = blocks.filter((_, i) => vote!.verdicts[i]!.kept).map((b) => b.text);
    expect(kept).toEqual([LEAD, CLOSE]);
  });

  it('asks again the usual way when neither the strict answer nor ours is long enough to be an article', () => {
    const page = `<html><body><div class="article-body"><p>${CLOSE}</p></div>
<div class="comment-list sidebar">${[1, 2, 3, 4].map((n) => `<p>${comment(n)}</p>`).join('')}</div></body></html>`;
    const { blocks } = segmentHtml(page, options);
    const features = computeFeatures(blocks);
    const verdicts: Verdict[] = blocks.map(() => ({ label: 'other', kept: false, reason: 'test' }));
    const vote = voteWithReadability(page, blocks, features, verdicts, 0, options);
    // The strict pass holds only the 12-word line; the usual retries find the comments' prose.
    expect(vote).not.toBeNull();
    expect(blocks.filter((_, i) => vote!.verdicts[i]!.kept).map((b) => b.text)).toContain(comment(1));
  });

  it('gets the strict and the usual answer from one run, the same as asking twice', () => {
    const long = `<html><body><article>${[1, 2, 3, 4, 5].map((n) => `<p>${LEAD} Paragraph ${n}.</p>`).join('')}</article></body></html>`;
    const empty = '<html><body><nav><a href="/">Home</a></nav></body></html>';
    // Readability's first attempt strips the "comment" box and finds no text; its retry keeps it.
    const strippedFirst = `<html><body><div class="comment">${[1, 2, 3].map((n) => `<p>${comment(n)}</p>`).join('')}</div></body></html>`;
    const answer = (a: ReturnType<typeof askReadability>) => (a === null ? null : { text: a.text, blockTexts: [...a.blockTexts] });
    for (const page of [PAGE, long, empty, strippedFirst]) {
      const both = askReadabilityBoth(page, options);
      expect(both).toBeDefined();
      expect(answer(both!.strict)).toEqual(answer(askReadability(page, options, 1)));
      expect(answer(both!.usual())).toEqual(answer(askReadability(page, options)));
    }
    // On the short article the two differ: the strict answer is the first attempt, kept aside while Readability retried.
    const both = askReadabilityBoth(PAGE, options)!;
    expect(both.strict?.text).not.toContain('Reader comment');
    expect(both.usual()?.text).toContain('Reader comment number 1');
  });

  it('stops the run before Readability retries when the strict answer suffices, and still gives the usual answer if asked', () => {
    // Each retry re-parses the page's body through innerHTML: count those writes.
    let proto: object | null = Object.getPrototypeOf(parseHTML('<html><body></body></html>').document.body);
    let descriptor: PropertyDescriptor | undefined;
    while (proto !== null && descriptor === undefined) {
      descriptor = Object.getOwnPropertyDescriptor(proto, 'innerHTML');
      if (descriptor === undefined) proto = Object.getPrototypeOf(proto);
    }
    expect(descriptor?.set).toBeTypeOf('function');
    let writes = 0;
    const set = descriptor!.set!;
    Object.defineProperty(proto!, 'innerHTML', { ...descriptor, set(this: Element, html: string) { writes++; set.call(this, html); } });
    try {
      const answer = (a: ReturnType<typeof askReadability>) => (a === null ? null : { text: a.text, blockTexts: [...a.blockTexts] });
      const seen: string[] = [];
      const stopped = askReadabilityBoth(PAGE, options, (strict) => {
        seen.push(strict.text);
        return true;
      })!;
      const stoppedWrites = writes;
      expect(seen).toHaveLength(1);
      expect(answer(stopped.strict)).toEqual(answer(askReadability(PAGE, options, 1)));
      writes = 0;
      const full = askReadabilityBoth(PAGE, options, () => false)!;
      // Told the strict answer falls short, the run retries as before: the body is written back at least once.
      expect(writes).toBeGreaterThan(stoppedWrites);
      expect(answer(full.strict)).toEqual(answer(stopped.strict));
      expect(answer(stopped.usual())).toEqual(answer(full.usual()));
    } finally {
      Object.defineProperty(proto!, 'innerHTML', descriptor!);
    }
  });
});
