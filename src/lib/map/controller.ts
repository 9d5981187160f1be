/**
 * The only module that touches maplibre-gl. Components ask for a state (`apply(view, options)`); the controller
 * works out what changed since the last call and sends MapLibre only those changes (layer visibility, filters,
 * paint, camera), so a step change costs a few property updates, not a style reload.
 *
 * This file is loaded with a dynamic import, so MapLibre (and its CSS) land in their own chunk and never block the
 * first paint of the page.
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import {
  AttributionControl,
  MapLibreMap,
  NavigationControl,
  ScaleControl,
  setWorkerUrl,
  type LayerSpecification,
  type MapGeoJSONFeature,
  type MapLayerMouseEvent,
  type PaddingOptions,
} from 'maplibre-gl';
// Vite serves the worker as a same-origin file: no blob: or CDN worker, which keeps a strict CSP possible.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { ViewState } from '../story/resolve';
import { stats } from '../data/content';
import { buildLayers, buildStyle, CUT_STATE, EVENT_LAYERS, LABEL_LAYERS, NAME_LAYERS, type SourceId, type StyleOptions } from './style';
import { whenIdle } from '../yield';
import { styleImage } from './images';

setWorkerUrl(workerUrl);

export interface ApplyOptions {
  style: StyleOptions;
  padding: PaddingOptions;
  /** Jump instead of flying (reduced motion, first view, print). */
  instant: boolean;
}

export interface ControllerOptions {
  /**
   * Zoom with the mouse wheel. Off in the scrolling explainer: there the wheel must move the story, not zoom the map
   * under the pointer (zoom stays on the buttons, keys, double-click and pinch).
   */
  scrollZoom: boolean;
}

export interface ControllerEvents {
  onEventClick: (eventId: string) => void;
  /** Fired each time the map has finished drawing everything it was asked to (MapLibre "idle"). */
  onIdle: () => void;
  onContextLost: () => void;
  onContextRestored: () => void;
}

/** The map's own words in the reader's language: MapLibre's UI strings (a patch to its locale table) and the credits. */
export interface MapUi {
  strings: Record<string, string>;
  attribution: string;
  /** Numbers as the reader's language writes them (the scale bar's distance: ۵۰ in Persian, not 50). */
  formatNumber: (n: number) => string;
}

/**
 * MapLibre's scale bar writes its distance with Latin digits whatever the locale table says; this one rewrites the
 * number in the reader's digits after each redraw (MapLibre recomputes the label on every move, so it is patched
 * there, not once).
 */
class LocalScaleControl extends ScaleControl {
  constructor(format: (n: number) => string) {
    super({ unit: 'metric', maxWidth: 120 });
    const draw = this._onMove;
    this._onMove = () => {
      draw();
      const m = /^(\d+(?:\.\d+)?)(\u00a0.*)$/su.exec(this._container.textContent ?? '');
      const label = m ? format(Number(m[1])) + m[2] : null;
      if (label && label !== this._container.textContent) this._container.textContent = label;
    };
  }
}

type Props = Record<string, unknown>;
const json = (v: unknown) => JSON.stringify(v);

export class MapController {
  readonly map: MapLibreMap;
  private layers = new Map<string, LayerSpecification>();
  private lastCamera = '';
  private stepPlaces = new Set<string>();
  private loaded = false;
  private pending: [ViewState, ApplyOptions] | null = null;

