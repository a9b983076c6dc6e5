import { describe, expect, it } from 'vitest';
import * as patterns from '../../src/rules/text-patterns.js';
import { lineStart, testLineStart } from '../../src/rules/text-patterns.js';

/** Every anchored rule of the text path, and the anchored branches of the gated ones. */
const ANCHORED: [string, RegExp][] = [
  ...Object.entries(patterns).filter((e): e is [string, RegExp] => e[1] instanceof RegExp && e[1].source.startsWith('^') && !e[1].global),
  ...Object.entries(patterns).flatMap(([name, v]) => {
    const anchored = (v as { anchored?: unknown }).anchored;
    return anchored instanceof RegExp ? [[`${name}.anchored`, anchored] as [string, RegExp]] : [];
  }),
];

/** Lines each rule matches (or nearly), in both cases, with every ASCII character put in front of them and of their tails. */
const SAMPLES = [
  'By Jane Doe', 'BY JANE DOE', 'von Max Muster', 'Author: Jane Doe', 'Written by Jane Doe', 'Posted on May 5 by Jane', 'Photo: Getty',
  'Tags: climate, energy', 'Subscribe now', 'Already a subscriber?', 'déjà abonné', 'Trending: Heatwave', 'Read more: The story',
  'à lire aussi : Le texte', '5 min read', 'Reading time: 4 minutes', 'Buy now', 'This entry was posted in News', '© 2024 Herald',
  '(c) 2024 Herald', 'Copyright 2024', 'Accept all', 'Accept Reject', 'Newsletter', 'Sign up for our newsletter', '10:30 am', '',
  'ſubscribe now', 'Kelvin', '1. Item', '- item', '$ npm install', 'Related: Story of the day',
];

describe('lineStart: the opening characters read from a rule’s source', () => {
  it('admits the openings of the rules’ own branches', () => {
    expect(lineStart(patterns.BYLINE_PREFIX).opening).not.toBeNull();
    const opening = lineStart(patterns.CAPTION_PREFIX).opening!;
    for (const c of 'pPfFcC') expect(opening[c.charCodeAt(0)]).toBe(1);
    expect(opening['x'.charCodeAt(0)]).toBe(0);
  });

  it('does not gate what it cannot read (optional openings, classes with ranges, lookarounds, flags)', () => {
    expect(lineStart(/^(?:updated )?\d+/u).opening).toBeNull();
    expect(lineStart(/^[a-z]+/u).opening).toBeNull();
    expect(lineStart(/^(?=x)x/u).opening).toBeNull();
    expect(lineStart(/^x/mu).opening).toBeNull();
    expect(lineStart(/x|^y/u).opening).toBeNull();
  });

  it('answers as the regex does for every anchored rule', () => {
    const lines = new Set<string>();
    for (const s of SAMPLES) {
      for (const v of [s, s.toLowerCase(), s.toUpperCase()]) {
        lines.add(v);
        for (let c = 0x20; c < 0x7f; c++) {
          lines.add(String.fromCharCode(c) + v);
          lines.add(String.fromCharCode(c) + v.slice(1));
        }
      }
    }
    for (const [name, pattern] of ANCHORED) {
      const gated = lineStart(pattern);
      for (const line of lines) expect(testLineStart(gated, line), `${name}: ${JSON.stringify(line)}`).toBe(pattern.test(line));
    }
  });
});
