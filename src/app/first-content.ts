// Work the first screen does not need (service worker registration, sync, the trash
// purge) waits until the first content is on screen and the browser is idle, so it
// never competes with the first load. The list marks its first content; other screens
// (opened by a link straight to them) count the page's load event instead.
let isMarked = false;
const waiting: (() => void)[] = [];

export function markFirstContent(): void {
  if (isMarked) return;
  isMarked = true;
  for (const run of waiting.splice(0)) run();
}

function whenIdle(run: () => void): void {
  if ('requestIdleCallback' in window) window.requestIdleCallback(run, { timeout: 2000 });
  else setTimeout(run, 200);
}

export function afterFirstContent(run: () => void): void {
  if (isMarked) return whenIdle(run);
  waiting.push(() => whenIdle(run));
}

// For a first screen other than the list: its load event stands for its first content.
export function markFirstContentOnLoad(): void {
  if (document.readyState === 'complete') markFirstContent();
  else window.addEventListener('load', () => markFirstContent(), { once: true });
}

// A first visit (no service worker controls the page) starts the app once the static
// shell is on screen: the shell paints from the HTML and the stylesheet alone, and the
// app's own work (React's first render, the list's store and the chunks it loads) would
// only compete with that first frame for the main thread and the network. The browser's
// first paint entry says the frame has been presented; a hidden page (it never paints)
// and a browser without paint timing start at once, and a frame never presented does
// not hold the start for more than FIRST_PAINT_WAIT_MS.
const FIRST_PAINT_WAIT_MS = 3000;

export function afterFirstPaint(run: () => void): void {
  const canObserve =
    typeof PerformanceObserver !== 'undefined' &&
    PerformanceObserver.supportedEntryTypes?.includes('paint');
  if (!canObserve || document.visibilityState === 'hidden') {
    run();
    return;
  }
  let hasRun = false;
  const start = () => {
    if (hasRun) return;
    hasRun = true;
    observer.disconnect();
    clearTimeout(timer);
    run();
  };
  // Buffered: a frame presented before this call counts (it runs at the next task).
  const observer = new PerformanceObserver(start);
  observer.observe({ type: 'paint', buffered: true });
  const timer = setTimeout(start, FIRST_PAINT_WAIT_MS);
}
