/** Renders the speed benchmark's results as markdown (written to bench/results/speed.md and printed). */
import type { NewsprintTraceTally } from './speed-contenders.js';
import type { ContenderResult } from './speed-runner.js';
import { TEXT_FLOOR_LABEL, type PassResult, type TextStages } from './speed-text.js';
import {
  MAX_PEAK_MEMORY_PER_INPUT_BYTE,
  MAX_TIME_RATIO_PER_TENFOLD,
  MEMORY_VERDICT_MIN_INPUT_BYTES,
  timeGrowthAgainstTarget,
  type ScalingRow,
} from './speed-scaling.js';
import { fmt, markdownTable } from './speed-stats.js';

export interface SpeedReport {
  date: string;
  nodeVersion: string;
  cpuModel: string;
  cpuCount: number;
  /** The 1-minute load average when the run ended: other work on the machine slows every figure. */
  loadAverage: number;
  command: string;
  pageCount: number;
  megabytes: number;
  pagesPerDataset: ReadonlyMap<string, number>;
  warmupPages: number;
  /** Whether garbage was collected (untimed) before every timed HTML call. */
  gcBetween: boolean;
  /** Name of the newsprint row, or why newsprint could not run. */
  newsprint: { row: string } | { unavailable: string };
  contenders: readonly ContenderResult[];
  ratioVsReadability: number | null;
  ratioVsParseFloor: number | null;
  /** linkedom's parseHTML total ÷ htmlparser2's parseDocument total in the interleaved table; null when either floor is missing. */
  linkedomOverParseFloor: number | null;
  /** The two headline ratios again with each row's major collections taken out ({@link ratiosNetOfMajorGc}); null without the rows. */
  netOfMajorGc: NetRatios | null;
  tally: NewsprintTraceTally | null;
  /** newsprint's HTML path, the parse floor, Readability on linkedom, newsprint without the vote and newsprint with the vote on its own DOM, each timed alone in a fresh process, in that order. */
  alone: { results: readonly PassResult[]; pages: number; passes: number } | { skipped: string };
  /** `stages`: the first build's stage timings from passes after the timed ones, when the run collected them. */
  text: { results: readonly PassResult[]; pages: number; passes: number; stages?: TextStages | null } | { skipped: string };
  scaling: readonly ScalingRow[] | { skipped: string };
  /** The same scaling figures for the page's text rendering through the text path. */
  textScaling: readonly ScalingRow[] | { skipped: string };
}

/** newsprint pages/s ÷ Readability's, and newsprint's total ÷ the parse floor's. */
export interface NetRatios {
  vsReadability: number;
  vsParseFloor: number;
}

/**
 * The headline ratios with each row's major collections taken out of its total. A major collection clears the old
 * generation that every contender filled, and runs on whoever is timing when it fills: in two runs of one build it
 * landed once on the parse floor (newsprint 1.82 parses) and once on newsprint (3.39), where the totals without it read
 * 2.60 and 2.76. Minor collections stay in: they are mostly each row's own young garbage.
 */
export function ratiosNetOfMajorGc(newsprint: ContenderResult, readability: ContenderResult, parseFloor: ContenderResult): NetRatios | null {
  const net = (r: ContenderResult): number => r.summary.totalMs - r.gcMajorMs;
  const own = net(newsprint);
  if (!(own > 0) || !(net(readability) > 0) || !(net(parseFloor) > 0)) return null;
  return {
    vsReadability: (newsprint.summary.pages / own) / (readability.summary.pages / net(readability)),
    vsParseFloor: own / net(parseFloor),
  };
}

