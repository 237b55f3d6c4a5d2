import { useEffect, useRef } from 'react';
import { useLocation, useNavigationType } from 'react-router';

/** Gives up waiting for a heading after this long (a page that failed to load has none). */
const WAIT_MS = 5_000;

/**
 * Focuses the page's h1 once it is in the DOM (pages that load data render it after a skeleton).
 * Returns a cleanup that stops waiting.
 */
function focusHeadingWhenShown(main: HTMLElement): () => void {
  const tryFocus = (): boolean => {
    const heading = main.querySelector<HTMLElement>('h1');
    if (!heading) return false;
    heading.tabIndex = -1;
    heading.focus();
    return true;
  };
  if (tryFocus()) return () => {};
  const observer = new MutationObserver(() => {
    if (tryFocus()) stop();
  });
  const timer = setTimeout(() => stop(), WAIT_MS);
  function stop() {
    observer.disconnect();
    clearTimeout(timer);
  }
  observer.observe(main, { childList: true, subtree: true });
  return stop;
}

/**
 * A screen reader or keyboard user who follows a link lands on the new page's heading, as after a
 * full page load, instead of staying on a link that may no longer exist. A fresh page load (POP on
 * the first render) keeps the browser's own start, so the first Tab still reaches the skip link.
 */
export function useFocusHeadingOnNavigate(mainId: string): void {
  const { pathname } = useLocation();
  const navigationType = useNavigationType();
  const firstRender = useRef(true);
  useEffect(() => {
    const first = firstRender.current;
    firstRender.current = false;
    if (first && navigationType === 'POP') return;
    const main = document.getElementById(mainId);
    return main ? focusHeadingWhenShown(main) : undefined;
    // Only a new page moves focus: filters and sorting change the search, not the path.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pathname, mainId]);
}
