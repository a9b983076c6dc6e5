/**
 * A gated pattern (src/rules/text-patterns.ts) skips its long alternation where a cheap gate finds none of the words
 * it needs, and then reads only its anchored branches. That must never change an answer: the text rules call
 * `testGated` where they mean `pattern.test`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as patterns from '../../src/rules/text-patterns.js';
import { testGated, type GatedPattern } from '../../src/rules/text-patterns.js';

function isGated(value: unknown): value is GatedPattern {
  const v = value as Partial<GatedPattern> | null;
  return typeof v === 'object' && v !== null && v.pattern instanceof RegExp && v.gate instanceof RegExp && 'anchored' in v;
}

const GATED = Object.entries(patterns).filter((entry): entry is [string, GatedPattern] => isGated(entry[1]));

/**
 * Pieces of the lines the gated rules look for, and characters two sets of regex flags read apart: an emoji (two
 * code units, one code point), the long s and the Kelvin sign (case-folded to s and k only under `iu`), the capital
 * sharp s.
 */
const PIECES = [
  'Accept all', 'Reject', 'settings', 'ſettings', 'Cookie settings', 'we use cookies', 'we and our partners use', 'cookie',
  'Get our ', 'newsletter', 'sign up for', ' delivered right to your inbox', 'to your inbox', 'WIR INFORMIEREN SIE REGELMÄẞIG',
  'wir informieren sie regelmäßig', '© 2024 Herald', 'copyright ', '(c) ', 'all rights reserved', 'alle rechte vorbehalten',
  'licensed under a creative commons', 'e-mail', 'Your email address will not be published', 'commission', 'affiliate links',
  'may earn a commission', '12°C', 'sunny', '😀', 'K', 'ſ', ' ', '  ', '.', '|', 'a', 'The council voted',
];

/** Lines where a gate and its pattern's flags once disagreed (the anchored part read a line the whole did not). */
const EXAMPLES = [
  `Get our ${'😀'.repeat(31)} newsletter`,
  `Get our ${'😀'.repeat(31)} newsletter, delivered right to your inbox`,
  'ſettings ſettings',
  'WIR INFORMIEREN SIE REGELMÄẞIG',
  'Accept all',
  '© 2024 Herald. All rights reserved.',
];

describe('gated text patterns answer as their patterns do', () => {
  it('finds the gated patterns (the scan itself works)', () => {
    expect(GATED.map(([name]) => name)).toEqual(expect.arrayContaining(['COOKIE_GATE', 'NEWSLETTER_GATE', 'LEGAL_GATE']));
  });

  it.each(GATED)('%s on lines known to tell flags apart', (_name, gated) => {
    for (const line of EXAMPLES) expect(testGated(gated, line), line).toBe(gated.pattern.test(line));
  });

  it.each(GATED)('%s on lines built from the rules’ own pieces', (_name, gated) => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }), (pieces) => {
        const line = pieces.join('');
        expect(testGated(gated, line)).toBe(gated.pattern.test(line));
      }),
      { numRuns: 500, seed: 20261128 },
    );
  });
});
