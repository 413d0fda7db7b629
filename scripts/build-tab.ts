import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { build } from "esbuild";
import { fromRoot } from "../src/paths";

/**
 * Bundle the tab pages (src/tab/) for the browser: one minified script per page, plus its HTML and
 * CSS, into dist/tab/public, which the app serves at /tab/. Nothing is loaded from a CDN.
 */
export const TAB_OUT_DIR = fromRoot("dist", "tab", "public");

export async function buildTab(): Promise<void> {
  rmSync(TAB_OUT_DIR, { recursive: true, force: true });
  mkdirSync(TAB_OUT_DIR, { recursive: true });
  await build({
    entryPoints: { personal: fromRoot("src", "tab", "personal.ts"), programme: fromRoot("src", "tab", "programme.ts") },
    outdir: TAB_OUT_DIR,
    bundle: true,
    minify: true,
    // ES modules with splitting: teams-js is its own chunk, loaded only inside Teams.
    format: "esm",
    splitting: true,
    chunkNames: "chunk-[hash]",
    platform: "browser",
    target: ["chrome110", "edge110", "safari16", "firefox110"],
    mainFields: ["browser", "module", "main"],
    legalComments: "none",
    sourcemap: false,
    logLevel: "warning",
    define: { "process.env.NODE_ENV": '"production"' },
  });
  for (const f of ["personal.html", "personal.css", "programme.html", "programme.css"]) copyFileSync(fromRoot("src", "tab", f), `${TAB_OUT_DIR}/${f}`);
}

if (require.main === module) {
  buildTab().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
