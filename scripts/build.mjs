// `npm run build` (and `npm install`, through `prepare`): compiles the TypeScript sources to dist/ and copies the data
// files they read (agency profiles, the classifier model, lexicons, corpus) beside the compiled modules, so every
// path a module resolves from its own location (import.meta.url) finds the same file in dist/ as in the sources.
// The output folder starts empty, so a module deleted from the sources does not live on in the build.
//   node scripts/build.mjs [OUT_DIR]   (default: dist)
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = resolve(ROOT, process.argv[2] ?? 'dist');
// The folders tsconfig.build.json compiles; keep the two lists equal.
const SOURCE_DIRS = ['src', 'bots', 'flows', 'nlp'];
const SKIP = new Set(['_scratch']);

/** Every file under `dir` that the compiler does not handle (anything but TypeScript). */
function* dataFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* dataFiles(path);
    else if (entry.isFile() && !entry.name.endsWith('.ts')) yield path;
  }
}

let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  // `npm ci --omit=dev` runs this too (prepare), without TypeScript: say what works instead.
  console.error('build: TypeScript is not installed (a dev dependency). Install with `npm ci`, which builds dist/,');
  console.error('then drop the dev dependencies with `npm prune --omit=dev`.');
  process.exit(1);
}
rmSync(OUT, { recursive: true, force: true });
const compiled = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', OUT], {
  stdio: 'inherit',
});
if (compiled.status !== 0) {
  console.error('build: the TypeScript compiler reported errors (above); nothing usable was written.');
  rmSync(OUT, { recursive: true, force: true });
  process.exit(1);
}
let copied = 0;
for (const dir of SOURCE_DIRS) {
  for (const file of dataFiles(join(ROOT, dir))) {
    const target = join(OUT, relative(ROOT, file));
    mkdirSync(join(target, '..'), { recursive: true });
    cpSync(file, target);
    copied++;
  }
}
console.log(
  `build: compiled ${SOURCE_DIRS.join(', ')} to ${relative(ROOT, OUT) || '.'}/ and copied ${copied} data files`,
);
