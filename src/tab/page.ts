import { pageColours, type TeamsTheme } from "./host-config";

/** Show a message in the page's status line (its role="status" element), or clear it. */
export function say(message: string, kind: "info" | "error" = "info"): void {
  const s = document.getElementById("status")!;
  s.textContent = message;
  s.className = kind === "error" ? "status error" : message ? "status" : "status empty";
}

/** Colour the page (not the cards: their host config does that) for a Teams theme. */
export function applyPageTheme(theme: TeamsTheme): void {
  const root = document.documentElement;
  root.dataset["theme"] = theme;
  for (const [name, value] of Object.entries(pageColours(theme))) root.style.setProperty(`--${name}`, value);
}
