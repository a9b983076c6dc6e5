import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Event as LinkedomEvent } from 'linkedom';
import { lazyListenerTables } from '../../scripts/lazy-listener-tables.js';

// The build edits the event-target module of the installed linkedom; these tests read that same file.
const require = createRequire(import.meta.url);
const linkedomRoot = dirname(require.resolve('linkedom/package.json'));
const source = (build: 'esm' | 'cjs'): string => readFileSync(join(linkedomRoot, build, 'interface', 'event-target.js'), 'utf8');

interface Target {
  addEventListener(type: string, listener: unknown, options?: unknown): void;
  removeEventListener(type: string, listener: unknown): void;
  dispatchEvent(event: unknown): boolean;
}
type TargetClass = new () => Target;

/** The CommonJS build's class, from the given module text (it requires nothing). */
function classFrom(text: string): TargetClass {
  const module = { exports: {} as { EventTarget?: TargetClass } };
  new Function('module', 'exports', text)(module, module.exports);
  return module.exports.EventTarget!;
}

/** A script of listener calls, returning what the listeners saw: the same on both classes, or the edit changed behaviour. */
function listenerScript(Target: TargetClass): string[] {
  const seen: string[] = [];
  const a = new Target();
  const b = new Target();
  const first = (e: { type: string }): void => void seen.push(`first ${e.type}`);
  const once = (e: { type: string }): void => void seen.push(`once ${e.type}`);
  const handler = { handleEvent: (e: { type: string }): void => void seen.push(`object ${e.type}`) };
  // Removing from a target that never had a listener, and dispatching to one, must be harmless.
  b.removeEventListener('ping', first);
  seen.push(`b dispatch ${b.dispatchEvent(new LinkedomEvent('ping'))}`);
  a.addEventListener('ping', first);
  a.addEventListener('ping', once, { once: true });
  a.addEventListener('pong', handler);
  seen.push(`dispatch ${a.dispatchEvent(new LinkedomEvent('ping'))}`);
  a.dispatchEvent(new LinkedomEvent('ping'));
  a.dispatchEvent(new LinkedomEvent('pong'));
  a.removeEventListener('ping', first);
  a.dispatchEvent(new LinkedomEvent('ping'));
  const cancel = (e: { preventDefault(): void }): void => e.preventDefault();
  b.addEventListener('stop', cancel);
  seen.push(`cancelable ${b.dispatchEvent(new LinkedomEvent('stop', { cancelable: true }))}`);
  return seen;
}

describe('the bundled linkedom: listener tables filed on first use', () => {
  it('applies to both builds of the installed linkedom', () => {
    for (const build of ['esm', 'cjs'] as const) {
      const edited = lazyListenerTables(source(build), build);
      // The constructor no longer files a table; the listener methods file theirs when first asked.
      expect(edited).not.toMatch(/constructor\(\) \{\s*wm\.set/);
      expect(edited.match(/listenerTable\(this\)/g)).toHaveLength(2);
    }
  });

  it('makes a target without filing a table for it', () => {
    const filed: unknown[] = [];
    const original = WeakMap.prototype.set;
    const Edited = classFrom(lazyListenerTables(source('cjs'), 'cjs'));
    const Usual = classFrom(source('cjs'));
    WeakMap.prototype.set = function (this: WeakMap<object, unknown>, key: object, value: unknown) {
      filed.push(key);
      return original.call(this, key, value);
    };
    let edited: Target;
    let usual: Target;
    try {
      edited = new Edited();
      usual = new Usual();
    } finally {
      WeakMap.prototype.set = original;
    }
    expect(filed).not.toContain(edited);
    // The unedited class files one per target: what the edit saves.
    expect(filed).toContain(usual);
  });

  it('answers every listener call as the unedited class does', () => {
    const usual = listenerScript(classFrom(source('cjs')));
    expect(usual).toContain('once ping');
    expect(usual).toContain('object pong');
    expect(usual).toContain('cancelable false');
    expect(listenerScript(classFrom(lazyListenerTables(source('cjs'), 'cjs')))).toEqual(usual);
  });

  it('fails the build on a file it was not written for', () => {
    const cjs = source('cjs');
    expect(() => lazyListenerTables(cjs.replace('wm.set(this, new Map);', 'this.listeners = new Map;'), 'changed')).toThrow(/constructor does not file one table/);
    expect(() => lazyListenerTables(`${cjs}\nfunction more(t) { return wm.get(t); }\n`, 'changed')).toThrow(/used other than 4 times/);
    expect(() => lazyListenerTables(cjs.replace('const map = wm.get(this);', 'const map = wm.get(this) ;'), 'changed')).toThrow(/read their table twice/);
  });
});
