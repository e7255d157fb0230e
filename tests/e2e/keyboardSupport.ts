import { expect, type Locator, type Page } from '@playwright/test';

/** What the focused control looks like to someone who cannot see a pointer. */
export interface FocusLook {
  /** A short description of the focused element, for failure messages. */
  element: string;
  /** null: focus is on the page itself (lost). */
  ringContrast: number | null;
  ringWidth: number;
  /** Another element (a sticky bar, a notice) covers the control's middle. */
  obscured: boolean;
}

/**
 * Reads the focus indicator of the focused element (or of the label tile that
 * shows focus for it) and its contrast against what surrounds it: the
 * nearest backgrounds behind it, composited, as WCAG 1.4.11 measures.
 */
export function readFocus(page: Page): Promise<FocusLook> {
  return page.evaluate(() => {
    type Rgba = [number, number, number, number];
    // Any CSS colour (rgb, oklab from colour-mix, transparent) as the canvas paints it.
    const ctx = Object.assign(document.createElement('canvas'), { width: 1, height: 1 }).getContext('2d', { willReadFrequently: true })!;
    const parse = (css: string): Rgba => {
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = css;
      ctx.fillRect(0, 0, 1, 1);
      const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
      return [r, g, b, a / 255];
    };
    const luminance = ([r, g, b]: Rgba) => {
      const lin = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const over = (top: Rgba, below: Rgba): Rgba => {
      const a = top[3];
      return [top[0] * a + below[0] * (1 - a), top[1] * a + below[1] * (1 - a), top[2] * a + below[2] * (1 - a), 1];
    };
    const backdrop = (from: Element | null): Rgba => {
      const layers: Rgba[] = [];
      for (let node = from; node; node = node.parentElement) {
        const colour = parse(getComputedStyle(node).backgroundColor);
        if (colour[3] > 0) layers.push(colour);
        if (colour[3] >= 1) break;
      }
      return layers.reduceRight<Rgba>((below, top) => over(top, below), [255, 255, 255, 1]);
    };
    const el = document.activeElement;
    if (!el || el === document.body) return { element: 'body', ringContrast: null, ringWidth: 0, obscured: false };
    const element = `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`;
    const shows = (e: Element | null) => !!e && getComputedStyle(e).outlineStyle !== 'none' && parseFloat(getComputedStyle(e).outlineWidth) > 0;
    const indicator = [el, el.closest('label')].find(shows);
    if (!indicator) return { element, ringContrast: 0, ringWidth: 0, obscured: false };
    const style = getComputedStyle(indicator);
    const ring = parse(style.outlineColor);
    const behind = backdrop(indicator.parentElement);
    const [hi, lo] = [luminance(ring), luminance(behind)].sort((a, b) => b - a);
    const box = el.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    const obscured = !!hit && !el.contains(hit) && !hit.contains(el);
    return { element, ringContrast: (hi + 0.05) / (lo + 0.05), ringWidth: parseFloat(style.outlineWidth), obscured };
  });
}

/** Focus must be on a control, with a ring at least 2 px wide and 3:1 against its surroundings, not covered. */
export async function expectVisibleFocus(page: Page): Promise<FocusLook> {
  const look = await readFocus(page);
  expect(look.ringContrast, `focus lost (on ${look.element})`).not.toBeNull();
  expect(look.ringWidth, `focus ring width on ${look.element}`).toBeGreaterThanOrEqual(2);
  expect(look.ringContrast!, `focus ring contrast on ${look.element}`).toBeGreaterThanOrEqual(3);
  expect(look.obscured, `${look.element} is covered while focused`).toBe(false);
  return look;
}

/**
 * Presses Tab (or Shift+Tab) until `target` has focus, checking the focus ring
 * of every control passed on the way. Fails after `max` presses.
 */
export async function tabTo(page: Page, target: Locator, { backwards = false, max = 120 } = {}): Promise<string[]> {
  const passed: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const look = await expectVisibleFocus(page);
    passed.push(look.element);
    if (await target.evaluate((el) => el === document.activeElement)) return passed;
  }
  throw new Error(`${max} presses of ${backwards ? 'Shift+Tab' : 'Tab'} never reached ${target}; passed ${passed.slice(-8).join(', ')}`);
}
