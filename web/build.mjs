// Vendors the page's libraries into kg/web/vendor/ (git-ignored, shipped in the wheel):
// CodeMirror bundled into editor.js, cytoscape's own minified build copied as it is.
// Run by `python3 dev.py build` after `npm ci`; safe to run again.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const target = join(here, "..", "kg", "web", "vendor");
const staging = `${target}.tmp`;
const modules = join(here, "node_modules");

rmSync(staging, { recursive: true, force: true });
mkdirSync(staging, { recursive: true });
await build({
  entryPoints: [join(here, "editor.mjs")],
  outfile: join(staging, "editor.js"),
  bundle: true,
  minify: true,
  format: "iife",
  globalName: "KgEditor",
  target: ["es2020"],
  legalComments: "eof",
  logLevel: "warning",
});
copyFileSync(join(modules, "cytoscape", "dist", "cytoscape.min.js"), join(staging, "cytoscape.min.js"));

// What was vendored, at which version, under which licence: the page's "about" line reads it.
const packages = ["codemirror", "@codemirror/view", "@codemirror/state", "@codemirror/language",
  "@codemirror/legacy-modes", "cytoscape"];
const versions = {};
let notices = "";
for (const name of packages) {
  const meta = JSON.parse(readFileSync(join(modules, name, "package.json"), "utf8"));
  versions[name] = meta.version;
  notices += `== ${name} ${meta.version} (${meta.license}) ==\n`;
  notices += `${readFileSync(join(modules, name, "LICENSE"), "utf8").trim()}\n\n`;
}
writeFileSync(join(staging, "versions.json"), `${JSON.stringify(versions, null, 2)}\n`);
writeFileSync(join(staging, "LICENSES.txt"), notices);
rmSync(target, { recursive: true, force: true });
renameSync(staging, target);
console.log(`vendored ${packages.length} packages into ${target}`);
