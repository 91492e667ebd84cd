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
