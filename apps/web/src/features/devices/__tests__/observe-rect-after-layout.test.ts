// The table's virtualizer hooks that keep it from forcing a layout as it mounts: no size read
// before the ResizeObserver reports, and no scroll write to where a new scroll element already is.
import type { Virtualizer } from '@tanstack/react-virtual';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  observeRectAfterLayout,
  scrollToAfterLayout,
} from '../components/observe-rect-after-layout.ts';

type Instance = Virtualizer<HTMLDivElement, Element>;

/**
 * A stand-in scroll element (these tests run without a DOM) whose size reads are counted: each
 * would force a layout in a browser.
 */
function element(width: number, height: number) {
  const reads = { count: 0 };
  const el = {
    get clientWidth() {
      reads.count++;
      return width;
    },
    get clientHeight() {
      reads.count++;
      return height;
    },
    scrollTo: vi.fn(),
  } as unknown as HTMLDivElement & { scrollTo: ReturnType<typeof vi.fn> };
  return { el, reads };
}

class FakeResizeObserver {
  static last: FakeResizeObserver | undefined;
  observed: Element[] = [];
  disconnected = false;
  constructor(readonly callback: () => void) {
    FakeResizeObserver.last = this;
  }
  observe(target: Element) {
    this.observed.push(target);
  }
  disconnect() {
    this.disconnected = true;
  }
}

const instanceOf = (el: HTMLDivElement | null, withObserver = true) =>
  ({
    scrollElement: el,
    targetWindow: withObserver ? { ResizeObserver: FakeResizeObserver } : {},
  }) as unknown as Instance;

afterEach(() => {
  FakeResizeObserver.last = undefined;
});

describe('observeRectAfterLayout', () => {
  it('reads the size only when the observer reports it, and stops observing on cleanup', () => {
    const { el, reads } = element(1200, 540);
    const seen: Array<{ width: number; height: number }> = [];
    const stop = observeRectAfterLayout(instanceOf(el), (rect) => seen.push(rect));
    expect(reads.count).toBe(0);
    expect(seen).toEqual([]);
    const observer = FakeResizeObserver.last;
    expect(observer?.observed).toEqual([el]);
    observer?.callback();
    expect(seen).toEqual([{ width: 1200, height: 540 }]);
    stop?.();
    expect(observer?.disconnected).toBe(true);
  });

  it('does nothing without a scroll element or a ResizeObserver (the initial size stays)', () => {
    const { el, reads } = element(100, 100);
    expect(observeRectAfterLayout(instanceOf(null), () => {})).toBeUndefined();
    expect(observeRectAfterLayout(instanceOf(el, false), () => {})).toBeUndefined();
    expect(reads.count).toBe(0);
  });
});

describe('scrollToAfterLayout', () => {
  it('skips the first write of 0 to a new element and makes every later write', () => {
    const { el } = element(100, 100);
    const scrollTo = el.scrollTo;
    const instance = { ...instanceOf(el), options: { horizontal: false } } as unknown as Instance;
    scrollToAfterLayout(0, {}, instance);
    expect(scrollTo).not.toHaveBeenCalled();
    scrollToAfterLayout(0, {}, instance);
    scrollToAfterLayout(360, { behavior: 'smooth' }, instance);
    expect(scrollTo.mock.calls).toEqual([
      [{ top: 0, behavior: undefined }],
      [{ top: 360, behavior: 'smooth' }],
    ]);
  });

  it('makes the first write to a new element when it is not to 0', () => {
    const { el } = element(100, 100);
    const scrollTo = el.scrollTo;
    const instance = { ...instanceOf(el), options: { horizontal: false } } as unknown as Instance;
    scrollToAfterLayout(720, {}, instance);
    expect(scrollTo).toHaveBeenCalledWith({ top: 720, behavior: undefined });
  });
});
