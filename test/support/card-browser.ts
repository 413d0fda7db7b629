/**
 * Renders Adaptive Cards with the real `adaptivecards` JS renderer in headless Chromium, under one
 * of Teams' three themes, and reads back what a person sees or a screen reader hears.
 *
 * The host configs in ./host-config/ model Teams' own:
 * - default: the published Teams light host config (Adaptive Cards designer): card #FFFFFF, text
 *   #252424 (subtle 75 %), accent #6264A7, good #92C353, warning #F8D22A, attention #C4314B,
 *   emphasis #F9F8F7 and pastel status containers.
 * - dark: card #292929 with white text (new Teams' dark background), emphasis #1F1F1F, and the
 *   published Teams dark colours (accent #A6A7DC, good #92C353, warning #F8D22A, attention #D74654).
 * - high-contrast: black everywhere, white text, Teams' high-contrast palette (cyan #1AEBFF,
 *   green #3FF23F, yellow #FFFF01, red #FF0000).
 * The page around the card is painted like Teams' message pane in that theme, buttons included.
 *
 * Everything stays on 127.0.0.1: the page is set with page.setContent, the renderer is injected
 * from node_modules, and launchBrowser aborts any other request.
 */
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { launchBrowser, type BrowserSession } from "../e2e/playground";
import defaultTheme from "./host-config/default.json";
import darkTheme from "./host-config/dark.json";
import highContrastTheme from "./host-config/high-contrast.json";

export const THEMES = {
  default: { hostConfig: defaultTheme, page: "#FFFFFF", text: "#242424", buttonBg: "#FFFFFF", buttonText: "#242424", border: "#D1D1D1" },
  dark: { hostConfig: darkTheme, page: "#292929", text: "#FFFFFF", buttonBg: "#292929", buttonText: "#FFFFFF", border: "#666666" },
  "high-contrast": { hostConfig: highContrastTheme, page: "#000000", text: "#FFFFFF", buttonBg: "#000000", buttonText: "#FFFFFF", border: "#FFFFFF" },
} as const;
export type ThemeName = keyof typeof THEMES;

const RENDERER = createRequire(__filename).resolve("adaptivecards/dist/adaptivecards.min.js");

export interface CardBrowser {
  session: BrowserSession;
  /** Render `card` alone on the page under `theme`. */
  render(card: object, theme: ThemeName): Promise<Page>;
  close(): Promise<void>;
}

export async function openCardBrowser(): Promise<CardBrowser> {
  const session = await launchBrowser();
  const { page } = session;
  return {
    session,
    async render(card, theme) {
      const t = THEMES[theme];
      const css = `
        html, body { margin: 0; background: ${t.page}; color: ${t.text}; font-family: system-ui, sans-serif; }
        #card { width: 560px; margin: 16px; }
        .ac-pushButton, button { background: ${t.buttonBg}; color: ${t.buttonText}; border: 1px solid ${t.border};
          border-radius: 4px; padding: 5px 12px; font: 600 14px system-ui, sans-serif; }
        input, textarea, select { background: ${t.page}; color: ${t.text}; border: 1px solid ${t.border}; }`;
      await page.setContent(`<!doctype html><html lang="en-GB"><head><style>${css}</style></head><body><div id="card"></div></body></html>`);
      await page.addScriptTag({ path: RENDERER });
      const error = await page.evaluate(
        ({ card, hostConfig }) => {
          const AC = (window as any).AdaptiveCards;
          const ac = new AC.AdaptiveCard();
          ac.hostConfig = new AC.HostConfig(hostConfig);
          const ctx = new AC.SerializationContext(new AC.Version(1, 5));
          ac.parse(card, ctx);
          const el = ac.render();
          if (!el) return "the renderer returned nothing";
          document.getElementById("card")!.appendChild(el);
          (window as any).__card = ac;
          return "";
        },
        { card, hostConfig: t.hostConfig },
      );
      if (error) throw new Error(error);
      return page;
    },
    close: () => session.close(),
  };
}

/**
 * Measure the card as shown, then with each of its Action.ShowCard buttons opened in turn (only one
 * shows at a time), so the text inside those is measured too.
 */
export async function measureWithShowCards(page: Page): Promise<TextContrast[]> {
  const all = await measureContrast(page);
  const toggles = page.locator("#card button[aria-expanded]");
  for (let i = 0, n = Math.min(await toggles.count(), 10); i < n; i++) {
    if ((await toggles.nth(i).getAttribute("aria-expanded")) === "false") await toggles.nth(i).click();
    all.push(...(await measureContrast(page)));
  }
  return all;
}

