import { useCallback, useEffect, useState } from 'react';

/**
 * The rendered width of an element, kept current with a ResizeObserver, so SVG charts draw in
 * real pixels (text stays 11px at any width instead of being scaled with the viewBox). A callback
 * ref, because the element often appears only after data loads.
 */
export function useElementWidth<T extends HTMLElement>(
  fallback = 640,
): [(el: T | null) => void, number] {
  const [element, setElement] = useState<T | null>(null);
  const [width, setWidth] = useState(fallback);
  const ref = useCallback((el: T | null) => setElement(el), []);
  useEffect(() => {
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(200, Math.round(entry.contentRect.width)));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return [ref, width];
}
