import type { Attachment } from 'svelte/attachments';
import type { Box } from './svgLabels';

/**
 * What is drawn over a map, as boxes (left, top, right, bottom) in the map's own pixels: the page's elements marked
 * `data-map-overlay` (the legend, "Save image") and those inside the map matching `inside` (its credits). Reported
 * once they are laid out and again whenever one changes size (the legend opening or closing), so the SVG map can keep
 * names out from under them, as the MapLibre controller does with its own (controller.ts, hideCutNames).
 */
export const overlayBoxes =
  (inside: string, set: (boxes: Box[]) => void): Attachment<HTMLElement> =>
  (node) => {
    let els: Element[] = [];
    let last = '';
    // Called by the observer, after layout: reading positions here forces none.
    const measure = () => {
      const f = node.getBoundingClientRect();
      const boxes = els
        .map((el) => el.getBoundingClientRect())
        .filter((r) => r.width > 0 && r.height > 0)
        .map((r): Box => [r.left - f.left, r.top - f.top, r.right - f.left, r.bottom - f.top]);
      const key = JSON.stringify(boxes);
      if (key !== last) set(boxes);
      last = key;
    };
    const ro = new ResizeObserver(measure);
    // The page adds its overlays beside the map (the legend a task after the map mounts): look again when it does.
    const collect = () => {
      els = [...document.querySelectorAll('[data-map-overlay]'), ...node.querySelectorAll(inside)];
      ro.disconnect();
      for (const el of [node, ...els]) ro.observe(el);
    };
    const mo = new MutationObserver(collect);
    if (node.parentElement) mo.observe(node.parentElement, { childList: true });
    collect();
    return () => {
      mo.disconnect();
      ro.disconnect();
    };
  };