  constructor(
    container: HTMLElement,
    sources: Record<SourceId, GeoJSON.FeatureCollection>,
    view: ViewState,
    opts: ApplyOptions,
    private events: ControllerEvents,
    ui: MapUi,
    options: ControllerOptions = { scrollZoom: true },
  ) {
    const style = buildStyle(view, opts.style, sources);
    style.layers.forEach((l) => this.layers.set(l.id, l));
    this.map = new MapLibreMap({
      container,
      style,
      bounds: view.camera,
      fitBoundsOptions: { padding: opts.padding },
      attributionControl: false,
      locale: ui.strings,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      cooperativeGestures: false,
      scrollZoom: options.scrollZoom,
      minZoom: 3,
      maxZoom: 11,
      // GeoJSON tiles are cut in the worker in milliseconds; keeping every tile a story has ever passed through
      // (MapLibre's default cache is sized for network tiles) only grows memory over a long class.
      maxTileCacheSize: 24,
      // The basemap is clipped to this box (data/geo/stats.json): panning further would show empty sea.
      maxBounds: [
        [stats.basemapBbox[0], stats.basemapBbox[1]],
        [stats.basemapBbox[2], stats.basemapBbox[3]],
      ],
    });
    this.lastCamera = json([view.camera, opts.padding]);
    this.stepPlaces = new Set(view.places);
    this.map.touchZoomRotate.disableRotation();
    this.map.keyboard.disableRotation();
    this.addControls(ui);

    for (const id of EVENT_LAYERS) {
      this.map.on('click', id, (e: MapLayerMouseEvent) => {
        const fid = e.features?.[0]?.properties?.id;
        if (typeof fid === 'string') events.onEventClick(fid);
      });
      this.map.on('mouseenter', id, () => (this.map.getCanvas().style.cursor = 'pointer'));
      this.map.on('mouseleave', id, () => (this.map.getCanvas().style.cursor = ''));
    }
    this.map.once('load', () => {
      this.loaded = true;
      const p = this.pending;
      this.pending = null;
      if (p) this.apply(...p);
    });
    // The style's own images (the place dot), made here when MapLibre first needs them: the style has no sprite.
    // MapLibre 6 asks a resolver first; its 'styleimagemissing' event, used before, comes after the image has been
    // declared missing, with a console warning for each dot on every load.
    this.map.setMissingStyleImageResolver((id) => {
      const img = styleImage(id);
      if (img && !this.map.hasImage(id)) this.map.addImage(id, img.data, { pixelRatio: img.pixelRatio });
    });
    // Names cut by the map's edge or an overlay are looked for once the map has settled. They come back as soon as
    // the reader moves the map; a step's camera move leaves them to the check at its end, so the feature-state
    // update does not land in the frame that starts the move, already the heaviest of a step change.
    this.map.on('idle', () => this.scheduleCutCheck());
    this.map.on('movestart', (e: { originalEvent?: Event }) => {
      this.cancelCutCheck();
      if (e.originalEvent) this.showCutNames();
    });
    this.map.on('idle', () => events.onIdle());
    const canvas = this.map.getCanvas();
    canvas.addEventListener('webglcontextlost', () => events.onContextLost());
    canvas.addEventListener('webglcontextrestored', () => events.onContextRestored());
  }

  /** Bring the map to `view`, changing only what differs from the last state. Returns whether anything changed. */
  apply(view: ViewState, opts: ApplyOptions): boolean {
    // MapLibre refuses style changes until the style has loaded: a step changed that early is applied on load.
    if (!this.loaded) {
      this.pending = [view, opts];
      return true;
    }
    let changed = false;
    this.stepPlaces = new Set(view.places);
    for (const layer of buildLayers(view, opts.style)) {
      const prev = this.layers.get(layer.id) as Props | undefined;
      const next = layer as unknown as Props;
      if (!prev) continue;
      changed = this.diffProps(layer.id, prev.paint as Props, next.paint as Props, 'paint') || changed;
      changed = this.diffProps(layer.id, prev.layout as Props, next.layout as Props, 'layout') || changed;
      if (json(prev.filter) !== json(next.filter)) {
        this.map.setFilter(layer.id, next.filter as never, { validate: false });
        changed = true;
      }
      this.layers.set(layer.id, layer);
    }
    const camera = json([view.camera, opts.padding]);
    if (camera !== this.lastCamera) {
      this.lastCamera = camera;
      changed = true;
      const [w, s, e, n] = view.camera;
      this.map.fitBounds(
        [
          [w, s],
          [e, n],
        ],
        { padding: opts.padding, duration: opts.instant ? 0 : 1400, essential: false },
      );
    }
    return changed;
  }

