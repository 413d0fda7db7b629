/**
 * Adaptive Card host configs for the three Teams themes. The page picks one from the Teams context
 * (default, dark, contrast). Colours follow Teams' own palettes closely enough for cards to sit
 * naturally in the tab; contrast uses only black, white, yellow and cyan.
 *
 * Note for merging: cards/host-config/ may hold shared host configs later; this file is the tab's own.
 */
export type TeamsTheme = "default" | "dark" | "contrast";

interface Palette {
  background: string;
  emphasis: string;
  text: string;
  subtle: string;
  accent: string;
  good: string;
  warning: string;
  attention: string;
  goodBackground: string;
  warningBackground: string;
  attentionBackground: string;
  accentBackground: string;
}

const PALETTES: Record<TeamsTheme, Palette> = {
  default: {
    background: "#FFFFFF",
    emphasis: "#F5F5F5",
    text: "#242424",
    subtle: "#616161",
    accent: "#5B5FC7",
    good: "#0E700E",
    warning: "#835B00",
    attention: "#C4314B",
    goodBackground: "#E7F2DA",
    warningBackground: "#FBF6D9",
    attentionBackground: "#FCF4F6",
    accentBackground: "#E8EBFA",
  },
  dark: {
    background: "#292929",
    emphasis: "#1F1F1F",
    text: "#FFFFFF",
    subtle: "#ADADAD",
    accent: "#7F85F5",
    good: "#92C353",
    warning: "#F8D22A",
    attention: "#F9526B",
    goodBackground: "#0D2E0D",
    warningBackground: "#463100",
    attentionBackground: "#3E1F25",
    accentBackground: "#2F2F4A",
  },
  contrast: {
    background: "#000000",
    emphasis: "#000000",
    text: "#FFFFFF",
    subtle: "#FFFFFF",
    accent: "#1AEBFF",
    good: "#3FF23F",
    warning: "#FFFF01",
    attention: "#FFFF01",
    goodBackground: "#000000",
    warningBackground: "#000000",
    attentionBackground: "#000000",
    accentBackground: "#000000",
  },
};

const colours = (p: Palette, text: string) => ({
  default: { default: text, subtle: p.subtle },
  dark: { default: text, subtle: p.subtle },
  light: { default: p.background, subtle: p.subtle },
  accent: { default: p.accent, subtle: p.accent },
  good: { default: p.good, subtle: p.good },
  warning: { default: p.warning, subtle: p.warning },
  attention: { default: p.attention, subtle: p.attention },
});

/** The host config JSON for a theme (passed to new HostConfig(...)). */
export function hostConfigFor(theme: TeamsTheme): Record<string, unknown> {
  const p = PALETTES[theme];
  const container = (backgroundColor: string, borderColor?: string) => ({
    backgroundColor,
    ...(borderColor ? { borderColor } : {}),
    foregroundColors: colours(p, p.text),
  });
  return {
    fontFamily: "'Segoe UI', system-ui, -apple-system, sans-serif",
    supportsInteractivity: true,
    spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
    separator: { lineThickness: 1, lineColor: theme === "contrast" ? "#FFFFFF" : p.subtle },
    fontSizes: { small: 12, default: 14, medium: 16, large: 20, extraLarge: 24 },
    fontWeights: { lighter: 300, default: 400, bolder: 600 },
    containerStyles: {
      default: container(p.background),
      emphasis: container(p.emphasis),
      accent: container(p.accentBackground),
      good: container(p.goodBackground),
      warning: container(p.warningBackground),
      attention: container(p.attentionBackground),
    },
    actions: { maxActions: 6, spacing: "default", buttonSpacing: 8, actionsOrientation: "horizontal", actionAlignment: "left", showCard: { actionMode: "inline", inlineTopMargin: 8 } },
    adaptiveCard: { allowCustomStyle: true },
    factSet: {
      title: { color: "default", size: "default", isSubtle: false, weight: "bolder", wrap: true },
      value: { color: "default", size: "default", isSubtle: false, weight: "default", wrap: true },
      spacing: 8,
    },
  };
}

/** The CSS colours the page itself uses around the cards, per theme. */
export function pageColours(theme: TeamsTheme): { background: string; text: string; accent: string; subtle: string } {
  const p = PALETTES[theme];
  return { background: theme === "default" ? "#F5F5F5" : theme === "dark" ? "#1F1F1F" : "#000000", text: p.text, accent: p.accent, subtle: p.subtle };
}

/** Teams names its themes "default", "dark" and "contrast"; anything else falls back to default. */
export function themeOf(raw: string | null | undefined): TeamsTheme {
  return raw === "dark" || raw === "contrast" ? raw : "default";
}
