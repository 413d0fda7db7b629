import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

/** The repository root: the nearest folder above this file that holds package.json. */
function findRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, "package.json"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`package.json not found above ${start}`);
    dir = parent;
  }
}

export const projectRoot: string = findRoot(__dirname);
export const fromRoot = (...parts: string[]): string => join(projectRoot, ...parts);
