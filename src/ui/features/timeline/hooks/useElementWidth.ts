/** The width of an element, followed as it resizes; `initial` until it has been measured (and on the server). */
import { useEffect, useLayoutEffect, useState, type RefObject } from 'react';

// useLayoutEffect only where there is a layout to read (react-dom/server renders with `initial`).
const useBeforePaint = typeof document === 'undefined' ? useEffect : useLayoutEffect;

export function useElementWidth(ref: RefObject<HTMLElement | null>, initial: number): number {
  const [width, setWidth] = useState(initial);
  useBeforePaint(() => {
    const element = ref.current;
    if (!element) return;
    // Measured before the first paint, so the picture is never drawn first at the guessed width.
    const measured = Math.floor(element.getBoundingClientRect().width);
    if (measured > 0) setWidth(measured);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      const next = Math.floor(entry?.contentRect.width ?? 0);
      if (next > 0) setWidth(next);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
