import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasSpacePieces } from '../../src/extract/chars.js';

describe('hasSpacePieces', () => {
  it('answers as counting the pieces of split(" ") would', () => {
    // Texts over a small alphabet, so spaces, doubled spaces and edge spaces are common.
    const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\u00a0', '\n'), maxLength: 24 });
    fc.assert(
      fc.property(text, fc.integer({ min: -1, max: 8 }), (t, min) => {
        expect(hasSpacePieces(t, min)).toBe(t.split(' ').length >= min);
      }),
      { numRuns: 2000 },
    );
  });

  it('counts a headline of four words and not a three-word link', () => {
    expect(hasSpacePieces('Ferry crossing to reopen', 4)).toBe(true);
    expect(hasSpacePieces('Ferry crossing reopens', 4)).toBe(false);
  });
});
