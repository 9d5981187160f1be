import type { Attachment } from 'svelte/attachments';

/**
 * Reports an element's clientWidth and clientHeight whenever they change, like `bind:clientWidth`, but only from a
 * ResizeObserver: Svelte's binding also reads the size once as the element is created, which forces the browser to
 * lay the page out in the middle of building it (a quarter of the map and timeline's start-up on a slow phone).
 * The observer's first report comes after the first layout, before that frame is painted.
 */
export const clientSize =
  (set: (width: number, height: number) => void): Attachment<HTMLElement> =>
  (node) => {
    const ro = new ResizeObserver(() => set(node.clientWidth, node.clientHeight));
    ro.observe(node);
    return () => ro.disconnect();
  };
