// The project's root folder (where package.json, prisma/ and node_modules/ are), found from the
// file that asks: the nearest folder above it with a package.json. The same answer from src/ run
// by tsx, from dist/ (`npm start`) and from the compiled copy the tests run.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export function projectRoot(fromUrl: string = import.meta.url): string {
  let dir = path.dirname(fileURLToPath(fromUrl));
  for (;;) {
    if (fs.existsSync(path.join(dir, "package.json"))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${fileURLToPath(fromUrl)}`);
    dir = parent;
  }
}

/** A path inside the project: projectPath("prisma", "seed", "campaign.json"). */
export function projectPath(...segments: string[]): string {
  return path.join(projectRoot(), ...segments);
}