  /**
   * Changes go in unvalidated (`validate: false`): MapLibre's check re-serialises the whole style for every property
   * set (3–10 ms of a step change, measured), and every style this controller can be given (each step, theme,
   * language and screen shape) already passes MapLibre's own validator in tests/unit/style.test.ts.
   */
  private diffProps(id: string, prev: Props = {}, next: Props = {}, kind: 'paint' | 'layout'): boolean {
    let changed = false;
    for (const k of new Set([...Object.keys(prev), ...Object.keys(next)])) {
      if (json(prev[k]) === json(next[k])) continue;
      changed = true;
      if (kind === 'paint') this.map.setPaintProperty(id, k as never, next[k] as never, { validate: false });
      else this.map.setLayoutProperty(id, k as never, next[k] as never, { validate: false });
    }
    return changed;
  }

  private controls: (NavigationControl | ScaleControl | AttributionControl)[] = [];
  private lastUi = '';

  private addControls(ui: MapUi): void {
    this.lastUi = json(ui);
    this.controls.forEach((c) => this.map.removeControl(c));
    this.controls = [
      new NavigationControl({ showCompass: false }),
      new LocalScaleControl(ui.formatNumber),
      new AttributionControl({ compact: false, customAttribution: ui.attribution }),
    ];
    (['top-right', 'bottom-left', 'bottom-right'] as const).forEach((at, i) => this.map.addControl(this.controls[i]!, at));
  }

  /**
   * The reader switched language in place. MapLibre reads its UI strings from a table fixed at construction (no
   * setter; the community translations plugin patches the same private `_locale`), and its controls read them
   * when they are added (buttons' titles) or on each move (the scale's unit): so the table is patched and the
   * controls are made again, which also brings the credits into the new language.
   */
  setUi(ui: MapUi): void {
    if (json(ui) === this.lastUi) return;
    const m = this.map as unknown as { _locale: Record<string, string> };
    m._locale = { ...m._locale, ...ui.strings };
    const title = ui.strings['Map.Title'];
    if (title) this.map.getCanvas().setAttribute('aria-label', title);
    this.addControls(ui);
  }

  /**
   * The places and areas whose names MapLibre has placed on screen (names that collided, or were hidden as cut by the
   * map's edge or an overlay, are left out), by id: read back so tests can check that a step names what it talks about.
   */
  namedPlaces(): string[] {
    const ids = this.map
      .queryRenderedFeatures({ layers: NAME_LAYERS })
      .filter((f) => !f.state?.[CUT_STATE])
      .map((f) => f.properties.placeId ?? f.properties.id);
    return [...new Set(ids.filter((id): id is string => typeof id === 'string'))].sort();
  }

  private cut = new Map<string, { source: string; id: string | number }>();
  private cancelCutCheck = () => {};
  /**
   * The legend opening or closing changes what it covers, with no camera move (and no "idle") to say so. Sizes that
   * change during a move (the scale bar's, on every frame of a zoom) are left to the move's own idle: rescheduling the
   * check from inside each frame of a step's flight cost the frame time it does not have.
   */
  private overlayWatch = new ResizeObserver(() => {
    if (!this.map.isMoving()) this.scheduleCutCheck();
  });
  private watched = new WeakSet<Element>();

  private scheduleCutCheck(): void {
    this.cancelCutCheck();
    this.cancelCutCheck = whenIdle(() => this.hideCutNames(), 1000);
  }

  /**
   * What is drawn over the map: its own controls (zoom buttons, scale, credits) and the page's elements marked
   * `data-map-overlay` (the legend, "Save image"). A name partly under one is as cut as one running off the edge.
   */
  private overlays(): Element[] {
    return [...this.map.getContainer().querySelectorAll('.maplibregl-ctrl'), ...document.querySelectorAll('[data-map-overlay]')];
  }