function contenderRows(results: readonly ContenderResult[]): string[][] {
  return results.map((result) => {
    const s = result.summary;
    const notes: string[] = [];
    if (result.sampleEvery > 1) notes.push(`sample: every ${result.sampleEvery}th page`);
    for (const [kind, count] of [...result.errorKinds].sort((a, b) => b[1] - a[1]).slice(0, 3)) notes.push(`${count}× ${kind}`);
    return [
      result.name,
      String(s.pages),
      String(s.errors),
      fmt(s.pagesPerSecond),
      fmt(s.medianMs),
      fmt(s.p95Ms),
      fmt(s.totalMs / 1000),
      `${fmt((result.gcMinorMs + result.gcMajorMs) / 1000)} (${fmt(result.gcMajorMs / 1000)})`,
      fmt(s.megabytesPerSecond),
      notes.join('; '),
    ];
  });
}

function stageSection(tally: NewsprintTraceTally): string {
  const total = [...tally.stageMs.values()].reduce((sum, ms) => sum + ms, 0);
  const rows = [...tally.stageMs].map(([stage, ms]) => [
    stage,
    fmt(ms / 1000),
    fmt(tally.pages > 0 ? ms / tally.pages : Number.NaN),
    total > 0 ? `${fmt((100 * ms) / total, 2)}%` : '–',
  ]);
  const percent = (n: number): string => (tally.pages > 0 ? `${fmt((100 * n) / tally.pages, 2)}%` : '–');
  return [
    '### Where newsprint spends its time (trace.timings, summed over pages)',
    '',
    rows.length > 0 ? markdownTable(['stage', 'total s', 'mean ms/page', 'share'], rows, ['l', 'r', 'r', 'r']) : '(no stage timings in the trace)',
    '',
    `Readability fallback ran on ${tally.fallbacks} of ${tally.pages} pages (${percent(tally.fallbacks)}); ` +
      `its candidate won on ${tally.readabilityWins}. Limits cut the input on ${tally.truncated} pages.`,
  ].join('\n');
}

function errorNote(kinds: ReadonlyMap<string, number>): string {
  if (kinds.size === 0) return '';
  const listed = [...kinds].sort((a, b) => b[1] - a[1]).map(([kind, count]) => `${count}× ${kind}`);
  return ` Errors: ${listed.join('; ')}.`;
}

function aloneSection(alone: SpeedReport['alone']): string {
  if ('skipped' in alone) return `### Alone: each in passes of its own, in a fresh process\n\nSkipped: ${alone.skipped}.`;
  const rows = alone.results.map(({ label, summary: s }) => [label, String(s.pages), String(s.errors), fmt(s.pagesPerSecond), fmt(s.medianMs), fmt(s.p95Ms), fmt(s.totalMs / 1000)]);
  const [newsprint, floor, readability, withoutVote, builtinDom] = alone.results;
  const ratio = (a: PassResult | undefined, b: PassResult | undefined): number => (a !== undefined && b !== undefined ? a.summary.totalMs / b.summary.totalMs : Number.NaN);
  return [
    '### Alone: each in passes of its own, in a fresh process',
    '',
    markdownTable(['run alone', 'pages', 'errors', 'pages/s', 'median ms', 'p95 ms', 'pass s'], rows, ['l', 'r', 'r', 'r', 'r', 'r', 'r']),
    '',
    `- newsprint pages/s ÷ Readability-on-linkedom pages/s, each alone: **${fmt(ratio(readability, newsprint))}**`,
    `- newsprint total ÷ htmlparser2 parseDocument total, each alone: **${fmt(ratio(newsprint, floor))}**`,
    ...(withoutVote === undefined
      ? []
      : [
          `- with \`readabilityFallback: false\` (no Readability vote, at some quality: see bench/README): ${fmt(ratio(withoutVote, floor))} parses' worth, ` +
            `${fmt(ratio(readability, withoutVote))} times Readability`,
        ]),
    ...(builtinDom === undefined
      ? []
      : [
          `- with \`readabilityDom: 'builtin'\` (the vote kept, Readability on newsprint's own DOM instead of linkedom's): ` +
            `${fmt(ratio(builtinDom, floor))} parses' worth, ${fmt(ratio(readability, builtinDom))} times Readability`,
        ]),
    '',
    `Method: the same ${alone.pages} pages in a fresh process; each contender makes one untimed warm-up pass, then ${alone.passes} timed`,
    'passes (order rotating; before each, untimed, garbage collected and a settling pass of the same contender, as the',
    'pass right after a forced collection runs slow); the pass column and pages/s are the median pass, median and p95',
    "over each page's median. This is a pipeline that runs one extractor: each pays for its own garbage",
    "and runs with its own code warm. In the interleaved table the collector runs on whoever fills the heap, so part of",
    "one contender's garbage is collected on another's clock, and the peers leave newsprint's caches cold between calls.",
  ].join('\n');
}

