// afterFirstPaint (src/app/first-content.ts): a first visit starts the app once the
// shell's first frame is on screen. jsdom has no paint timing: the browser's
// PerformanceObserver and paint entries are stood in for here; tests/e2e/first-load.spec.ts
// checks the order in Chromium.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterFirstPaint } from '@/app/first-content';

let observers: { callback: () => void; isConnected: boolean }[] = [];
let paintEntries: PerformanceEntry[] = [];

class FakeObserver {
  static supportedEntryTypes = ['paint'];
  private readonly entry: { callback: () => void; isConnected: boolean };
  constructor(callback: () => void) {
    this.entry = { callback, isConnected: false };
    observers.push(this.entry);
  }
  observe(options: { buffered?: boolean }) {
    this.entry.isConnected = true;
    if (options.buffered && paintEntries.length > 0) queueMicrotask(this.entry.callback);
  }
  disconnect() {
    this.entry.isConnected = false;
  }
}

function paint() {
  paintEntries.push({ name: 'first-contentful-paint' } as PerformanceEntry);
  for (const observer of observers) if (observer.isConnected) observer.callback();
}

describe('afterFirstPaint', () => {
  beforeEach(() => {
    observers = [];
    paintEntries = [];
    vi.useFakeTimers();
    vi.stubGlobal('PerformanceObserver', FakeObserver);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('waits for the first paint, then runs once', () => {
    const run = vi.fn();
    afterFirstPaint(run);
    expect(run).not.toHaveBeenCalled();
    paint();
    expect(run).toHaveBeenCalledTimes(1);
    paint();
    vi.advanceTimersByTime(10_000);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('runs when the page painted before it was asked (a buffered entry)', async () => {
    paintEntries.push({ name: 'first-paint' } as PerformanceEntry);
    const run = vi.fn();
    afterFirstPaint(run);
    await Promise.resolve();
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('runs at once on a hidden page, which does not paint', () => {
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    const run = vi.fn();
    afterFirstPaint(run);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('runs at once in a browser without paint timing', () => {
    vi.stubGlobal('PerformanceObserver', undefined);
    const run = vi.fn();
    afterFirstPaint(run);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('does not wait more than three seconds for a frame that is never presented', () => {
    const run = vi.fn();
    afterFirstPaint(run);
    vi.advanceTimersByTime(2_999);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
    paint();
    expect(run).toHaveBeenCalledTimes(1);
  });
});
