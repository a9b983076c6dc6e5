/**
 * Reads a V8 `.cpuprofile` (what `node --cpu-prof` writes) and totals self time per function and
 * per file, so the hot spots can be read in a terminal.
 */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

interface CallFrame {
  functionName: string;
  url: string;
  /** 0-based. */
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
}

/** The fields of the `.cpuprofile` JSON this module reads. */
export interface CpuProfile {
  nodes: ProfileNode[];
  /** Node id of the frame on top of the stack at each sample. */
  samples: number[];
  /** Microseconds since the previous sample (the first: since the profile started). */
  timeDeltas: number[];
}

export interface SelfTime {
  /** Function name and where it is defined (`name path:line`), or the file alone for the per-file table. */
  key: string;
  selfMs: number;
  share: number;
}

/** A location a reader can open: repository-relative for our files, from `node_modules/` for dependencies. */
export function shortLocation(url: string, repoRoot: string): string {
  if (url.length === 0) return '';
  let path = url;
  if (url.startsWith('file://')) {
    try {
      path = fileURLToPath(url);
    } catch {
      path = url;
    }
  }
  const modules = path.lastIndexOf('node_modules/');
  if (modules >= 0) return path.slice(modules);
  if (path.startsWith(repoRoot)) return relative(repoRoot, path);
  return path;
}

/**
 * Milliseconds each profile node was on top of the stack. A sample's time is the gap until the next
 * sample, as Chrome's profiler view counts it; the last sample, with no gap after it, counts nothing.
 */
export function selfTimeByNode(profile: CpuProfile): Map<number, number> {
  const selfMs = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const nodeId = profile.samples[i];
    const gap = profile.timeDeltas[i + 1];
    if (nodeId === undefined || gap === undefined) continue;
    selfMs.set(nodeId, (selfMs.get(nodeId) ?? 0) + Math.max(0, gap) / 1000);
  }
  return selfMs;
}

/** Self time totalled by a key derived from each frame, largest first. */
function aggregate(profile: CpuProfile, keyOf: (frame: CallFrame) => string): SelfTime[] {
  const byNode = selfTimeByNode(profile);
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const totals = new Map<string, number>();
  let total = 0;
  for (const [nodeId, ms] of byNode) {
    const frame = frames.get(nodeId);
    if (frame === undefined) continue;
    const key = keyOf(frame);
    totals.set(key, (totals.get(key) ?? 0) + ms);
    total += ms;
  }
  return [...totals]
    .map(([key, selfMs]) => ({ key, selfMs, share: total > 0 ? selfMs / total : 0 }))
    .sort((a, b) => b.selfMs - a.selfMs);
}

/** Maps a generated position (0-based) back to the source's 1-based line, or `null` when no source map knows it. */
export type LineMapper = (url: string, line: number, column: number) => number | null;

/**
 * Self time per function. tsx compiles each file onto one line, so without `mapLine` every
 * function of a TypeScript file would sit at line 1; the mapper restores the source line.
 */
export function selfTimeByFunction(profile: CpuProfile, repoRoot: string, mapLine?: LineMapper): SelfTime[] {
  return aggregate(profile, (frame) => {
    const name = frame.functionName.length > 0 ? frame.functionName : '(anonymous)';
    const where = shortLocation(frame.url, repoRoot);
    // V8 marks its own activity ((garbage collector), (program), (idle)) with a name and no file.
    if (where.length === 0) return name;
    const line = mapLine?.(frame.url, frame.lineNumber, frame.columnNumber) ?? frame.lineNumber + 1;
    return `${name} ${where}:${line}`;
  });
}

export function selfTimeByFile(profile: CpuProfile, repoRoot: string): SelfTime[] {
  return aggregate(profile, (frame) => {
    const where = shortLocation(frame.url, repoRoot);
    return where.length === 0 ? frame.functionName : where;
  });
}
