/**
 * "Save image": the map as shown, with the title, date, legend and attribution drawn into the picture, so a teacher
 * can drop it on a slide and the credit travels with it.
 */
import type { LegendKey } from '../story/resolve';
import { PALETTES, strikeMarker, type Theme } from './palette';

export interface PngText {
  title: string;
  date: string;
  legend: { key: LegendKey; label: string }[];
  attribution: string;
  site: string;
  /** Between the credits and the site's name: the language's own (a middle dot reads as zero beside Persian digits). */
  sep: string;
  rtl: boolean;
}

const FONT = '"Noto Sans", "Noto Sans Arabic", sans-serif';

function swatch(ctx: CanvasRenderingContext2D, key: LegendKey, x: number, y: number, theme: Theme) {
  const p = PALETTES[theme];
  const line = (color: string, w: number, alpha = 1) => {
    ctx.globalAlpha = alpha;
    ctx.strokeStyle = color;
    ctx.lineWidth = w;
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(x + 26, y);
    ctx.stroke();
    ctx.globalAlpha = 1;
  };
  const dot = (r: number, fill: string | null, stroke: string | null, w = 1.5, dash: number[] = []) => {
    ctx.beginPath();
    ctx.arc(x + 13, y, r, 0, Math.PI * 2);
    if (fill) {
      ctx.fillStyle = fill;
      ctx.fill();
    }
    if (stroke) {
      ctx.setLineDash(dash);
      ctx.strokeStyle = stroke;
      ctx.lineWidth = w;
      ctx.stroke();
      ctx.setLineDash([]);
    }
  };
  switch (key) {
    case 'border': line(p.borderHalo, 6); line(p.border, 3); break;
    case 'border-kri': line(p.borderKri, 9, 0.45); line(p.border, 3); break;
    case 'border-scales': line(p.scale110, 4); break;
    case 'kri': ctx.fillStyle = p.kri; ctx.globalAlpha = p.kriFillOpacity; ctx.fillRect(x, y - 7, 26, 14); ctx.globalAlpha = 1; ctx.strokeStyle = p.kri; ctx.lineWidth = 1.5; ctx.strokeRect(x, y - 7, 26, 14); break;
    case 'kri-governorates': line(p.kri, 1); break;
    case 'ir-provinces': ctx.fillStyle = p.irProvince; ctx.globalAlpha = p.irFillOpacity + 0.1; ctx.fillRect(x, y - 7, 26, 14); ctx.globalAlpha = 1; break;
    case 'strike': dot(8, p.strike, p.strikeStroke); break;
    case 'strike-unknown': dot(6, p.strike, p.strikeStroke); break;
    case 'strike-earlier': {
      const m = strikeMarker(p, false);
      ctx.globalAlpha = m.fillOpacity;
      dot(6, m.fill, null);
      ctx.globalAlpha = 1;
      dot(6, null, m.stroke, m.strokeWidth);
      break;
    }
    case 'area': dot(8, null, p.strike, 1.5, [3, 2]); break;
    case 'context': dot(6, null, p.context, 2); break;
    case 'crossing': dot(5, p.crossing, p.labelHalo); break;
  }
}

export async function composeMapPng(map: HTMLCanvasElement, text: PngText, theme: Theme): Promise<Blob> {
  await document.fonts?.ready;
  const scale = 2;
  const w = Math.round(map.clientWidth || map.width / scale);
  const mapH = Math.round(map.clientHeight || map.height / scale);
  const head = 78;
  const cols = Math.max(1, Math.floor(w / 280));
  const rows = Math.ceil(text.legend.length / cols);
  const foot = 20 + rows * 26 + 34;
  const out = document.createElement('canvas');
  out.width = w * scale;
  out.height = (head + mapH + foot) * scale;
  const ctx = out.getContext('2d')!;
  ctx.scale(scale, scale);
  const p = PALETTES[theme];
  ctx.fillStyle = theme === 'dark' ? '#15191d' : '#ffffff';
  ctx.fillRect(0, 0, w, head + mapH + foot);
  ctx.direction = text.rtl ? 'rtl' : 'ltr';
  ctx.textAlign = 'start';
  const startX = (pad: number) => (text.rtl ? w - pad : pad);
  ctx.fillStyle = p.label;
  ctx.font = `700 24px ${FONT}`;
  ctx.fillText(text.title, startX(16), 36, w - 32);
  ctx.font = `400 16px ${FONT}`;
  ctx.fillStyle = theme === 'dark' ? '#cfd3d7' : '#4a4a4a';
  ctx.fillText(text.date, startX(16), 62, w - 32);
  ctx.drawImage(map, 0, head, w, mapH);
  ctx.font = `400 14px ${FONT}`;
  text.legend.forEach((item, i) => {
    const col = i % cols;
    const row = Math.floor(i / cols);
    const cw = w / cols;
    const y = head + mapH + 22 + row * 26;
    const x0 = text.rtl ? w - 16 - col * cw - 26 : 16 + col * cw;
    swatch(ctx, item.key, x0, y, theme);
    ctx.fillStyle = p.label;
    ctx.fillText(item.label, text.rtl ? x0 - 8 : x0 + 34, y + 5, cw - 50);
  });
  ctx.font = `400 12px ${FONT}`;
  ctx.fillStyle = theme === 'dark' ? '#a9afb5' : '#555555';
  ctx.fillText(`${text.attribution}${text.sep}${text.site}`, startX(16), head + mapH + foot - 12, w - 32);
  return new Promise((resolve, reject) => out.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob failed'))), 'image/png'));
}

/** Offer a blob as a download. Sandboxed frames may refuse downloads: then nothing happens. */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
