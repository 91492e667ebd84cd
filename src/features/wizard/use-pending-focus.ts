import { useEffect, useRef } from 'react';

type Request<T> = { elementId: string; isReady: (rendered: T) => boolean };

// Moves focus once the change that asked for it is on screen. The form renders a new
// value a moment after it was handed over, and a render of the old value in between
// (a save status) must not receive the focus: an element keeps its id by position, and
// a moved element loses focus when the browser moves it.
export function usePendingFocus<T>(rendered: T) {
  const request = useRef<Request<T> | null>(null);
  useEffect(() => {
    const current = request.current;
    if (!current || !current.isReady(rendered)) return;
    const element = document.getElementById(current.elementId);
    if (!element) return;
    element.focus();
    if (document.activeElement === element) request.current = null;
  });
  return (elementId: string, isReady: (rendered: T) => boolean = () => true) => {
    request.current = { elementId, isReady };
  };
}