  /**
   * Hides the names that are cut: by the map's edge ("Tehra", "KEY" for TURKEY; MapLibre places a name whose box is
   * partly off screen, and has no option against it) or by something drawn over the map. The SVG map never places
   * one (svgLabels.ts). A name is cut if its placed box (queryRenderedFeatures answers with those for symbols)
   * crosses a one-pixel strip along an edge or an overlay's box. It is hidden with feature state, a paint change:
   * nothing else is placed again, so no other name moves or can be cut in turn. Only changes are sent, because each
   * one makes MapLibre draw again and fire "idle" again.
   */
  private hideCutNames(): void {
    // Mid-move (the legend resizes as a step begins) the boxes are already stale; the move's own idle comes later.
    if (this.map.isMoving()) return;
    const frame = this.map.getContainer().getBoundingClientRect();
    const [w, h] = [frame.width, frame.height];
    if (!w || !h) return;
    const boxes: [[number, number], [number, number]][] = [
      [[0, 0], [w, 1]],
      [[0, h - 1], [w, h]],
      [[0, 0], [1, h]],
      [[w - 1, 0], [w, h]],
    ];
    for (const el of this.overlays()) {
      if (!this.watched.has(el) && !el.classList.contains('maplibregl-ctrl-scale')) {
        this.watched.add(el);
        this.overlayWatch.observe(el);
      }
      const r = el.getBoundingClientRect();
      const [x0, y0] = [Math.max(0, r.left - frame.left), Math.max(0, r.top - frame.top)];
      const [x1, y1] = [Math.min(w, r.right - frame.left), Math.min(h, r.bottom - frame.top)];
      if (x1 > x0 && y1 > y0) boxes.push([[x0, y0], [x1, y1]]);
    }
    const found = new Map<string, { source: string; id: string | number }>();
    for (const box of boxes)
      for (const f of this.map.queryRenderedFeatures(box, { layers: LABEL_LAYERS }))
        if (f.id !== undefined && !this.stepsOwn(f)) found.set(`${f.source}/${f.id}`, { source: f.source, id: f.id });
    for (const [key, target] of this.cut) if (!found.has(key)) this.map.setFeatureState(target, { [CUT_STATE]: false });
    for (const [key, target] of found) if (!this.cut.has(key)) this.map.setFeatureState(target, { [CUT_STATE]: true });
    this.cut = found;
  }

  /**
   * The step's own names (its towns, the areas its strikes hit) are never hidden: half of a name the step is about
   * says more than none, and keeping them clear of the edges is the step camera's job (labels.spec.ts checks).
   */
  private stepsOwn(f: MapGeoJSONFeature): boolean {
    if (f.layer.id === 'event-area-labels-current') return true;
    return this.stepPlaces.has(f.properties.id);
  }

  private showCutNames(): void {
    for (const target of this.cut.values()) this.map.setFeatureState(target, { [CUT_STATE]: false });
    this.cut.clear();
  }

  /** Draw again; MapLibre fires "idle" after it (onIdle), also when nothing changed. */
  repaint(): void {
    this.map.triggerRepaint();
  }

  resize(): void {
    this.map.resize();
  }

  /**
   * A copy of the frame on screen, for "Save image". The drawing buffer is not preserved between frames (preserving
   * it costs every frame a copy, and a read-back where the GPU is emulated), so the copy is taken inside a render,
   * while the frame is still in the buffer.
   */
  snapshot(): Promise<HTMLCanvasElement> {
    return new Promise((resolve) => {
      this.map.once('render', () => {
        const src = this.map.getCanvas();
        const copy = document.createElement('canvas');
        copy.width = src.width;
        copy.height = src.height;
        copy.getContext('2d')!.drawImage(src, 0, 0);
        resolve(copy);
      });
      this.map.triggerRepaint();
    });
  }

  destroy(): void {
    this.cancelCutCheck();
    this.overlayWatch.disconnect();
    this.map.remove();
  }
}
