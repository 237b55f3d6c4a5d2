import { useEffect, useState, type ReactNode } from 'react';

/**
 * Renders its children once the browser first has an idle moment (at the latest 1.5 s after
 * mounting). For the shell's secondary parts (the alarm count with its event socket, the storage
 * banner): their reads, socket and renders leave the main thread to the page's own content as it
 * starts (bench/README.md, "Boot of the Devices page").
 */
export function WhenIdle({ children }: { children: ReactNode }) {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    const show = () => setIdle(true);
    if (typeof requestIdleCallback !== 'function') {
      const id = setTimeout(show, 0);
      return () => clearTimeout(id);
    }
    const id = requestIdleCallback(show, { timeout: 1500 });
    return () => cancelIdleCallback(id);
  }, []);
  return idle ? children : null;
}
