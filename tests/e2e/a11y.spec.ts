/**
 * Accessibility in every mode and language: axe-core finds no WCAG 2.2 A/AA violation; a keyboard-only reader can
 * walk the whole story; step changes are announced once; reduced motion removes animation; right-to-left pages
 * render mirrored and are screenshotted for review.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { EN, STEP_IDS, localeData, mapLocator, waitForMapReady } from './helpers';

const LANGS = ['en', 'ar', 'fa', 'ckb'] as const;
const MODES = [
  { name: 'explainer', query: '' },
  { name: 'present', query: 'mode=present' },
  { name: 'embed', query: 'mode=embed&step=strikes-september' },
  { name: 'builder', query: 'mode=builder' },
] as const;

async function axe(page: Page) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    // The builder's live preview is our own embed, checked on its own.
    .exclude('[data-testid=embed-preview]')
    .analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

for (const mode of MODES) {
  for (const lang of LANGS) {
    test(`axe: no WCAG 2.2 A/AA violations in ${mode.name} (${lang})`, async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(`./?${[mode.query, lang === 'en' ? '' : `lang=${lang}`].filter(Boolean).join('&')}`);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      // Let the map draw (SVG at once; MapLibre after the first interaction), then check the page as a reader sees it.
      if (mode.name !== 'builder') await expect(mapLocator(page)).toHaveAttribute('data-state', /ready|loading|fallback/);
      await page.mouse.move(5, 5);
      await page.waitForTimeout(300);
      expect(await axe(page)).toEqual([]);
    });
  }
}

test('axe: the open event dialog and the dark theme have no violations', async ({ page }) => {
  await page.goto('./?step=strikes-september&theme=dark');
  await page.locator('article.step.active .event-btn').first().click();
  await expect(page.locator('dialog[open]')).toBeVisible();
  expect(await axe(page)).toEqual([]);
});

test('keyboard only: skip link, then the slider walks the whole story, with a visible focus', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./');
  await page.keyboard.press('Tab');
  const skip = page.locator(':focus');
  await expect(skip).toHaveText(EN.ui.skipToContent!);
  // Tab until the slider has focus (no trap on the way: focus keeps moving).
  // Each Tab must reach an element not focused before (no trap, no loop) until the slider.
  let role = '';
  let revisited = 0;
  for (let i = 0; i < 60 && role !== 'slider'; i++) {
    await page.keyboard.press('Tab');
    [role, revisited] = await page.evaluate((r) => {
      const el = document.activeElement as HTMLElement;
      const again = el.dataset.kbSeen === '1' ? 1 : 0;
      el.dataset.kbSeen = '1';
      return [el.getAttribute('role') ?? '', r + again] as [string, number];
    }, revisited);
  }
  expect(role).toBe('slider');
  expect(revisited).toBe(0);
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).not.toBe('none');
  // Focusing the slider may scroll the page (and so the story) a little: walk on from wherever that left us.
  await page.waitForTimeout(800);
  const start = STEP_IDS.indexOf((await mapLocator(page).getAttribute('data-step'))!);
  for (let i = start + 1; i < STEP_IDS.length; i++) {
    await page.keyboard.press('ArrowRight');
    await expect(mapLocator(page)).toHaveAttribute('data-step', STEP_IDS[i]!);
    await expect(page.locator('[role=slider]')).toBeFocused();
  }
  await page.keyboard.press('Home');
  await expect(mapLocator(page)).toHaveAttribute('data-step', STEP_IDS[0]!);
});

test('keyboard only: every strike opens from the events table and the dialog closes with Escape', async ({ page }) => {
  await page.goto('./');
  const buttons = page.locator('#events tbody th button');
  // The table is built just after the first view (src/lib/modes/Explainer.svelte).
  await expect(buttons.first()).toBeAttached();
  const n = await buttons.count();
  expect(n).toBeGreaterThan(5);
  for (let i = 0; i < n; i++) {
    await buttons.nth(i).focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('dialog[open] h2')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.locator('dialog[open]')).toHaveCount(0);
    await expect(buttons.nth(i)).toBeFocused();
  }
});

test('the map itself is keyboard-operable once focused (pan and zoom keys)', async ({ page }) => {
  await page.goto('./?step=the-border');
  await page.mouse.move(5, 5);
  await expect(mapLocator(page)).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  const before = await mapLocator(page).getAttribute('data-zoom');
  await page.locator('.maplibregl-canvas').focus();
  await page.keyboard.press('=');
  await expect.poll(() => mapLocator(page).getAttribute('data-zoom'), { timeout: 15_000 }).not.toBe(before);
});

test('each step change from the controls is announced once, concisely', async ({ page }) => {
  await page.goto('./');
  const announcer = page.getByTestId('announcer');
  await expect(announcer).toHaveText('');
  // Bring the controls into view first (that scroll is reading, not announced), then press Next.
  await page.getByTestId('next').first().scrollIntoViewIfNeeded();
  await page.waitForTimeout(600);
  const from = STEP_IDS.indexOf((await mapLocator(page).getAttribute('data-step'))!);
  await page.getByTestId('next').first().click();
  const expected = `Step ${from + 2} of ${STEP_IDS.length}: ${EN.steps[STEP_IDS[from + 1]!]!.title}`;
  await expect(announcer).toHaveText(expected);
  await expect(page.locator('[aria-live=polite], [aria-live=assertive]')).toHaveCount(1);
  // Scrolling the story is reading it: no announcement for steps the reader scrolls to.
  await page.locator(`article.step[data-step-id="${STEP_IDS[3]}"]`).scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 200);
  await page.waitForTimeout(800);
  await expect(announcer).toHaveText(expected);
});

test.describe('reduced motion', () => {
  test.use({ reducedMotion: 'reduce' });

  test('steps jump instead of scrolling or flying, and nothing plays by itself', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('./');
    await page.getByTestId('next').first().click();
    // The page is already at the new card on the next frame: no smooth scroll.
    const y1 = await page.evaluate(() => new Promise<number>((r) => requestAnimationFrame(() => r(window.scrollY))));
    const y2 = await page.evaluate(() => new Promise<number>((r) => setTimeout(() => r(window.scrollY), 300)));
    expect(y1).toBeGreaterThan(0);
    expect(y2).toBe(y1);
    const transition = await page.locator('article.step .card').first().evaluate((el) => parseFloat(getComputedStyle(el).transitionDuration));
    expect(transition).toBeLessThan(0.01);
    const step = await mapLocator(page).getAttribute('data-step');
    await page.waitForTimeout(6000);
    expect(await mapLocator(page).getAttribute('data-step')).toBe(step);
  });
});

for (const [lang, size] of [
  ['ar', { width: 1440, height: 900 }],
  ['fa', { width: 375, height: 812 }],
  ['ckb', { width: 1024, height: 768 }],
] as const) {
  test(`right-to-left layout in ${lang} at ${size.width}px: mirrored, no overflow (screenshot)`, async ({ page }) => {
    await page.setViewportSize(size);
    await page.goto(`./?lang=${lang}&step=strikes-september`);
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await page.mouse.move(5, 5);
    await expect(mapLocator(page)).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    if (size.width >= 900) {
      // Cards on the right, map on the left: the layout mirrors.
      const card = (await page.locator('article.step.active .card').boundingBox())!;
      const map = (await mapLocator(page).boundingBox())!;
      expect(card.x).toBeGreaterThan(map.x);
    }
    await page.screenshot({ path: `screenshots/rtl-${lang}-${size.width}.png` });
    await page.goto(`./?lang=${lang}&mode=present&step=accord-2023`);
    await page.screenshot({ path: `screenshots/rtl-${lang}-present-${size.width}.png` });
  });
}

test('Persian shows Solar Hijri dates in Persian digits on the card and the slider', async ({ page }) => {
  await page.goto('./?lang=fa&step=amini-protests');
  await expect(page.locator('article.step[data-step-id=amini-protests] .kicker time')).toContainText('شهریور ۱۴۰۱');
  await expect(page.locator('article.step[data-step-id=amini-protests] .kicker time')).toContainText('۲۵');
  await expect(page.locator('[role=slider]')).toHaveAttribute('aria-valuetext', /۲۶ شهریور ۱۴۰۱/);
});

test('Sorani dates and numbers are Kurdish in Chromium too (which ships no ckb locale data)', async ({ page }) => {
  await page.goto('./?lang=ckb&step=strikes-september');
  await expect(page.locator('article.step[data-step-id=strikes-september] .kicker time')).toContainText('ئەیلوول');
  await expect(page.locator('article.step[data-step-id=strikes-september] .kicker time')).not.toContainText('September');
  await expect(page.locator('nav.step-nav .count')).toContainText('٣');
});

// MapLibre's own words (zoom buttons, the scale bar, the credits) stayed English on every page, and the credits kept
// the first language after an in-place switch.
test('the map’s controls, scale bar and credits speak the reader’s language, also after switching in place', async ({ page }) => {
  const fa = localeData('fa');
  const words = () =>
    page.evaluate(() => ({
      zoomIn: document.querySelector('.maplibregl-ctrl-zoom-in')?.getAttribute('title'),
      // The credits' fold button, in the accessibility tree where MapLibre folds them (it read "Toggle attribution").
      creditsButton: document.querySelector('.maplibregl-ctrl-attrib-button')?.getAttribute('title'),
      scale: document.querySelector('.maplibregl-ctrl-scale')?.textContent,
      credits: document.querySelector('.maplibregl-ctrl-attrib')?.textContent,
      canvas: document.querySelector('.maplibregl-canvas')?.getAttribute('aria-label'),
    }));
  await page.goto('./index.fa.html?step=accord-2023');
  await waitForMapReady(page, 'accord-2023');
  let w = await words();
  expect(w.zoomIn).toBe(fa.ui.zoomIn);
  expect(w.creditsButton).toBe(fa.ui.toggleCredits);
  expect(w.scale).toMatch(/^[۰-۹]+\s+کیلومتر$/);
  expect(w.credits).toContain(fa.ui.attribution);
  expect(w.canvas).toBe(fa.ui.mapLabel);
  await page.locator('nav.lang-switch a[hreflang=en]').first().click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect.poll(async () => (await words()).zoomIn).toBe(EN.ui.zoomIn);
  w = await words();
  expect(w.creditsButton).toBe(EN.ui.toggleCredits);
  expect(w.scale).toMatch(/^\d+\s+km$/);
  expect(w.credits).toContain(EN.ui.attribution);
  expect(w.credits).not.toContain(fa.ui.attribution);
  expect(w.canvas).toBe(EN.ui.mapLabel);
});

test('in the scrolling explainer the mouse wheel over the map scrolls the story instead of zooming the map', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('./?step=strikes-september');
  await page.mouse.move(1000, 450);
  await expect(mapLocator(page)).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  const zoom = await mapLocator(page).getAttribute('data-zoom');
  const y0 = await page.evaluate(() => window.scrollY);
  for (let i = 0; i < 5; i++) await page.mouse.wheel(0, 120);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(y0 + 300);
  await expect(mapLocator(page)).toHaveAttribute('data-zoom', zoom!);
});

// On a phone the words "Save image" covered a town's name on the map (Mahabad at the strikes steps).
test('on a phone the map’s Save image is an icon no wider than the zoom buttons, still named in words, and saves', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto('./?step=strikes-september');
  await waitForMapReady(page, 'strikes-september');
  const save = page.getByRole('button', { name: EN.ui.saveImage });
  await expect(save).toBeVisible();
  const b = (await save.boundingBox())!;
  const zoomOut = (await page.locator('.maplibregl-ctrl-zoom-out').boundingBox())!;
  expect(b.width, 'button width').toBeLessThanOrEqual(zoomOut.width + 4);
  expect(b.y, 'below the zoom buttons').toBeGreaterThanOrEqual(zoomOut.y + zoomOut.height);
  await expect(save).toHaveAttribute('title', EN.ui.saveImage!);
  const [download] = await Promise.all([page.waitForEvent('download'), save.click()]);
  expect(download.suggestedFilename()).toBe('iran-iraq-border-strikes-september.png');
});
