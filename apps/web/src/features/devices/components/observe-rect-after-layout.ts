import { elementScroll, type Rect, type Virtualizer } from '@tanstack/react-virtual';

/**
 * The virtualizer's `observeElementRect` without its first, synchronous read of the scroll
 * element's size: that read forced a layout of the whole page as the table mounted (30-50 ms at
 * 10,000 rows, then laid out again for the frame). The ResizeObserver's first callback comes after
 * the frame's own layout, so reading the size there costs nothing; until then the virtualizer uses
 * its `initialRect`, which the table computes from the height its CSS gives the scroll element.
 */
export function observeRectAfterLayout(
  instance: Virtualizer<HTMLDivElement, Element>,
  cb: (rect: Rect) => void,
): (() => void) | undefined {
  const element = instance.scrollElement;
  const Observer = instance.targetWindow?.ResizeObserver;
  if (!element || !Observer) return undefined;
  const observer = new Observer(() =>
    cb({ width: element.clientWidth, height: element.clientHeight }),
  );
  observer.observe(element, { box: 'content-box' });
  return () => observer.disconnect();
}

const attached = new WeakSet<Element>();

/**
 * The virtualizer's `scrollToFn`, minus the write it makes as it attaches to a new scroll element:
 * it scrolls the element to where it already is (0), and that write forced a layout of the page
 * as the table mounted, like the size read above.
 */
export function scrollToAfterLayout(
  offset: number,
  options: { adjustments?: number; behavior?: ScrollBehavior },
  instance: Virtualizer<HTMLDivElement, Element>,
): void {
  const element = instance.scrollElement;
  if (element && !attached.has(element)) {
    attached.add(element);
    if (offset + (options.adjustments ?? 0) === 0) return;
  }
  elementScroll(offset, options, instance);
}
