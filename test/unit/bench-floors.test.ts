import { describe, expect, it } from 'vitest';
import { checkFloors, mergeFloors, parseFloors } from '../../bench/lib/floors.js';

describe('checkFloors', () => {
  const floors = { news: { bodyF1: 0.9 }, snippets: { snippetF1: 0.8 } };

  it('passes a figure up to 0.005 below its floor and fails one further below', () => {
    const [slightDip] = checkFloors({ news: { bodyF1: 0.896 } }, { news: { bodyF1: 0.9 } });
    expect(slightDip?.passed).toBe(true);
    const [regression] = checkFloors({ news: { bodyF1: 0.894 } }, { news: { bodyF1: 0.9 } });
    expect(regression).toMatchObject({ dataset: 'news', metric: 'bodyF1', measured: 0.894, passed: false });
  });

  it('checks each pinned figure, and passes those this run did not measure', () => {
    const checks = checkFloors({ news: { bodyF1: 0.95 } }, floors);
    expect(checks).toEqual([
      { dataset: 'news', metric: 'bodyF1', floor: 0.9, measured: 0.95, passed: true },
      { dataset: 'snippets', metric: 'snippetF1', floor: 0.8, measured: null, passed: true },
    ]);
  });
});

describe('mergeFloors and parseFloors', () => {
  it('replaces measured datasets, keeps the others, rounds to 4 decimals', () => {
    const merged = mergeFloors({ old: { bodyF1: 0.5 }, news: { bodyF1: 0.1 } }, { news: { bodyF1: 0.912345678 } });
    expect(merged).toEqual({ news: { bodyF1: 0.9123 }, old: { bodyF1: 0.5 } });
  });

  it('keeps only numeric figures of known metrics', () => {
    expect(parseFloors('{"news": {"bodyF1": 0.9, "speed": 3, "snippetF1": "high"}}')).toEqual({ news: { bodyF1: 0.9 } });
  });
});
