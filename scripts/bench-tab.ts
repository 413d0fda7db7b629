import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { TAB_OUT_DIR } from "./build-tab";

/** The tab's first-load JavaScript target, gzipped. */
export const TAB_JS_TARGET_BYTES = 250 * 1024;

const STATIC_IMPORT = /(?:import|from)\s*"\.\/([A-Za-z0-9_-]+\.js)"/g;
const DYNAMIC_IMPORT = /import\("\.\/([A-Za-z0-9_-]+\.js)"\)/g;

const gz = (name: string) => gzipSync(readFileSync(join(TAB_OUT_DIR, name)), { level: 9 }).length;

/** A page's script and every chunk it loads, statically and (optionally) dynamically. */
function closure(entry: string, withDynamic: boolean): Set<string> {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const code = readFileSync(join(TAB_OUT_DIR, name), "utf8");
    for (const m of code.matchAll(STATIC_IMPORT)) visit(m[1]!);
    if (withDynamic) for (const m of code.matchAll(DYNAMIC_IMPORT)) visit(m[1]!);
  };
  visit(entry);
  return seen;
}

/** Print the personal tab's first-load JavaScript, gzipped (built by npm run build). */
export function benchTab(): { outsideTeams: number; inTeams: number } {
  if (!existsSync(join(TAB_OUT_DIR, "personal.js"))) throw new Error("dist/tab/public/personal.js is missing: run npm run build");
  const sum = (files: Set<string>) => [...files].reduce((n, f) => n + gz(f), 0);
  const outside = closure("personal.js", false);
  const inside = closure("personal.js", true);
  const outsideTeams = sum(outside);
  const inTeams = sum(inside);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`personal tab, first load in Teams (page + teams-js chunk): ${kb(inTeams)} gzipped JS in ${inside.size} files (target <= ${kb(TAB_JS_TARGET_BYTES)}): ${inTeams <= TAB_JS_TARGET_BYTES ? "within" : "OVER"}`);
  console.log(`personal tab, first load in a plain browser (no teams-js): ${kb(outsideTeams)} gzipped JS`);
  console.log(`personal tab, CSS + HTML: ${kb(gz("personal.css") + gz("personal.html"))} gzipped`);
  return { outsideTeams, inTeams };
}

if (require.main === module) benchTab();