/** The text path's speed target, in MB/s of UTF-8 input. */
export const TEXT_TARGET_MEGABYTES_PER_SECOND = 20;

/** The first newsprint build against the floor timed in the same passes, and the target in floors' worth. */
function textFloorLines(results: readonly PassResult[]): string[] {
  const floor = results.find((r) => r.label === TEXT_FLOOR_LABEL);
  const newsprint = results.find((r) => r.label !== TEXT_FLOOR_LABEL);
  if (floor === undefined || newsprint === undefined) return [];
  return [
    '',
    `- newsprint pass ÷ floor pass: **${fmt(newsprint.summary.totalMs / floor.summary.totalMs)}** (how many floors' worth of time the text path costs)`,
    `- the ${TEXT_TARGET_MEGABYTES_PER_SECOND} MB/s target is ${fmt(floor.summary.megabytesPerSecond / TEXT_TARGET_MEGABYTES_PER_SECOND)} floors' worth in this run`,
  ];
}

/**
 * Where the text path's time goes, stage by stage, each against the time the 20 MB/s target allows the whole pass:
 * a stage over 100% misses the target on its own.
 */
export function textStageLines(stages: TextStages): string[] {
  const total = stages.stageMs.reduce((sum, [, ms]) => sum + ms, 0);
  const budgetMs = (stages.bytes / (TEXT_TARGET_MEGABYTES_PER_SECOND * 1e6)) * 1000;
  const share = (ms: number, of: number): string => (of > 0 ? `${fmt((100 * ms) / of, 2)}%` : '–');
  const rows = stages.stageMs.map(([stage, ms]) => [stage, fmt(ms), share(ms, total), share(ms, budgetMs)]);
  rows.push(['all stages', fmt(total), share(total, total), share(total, budgetMs)]);
  return [
    '',
    `Where the text path spends its time (the first build's \`trace.timings\`, summed by stage over each of three more passes`,
    `after the timed ones, the median of the three), each stage against the ${fmt(budgetMs)} ms the ${TEXT_TARGET_MEGABYTES_PER_SECOND} MB/s target allows the whole pass:`,
    '',
    markdownTable(['stage', 'ms per pass', 'share', `of the ${TEXT_TARGET_MEGABYTES_PER_SECOND} MB/s budget`], rows, ['l', 'r', 'r', 'r']),
  ];
}

