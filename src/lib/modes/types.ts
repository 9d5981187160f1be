import type { GeoData } from '../data/geo';
import type { Theme } from '../map/palette';
import type { Content } from '../story/resolve';
import type { Story } from '../story/story.svelte';

/** What every mode shell receives from App: the one story, its content, the geodata, and how to show it. */
export interface ModeProps {
  /** The shared step model every mode drives. */
  story: Story;
  /** The content, restricted to the steps this page shows (embed `steps=`). */
  content: Content;
  /** Geodata, null while loading (the SVG map waits for it). */
  geo: GeoData | null;
  theme: Theme;
  reducedMotion: boolean;
  /** Open the details dialog of an event. */
  onOpenEvent: (id: string) => void;
}