export interface TextContrast {
  text: string;
  ratio: number;
  colour: string;
  background: string;
  fontSizePx: number;
  fontWeight: number;
  large: boolean;
  /**
   * The "*" the renderer adds to a required input's label from the host config (aria-hidden):
   * Teams draws it in its own attention colour; no card can change it.
   */
  requiredMark: boolean;
}

/**
 * Every visible text on the page (text nodes, and the values shown inside inputs), with the WCAG 2.2
 * contrast ratio of its colour against its effective background: the first ancestor whose computed
 * background is not transparent (semi-transparent layers are blended in). "Large" text is WCAG's:
 * at least 24 px, or at least 18.66 px and bold (700 or more).
 */
export async function measureContrast(page: Page): Promise<TextContrast[]> {
  return page.evaluate(() => {
    type RGBA = [number, number, number, number];
    const parse = (c: string): RGBA => {
      const m = /rgba?\(([^)]+)\)/.exec(c);
      if (!m) return [0, 0, 0, 0];
      const p = m[1]!.split(/[\s,/]+/).filter(Boolean).map(Number);
      return [p[0]!, p[1]!, p[2]!, p.length > 3 ? p[3]! : 1];
    };
    const over = (top: RGBA, bottom: RGBA): RGBA => {
      const a = top[3];
      return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1];
    };
    const background = (el: Element | null): RGBA => {
      const layers: RGBA[] = [];
      for (let e = el; e; e = e.parentElement) {
        const bg = parse(getComputedStyle(e).backgroundColor);
        if (bg[3] > 0) {
          layers.push(bg);
          if (bg[3] >= 1) break;
        }
      }
      let result: RGBA = [255, 255, 255, 1];
      for (const layer of layers.reverse()) result = over(layer, result);
      return result;
    };
    const lum = (c: RGBA) => {
      const f = (v: number) => {
        const s = v / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
    };
    const hex = (c: RGBA) => "#" + c.slice(0, 3).map((v) => Math.round(v).toString(16).padStart(2, "0")).join("").toUpperCase();
    const measure = (el: Element, text: string) => {
      const style = getComputedStyle(el);
      const bg = background(el);
      const fg = over(parse(style.color), bg);
      const [l1, l2] = [lum(fg), lum(bg)].sort((a, b) => b - a) as [number, number];
      const size = parseFloat(style.fontSize);
      const weight = Number(style.fontWeight) || 400;
      return {
        text: text.replace(/\s+/g, " ").trim(),
        ratio: Math.round(((l1 + 0.05) / (l2 + 0.05)) * 100) / 100,
        colour: hex(fg),
        background: hex(bg),
        fontSizePx: size,
        fontWeight: weight,
        large: size >= 24 || (size >= 18.66 && weight >= 700),
        requiredMark: text.trim() === "*" && Boolean(el.closest("label")) && Boolean(el.closest('[aria-hidden="true"]')),
      };
    };
    const visible = (el: Element) => {
      const s = getComputedStyle(el);
      return s.visibility !== "hidden" && s.display !== "none" && el.getClientRects().length > 0 && Number(s.opacity) > 0;
    };
    const out: ReturnType<typeof measure>[] = [];
    const root = document.getElementById("card")!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !n.textContent?.trim() || !visible(el)) continue;
      if (el.closest("option, select, script, style")) continue;
      out.push(measure(el, n.textContent));
    }
    // Values shown in inputs and drop-downs are text too.
    for (const el of Array.from(root.querySelectorAll<HTMLInputElement | HTMLSelectElement>("input[type=text], input[type=number], input[type=date], input:not([type]), select"))) {
      const text = el instanceof HTMLSelectElement ? (el.selectedOptions[0]?.text ?? "") : el.value || el.placeholder;
      if (text.trim() && visible(el)) out.push(measure(el, text));
    }
    return out;
  });
}

/** What a screen reader announces as the name of `selector`'s elements: aria-labelledby, aria-label, then text. */
export async function accessibleNames(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((els) =>
    els.map((el) => {
      const ids = el.getAttribute("aria-labelledby");
      if (ids) return ids.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? "").join(" ").replace(/\s+/g, " ").trim();
      return (el.getAttribute("aria-label") ?? el.textContent ?? "").replace(/\s+/g, " ").trim();
    }),
  );
}