function textSection(text: SpeedReport['text']): string {
  if ('skipped' in text) return `### Text path\n\nSkipped: ${text.skipped}.`;
  const rows = text.results.map(({ label, summary: s }) => [
    label,
    String(s.pages),
    String(s.errors),
    fmt(s.megabytesPerSecond),
    fmt(s.pagesPerSecond),
    fmt(s.medianMs),
    fmt(s.p95Ms),
    fmt(s.totalMs / 1000),
  ]);
  const errors = text.results[0]?.errorKinds ?? new Map<string, number>();
  return [
    '### Text path: `extract(text, { format: "text" })` on the text renderings',
    '',
    markdownTable(['build', 'pages', 'errors', 'MB/s', 'pages/s', 'median ms', 'p95 ms', 'pass s'], rows, ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r']),
    ...textFloorLines(text.results),
    ...(text.stages === undefined || text.stages === null ? [] : textStageLines(text.stages)),
    '',
    `Method: in a fresh process (not the one the HTML contenders ran in), one untimed warm-up pass over all ${text.pages}`,
    `renderings, then ${text.passes} timed passes (before each, untimed, garbage collected and a settling pass of the same`,
    'build; the builds and the floor take turns, pass by pass). Median and p95 are over each page\'s median',
    'pass; MB/s (UTF-8 input) and pages/s are over the median pass time (the "pass s" column). The floor is what any',
    'text extractor does before it judges a line: each line cut out and its whitespace collapsed, blank ones skipped.',
    `Pages with an empty rendering (scripts hide everything) are left out.${errorNote(errors)}`,
  ].join('\n');
}

function verdict(ok: boolean): string {
  return ok ? 'ok' : '**over**';
}

function scalingSection(scaling: SpeedReport['scaling'], format: 'html' | 'text'): string {
  const heading =
    format === 'html'
      ? '### Scaling: the invented page with its body repeated'
      : '### Scaling, text path: the same page as select-all text, `extract(text, { format: "text" })`';
  if ('skipped' in scaling) return `${heading}\n\nSkipped: ${scaling.skipped}.`;
  const rows = scaling.map((row) => {
    const memory = row.memory;
    const memoryCells =
      typeof memory === 'string'
        ? [memory, '–', '–', '–']
        : [
            fmt(memory.peakLiveBytes / 1024),
            memory.inputBytes < MEMORY_VERDICT_MIN_INPUT_BYTES
              ? `${fmt(memory.peakLiveBytes / memory.inputBytes)} (too small to judge)`
              : `${fmt(memory.peakLiveBytes / memory.inputBytes)} (${verdict(memory.peakLiveBytes <= MAX_PEAK_MEMORY_PER_INPUT_BYTE * memory.inputBytes)})`,
            fmt(memory.peakHeapBytes / 1024),
            fmt(memory.retainedHeapBytes / 1024),
          ];
    return [
      `${row.repeat}×`,
      fmt(row.inputBytes / 1024),
      fmt(row.medianMs),
      row.sizeRatio === null ? '–' : fmt(row.sizeRatio),
      row.timeRatio === null || row.sizeRatio === null
        ? '–'
        : `${fmt(row.timeRatio)} (${verdict(timeGrowthAgainstTarget(row.timeRatio, row.sizeRatio) <= 1)})`,
      ...memoryCells,
    ];
  });
  const table = markdownTable(
    ['body', 'input KB', 'median ms', 'size ÷ previous', 'time ÷ previous', 'peak live KB', 'peak live ÷ input', 'peak heap KB', 'retained KB'],
    rows,
    ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
  );
  if (format === 'text') return [heading, '', table, '', 'Targets and method as above.'].join('\n');
  return [
    heading,
    '',
    table,
    '',
    `Targets: a page 10× bigger takes at most ${MAX_TIME_RATIO_PER_TENFOLD}× longer (the chrome does not repeat, so the allowance`,
    `is scaled to the actual size ratio); peak live heap ≤ ${MAX_PEAK_MEMORY_PER_INPUT_BYTE}× the input, judged from ${MEMORY_VERDICT_MIN_INPUT_BYTES / 1000} KB up.`,
    'Memory is measured in a fresh process per size, with a 1 MB young generation so V8 collects about every megabyte',
    'allocated. Peak live: the most heap in use just after a collection during the extraction, above the baseline (the',
    'working set, sampled). Peak heap: the most in use at any sample, garbage included (an upper bound, dominated by',
    'that megabyte on small pages). Retained: what the returned article holds.',
  ].join('\n');
}

/**
 * Why: in normal runs linkedom's bare parse takes 2.3 to 6.4 times htmlparser2's `parseDocument`; in the runs whose
 * every linkedom-based row ran four to five times slow (bench/README.md, "Runs that disagree") it took 16 to 17.
 */
export const LINKEDOM_SLOW_STATE_RATIO = 10;

/** The line that says whether the run's linkedom-based rows are in their slow state, from the two parse floors. */
function linkedomStateLine(ratio: number | null): string[] {
  if (ratio === null) return [];
  const line = `- linkedom parseHTML total ÷ htmlparser2 parseDocument total: ${fmt(ratio)} (2.3 to 6.4 in normal runs)`;
  if (ratio <= LINKEDOM_SLOW_STATE_RATIO) return [line];
  return [
    `${line}. **This run's linkedom-based rows ran in the slow state** bench/README.md describes ("Runs that disagree"):`,
    '  Readability on linkedom, defuddle, the linkedom floor and newsprint\'s own Readability vote are slowed, and so is',
    '  everyone the collector runs on. Read this table as that run\'s state, not as a result (the alone table has a process of its own).',
  ];
}

export function renderReport(report: SpeedReport): string {
  const datasets = [...report.pagesPerDataset].map(([name, count]) => `${name} ${count}`).join(', ');
  const ratioLines: string[] = [];
  if ('unavailable' in report.newsprint) {
    ratioLines.push(`newsprint did not run: ${report.newsprint.unavailable}.`);
  } else {
    ratioLines.push(`- newsprint pages/s ÷ Readability-on-linkedom pages/s: **${fmt(report.ratioVsReadability ?? Number.NaN)}** (higher is faster)`);
    ratioLines.push(`- newsprint total ÷ htmlparser2 parseDocument total: **${fmt(report.ratioVsParseFloor ?? Number.NaN)}** (how many parses' worth of time an extraction costs)`);
    if (report.netOfMajorGc !== null) {
      ratioLines.push(
        `- the same, each row's major collections taken out (they clear every contender's old garbage, on whoever is timing when the heap fills): ` +
          `${fmt(report.netOfMajorGc.vsReadability)} times Readability, ${fmt(report.netOfMajorGc.vsParseFloor)} parses' worth`,
      );
    }
  }
  ratioLines.push(...linkedomStateLine(report.linkedomOverParseFloor));
  return [
    '# Speed benchmark',
    '',
    `- date: ${report.date}`,
    `- node: ${report.nodeVersion}; CPU: ${report.cpuModel} (${report.cpuCount} logical cores, the bench uses one; load average ${fmt(report.loadAverage)} at the end)`,
    `- pages: ${report.pageCount} (${fmt(report.megabytes)} MB of HTML): ${datasets}`,
    `- command: \`${report.command}\``,
    `- method: pages decoded into memory first; one warm-up pass over ${report.warmupPages} pages per contender; then each page`,
    '  given to every contender in turn (interleaved, so load from elsewhere hits all alike), wall-clock time, async extractors awaited,' +
      ' the event loop let turn (untimed) after each page' +
      (report.gcBetween ? '; garbage collected (untimed) before every timed call.' : '.') +
      ' gc s: the collections (Node\'s `gc` performance entries) that started during the contender\'s timed calls, with the' +
      ' major ones (mark-compact, incremental marking) in brackets; time inside the calls, not on top of it.',
    '- newsprint builds: `dist` is the bundle users install (built first when missing or older than src/), `src` the',
    '  TypeScript through tsx (`--src`); the ratios below are for the first newsprint row.',
    '',
    markdownTable(
      ['contender', 'pages', 'errors', 'pages/s', 'median ms', 'p95 ms', 'total s', 'gc s (major)', 'MB/s', 'notes'],
      contenderRows(report.contenders),
      ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l'],
    ),
    '',
    ...ratioLines,
    '',
    report.tally === null ? '' : `${stageSection(report.tally)}\n`,
    aloneSection(report.alone),
    '',
    textSection(report.text),
    '',
    scalingSection(report.scaling, 'html'),
    '',
    scalingSection(report.textScaling, 'text'),
    '',
  ].join('\n');
}
