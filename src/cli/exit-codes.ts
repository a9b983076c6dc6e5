/**
 * Process exit codes of the `newsprint` command. Stable: scripts and schedulers branch on them.
 * Documented in docs/cli.md.
 */
export const EXIT = Object.freeze({
  /** Every input gave an article (in `--jsonl` mode: the stream was read to its end). */
  OK: 0,
  /** At least one input failed; the others were still written. */
  SOME_FAILED: 1,
  /** The command line is wrong: unknown flag, bad value, conflicting options. */
  USAGE: 2,
  /** Nothing to read: no input named, or the named directories hold no pages. */
  NO_INPUT: 3,
  /** The run itself broke: output closed, a worker died, a WARC file unreadable. */
  FATAL: 4,
} as const);

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
