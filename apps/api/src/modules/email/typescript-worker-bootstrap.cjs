// Runs a TypeScript worker-thread entry from source (ts-jest, ts-node), where no build exists.
// A worker shares none of its parent's module loader, so this installs a `.ts` loader of its own:
// TypeScript's transpileModule (types are the type-checker's business, not the loader's), with a
// disk cache keyed by the source text, so only the first worker after a change pays the compiler.
// The @switchboard/* workspace packages resolve through their node_modules links to src/index.ts.
const { createHash } = require('node:crypto');
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { workerData } = require('node:worker_threads');

const fromRoot = createRequire(join(workerData.root, 'package.json'));
const cacheDir = join(tmpdir(), 'switchboard-ts-worker-cache');
mkdirSync(cacheDir, { recursive: true });
let ts = null;

require.extensions['.ts'] = (module, filename) => {
  const source = readFileSync(filename, 'utf8');
  const key = createHash('sha256').update(`${filename}\0${source}`).digest('hex');
  const cached = join(cacheDir, `${key}.js`);
  let js;
  try {
    js = readFileSync(cached, 'utf8');
  } catch {
    ts ??= fromRoot('typescript');
    js = ts.transpileModule(source, {
      fileName: filename,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
        experimentalDecorators: true,
        inlineSourceMap: true,
      },
    }).outputText;
    // Another worker may write the same entry at once: write aside, then rename into place.
    const partial = `${cached}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    writeFileSync(partial, js);
    renameSync(partial, cached);
  }
  module._compile(js, filename);
};

require(workerData.entry);
