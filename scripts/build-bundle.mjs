/**
 * The shipped build (bin/s3api.js loads it): src/ bundled by esbuild into dist/bundle/, after
 * tsc has type-checked it and emitted dist/ (which the scripts and the operation list below use).
 *
 * - main.cjs: the whole CLI with commander, jmespath, js-yaml, cli-table3, chalk and shell-quote
 *   inside, as patch-package left them in node_modules. One CommonJS file, because Node 20 can
 *   cache the compiled code of a script (vm.Script) but not of an ES module, and one file costs
 *   one read where the ESM loader resolves, reads and links each module or chunk. Each import()
 *   of src/ stays lazy: the module it names runs only when it is reached, so help and
 *   `--version` run neither the pipeline nor the formatters nor the SDK.
 * - sdk.cjs: the AWS SDK, tree-shaken to the commands of the operation tables, loaded on the
 *   first request (src/startup/sdk.ts); config.cjs: the SDK's config-file parser.
 * - vendor/NAME.cjs: the libraries only some paths use (VENDOR below).
 * - code-cache.cjs: the loader of main.cjs and the SDK bundles, with their V8 code cache (src/startup/code-cache.ts).
 */
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { OPERATIONS } from '../dist/operations/index.js';

const ROOT = resolve(import.meta.dirname, '..');
const SRC = resolve(ROOT, 'src');
const OUT = resolve(ROOT, 'dist/bundle');
const SDK_LOADER = resolve(SRC, 'startup/sdk.ts');
const CODE_CACHE = resolve(SRC, 'startup/code-cache.ts');

/** The SDK packages src/ requires at run time, in sdk.cjs (the client and its runtime)… */
const SDK_PACKAGE = /^@(?:aws-sdk|smithy)\//;

/**
 * …but for the config-file parser, in config.cjs: paths that read ~/.aws/config without sending
 * anything (an output skeleton, the prompt-mode lookup) do not load the client.
 */
const sdkBundleOf = (name) => (name === '@smithy/core/config' ? 'config.cjs' : 'sdk.cjs');

/**
 * sdk.cjs keeps only the members src/ takes: the names a `const { … } = require…` destructures,
 * and for client-s3, which s3/client.ts keeps whole to look commands up by name
 * (`${operation.sdk}Command`), the client and the commands of the operation tables.
 */
const SDK_NAMESPACE_MEMBERS = {
  '@aws-sdk/client-s3': ['S3Client', ...OPERATIONS.map((operation) => `${operation.sdk}Command`)],
};

/** A native addon (its .node file is picked per platform at run time) stays in node_modules. */
const EXTERNAL = ['@node-rs/crc32'];

/**
 * Libraries that only some paths use (a table, yaml, --query, the prompt): each in a file of
 * its own, vendor/NAME.cjs, that main.cjs require()s where src/ imports it, so the other paths
 * never read it and Node's own loader shows when one is loaded (NODE_DEBUG=module).
 */
const VENDOR = ['chalk', 'cli-table3', 'jmespath', 'js-yaml', 'shell-quote'];

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  // Whitespace and syntax only: identifiers keep their names, which reach users (`sdkError.name`)
  // and name the frames of a --debug traceback (a vm.Script gets no source maps on Node 20).
  minifyWhitespace: true,
  minifySyntax: true,
  external: EXTERNAL,
  // import() of a package left outside or of a Node built-in becomes require(): a vm.Script
  // imports only through a loader hook that Node 20 still calls experimental (and says so on stderr).
  supported: { 'dynamic-import': false },
  logLevel: 'warning',
  metafile: true,
};

/**
 * src/ loads CommonJS packages with `createRequire(import.meta.url)('pkg')` (and s3/load-cjs.ts's
 * `requireCjs('pkg')`), which skips the ESM loader's export scan in tsc's build but hides the
 * package from a bundler. In the bundle they become plain require() calls esbuild follows; the
 * SDK's resolve to sdk.cjs. A runtime require with any other shape fails the build, so a new
 * one cannot silently load a second, unpatched copy from node_modules.
 */
const REQUIRE_CALL = String.raw`\b(?:createRequire\(import\.meta\.url\)|requireCjs)\((['"])([^'"]+)\1\)`;
const RUNTIME_REQUIRE = new RegExp(REQUIRE_CALL, 'g');
const DESTRUCTURED_REQUIRE = new RegExp(String.raw`const\s*\{([^}]*)\}\s*=\s*${REQUIRE_CALL.replace('\\1', '\\2')}`, 'g');
const ANY_RUNTIME_REQUIRE = /\b(?:createRequire\(import\.meta\.url\)|requireCjs)\(/;

/** Package name -> the members src/ takes from it, filled in while main.cjs is built. */
const sdkMembers = new Map(Object.entries(SDK_NAMESPACE_MEMBERS).map(([name, members]) => [name, new Set(members)]));

function collectSdkMembers(source, path) {
  for (const [, names, , name] of source.matchAll(DESTRUCTURED_REQUIRE)) {
    if (!SDK_PACKAGE.test(name)) continue;
    const members = sdkMembers.get(name) ?? new Set();
    for (const binding of names.split(',')) members.add(binding.split(':')[0].trim());
    sdkMembers.set(name, members);
  }
  for (const [, , name] of source.matchAll(RUNTIME_REQUIRE)) {
    if (SDK_PACKAGE.test(name) && !sdkMembers.has(name)) {
      throw new Error(`${relative(ROOT, path)}: require('${name}') neither destructured nor listed in SDK_NAMESPACE_MEMBERS`);
    }
  }
}

const staticRequires = {
  name: 'static-requires',
  setup(builder) {
    builder.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
      if (!path.startsWith(`${SRC}/`)) return undefined;
      const source = await readFile(path, 'utf8');
      collectSdkMembers(source, path);
      const contents = source.replace(RUNTIME_REQUIRE, (_match, _quote, name) => `require(${JSON.stringify(name)})`);
      const left = ANY_RUNTIME_REQUIRE.exec(contents);
      if (left) throw new Error(`${relative(ROOT, path)}: a runtime require the bundle cannot follow: ${contents.slice(left.index, left.index + 80)}`);
      return { contents, loader: 'ts' };
    });
    builder.onResolve({ filter: SDK_PACKAGE }, ({ path, importer }) =>
      importer.startsWith(`${SRC}/`) ? { path, namespace: 'sdk-chunk' } : undefined,
    );
    builder.onLoad({ filter: /.*/, namespace: 'sdk-chunk' }, ({ path }) => ({
      contents: `module.exports = require(${JSON.stringify(SDK_LOADER)}).sdkPackage(${JSON.stringify(sdkBundleOf(path))}, ${JSON.stringify(path)});`,
      resolveDir: dirname(SDK_LOADER),
      loader: 'js',
    }));
  },
};

/** The entry of an SDK bundle: `packages`, each package's members under its name (src/startup/sdk.ts). */
function sdkEntry(bundle) {
  const packages = [...sdkMembers].filter(([name]) => sdkBundleOf(name) === bundle).map(([name, members], index) => ({ name, members: [...members].sort(), binding: `package${index}` }));
  const imports = packages.map(({ name, members, binding }) => `import { ${members.join(', ')} } from ${JSON.stringify(name)};\nconst ${binding} = { ${members.join(', ')} };`);
  return `${imports.join('\n')}\nexport const packages = { ${packages.map(({ name, binding }) => `${JSON.stringify(name)}: ${binding}`).join(', ')} };\n`;
}

/**
 * The loader is its own file, shared by bin/s3api.js and main.cjs, so that both count the
 * bundles one process loaded (src/startup/code-cache.ts).
 */
const sharedCodeCache = {
  name: 'shared-code-cache',
  setup(builder) {
    builder.onResolve({ filter: /\/code-cache\.js$/ }, ({ path, resolveDir }) =>
      resolve(resolveDir, path.replace(/\.js$/, '.ts')) === CODE_CACHE ? { path: './code-cache.cjs', external: true } : undefined,
    );
  },
};

const vendorFiles = {
  name: 'vendor-files',
  setup(builder) {
    builder.onResolve({ filter: new RegExp(`^(?:${VENDOR.join('|')})$`) }, ({ path }) => ({ path: `./vendor/${path}.cjs`, external: true }));
  },
};

/** Written into the first line of each bundle by stampBundle (src/startup/code-cache.ts, BUNDLE_STAMP). */
const STAMP_PLACEHOLDER = `// s3api-bundle ${'0'.repeat(16)}`;

async function stampBundle(file) {
  const source = await readFile(file, 'utf8');
  if (!source.startsWith(`${STAMP_PLACEHOLDER}\n`)) throw new Error(`${file}: no bundle stamp on its first line`);
  const hash = createHash('sha256').update(source).digest('hex').slice(0, 16);
  await writeFile(file, source.replace(STAMP_PLACEHOLDER, `// s3api-bundle ${hash}`));
}

await rm(OUT, { recursive: true, force: true });
const mainBuild = await build({
  ...common,
  entryPoints: { main: resolve(SRC, 'main.ts') },
  format: 'cjs',
  outfile: resolve(OUT, 'main.cjs'),
  // import.meta of an ES module, for the CommonJS file it becomes: the file's own URL.
  define: { 'import.meta.url': '__s3apiImportMetaUrl' },
  banner: { js: `${STAMP_PLACEHOLDER}\nvar __s3apiImportMetaUrl = require('node:url').pathToFileURL(__filename).href;` },
  plugins: [staticRequires, sharedCodeCache, vendorFiles],
});
// After main.cjs, whose build found what src/ takes from the SDK.
const SDK_BUNDLES = ['sdk.cjs', 'config.cjs'];
const sdkBuilds = await Promise.all(
  SDK_BUNDLES.map((bundle) =>
    build({
      ...common,
      stdin: { contents: sdkEntry(bundle), resolveDir: ROOT, sourcefile: `${bundle}-entry.js`, loader: 'js' },
      format: 'cjs',
      // The ES builds, which esbuild can tree-shake (the CommonJS ones are one file per package).
      mainFields: ['module', 'main'],
      outfile: resolve(OUT, bundle),
      banner: { js: STAMP_PLACEHOLDER },
    }),
  ),
);
const otherBuilds = await Promise.all([
  build({ ...common, entryPoints: [CODE_CACHE], format: 'cjs', outfile: resolve(OUT, 'code-cache.cjs') }),
  ...VENDOR.map((name) => build({ ...common, entryPoints: [name], format: 'cjs', outfile: resolve(OUT, `vendor/${name}.cjs`) })),
]);
await Promise.all(['main.cjs', ...SDK_BUNDLES].map((bundle) => stampBundle(resolve(OUT, bundle))));

for (const file of [mainBuild, ...sdkBuilds, ...otherBuilds].flatMap((result) => Object.keys(result.metafile.outputs)).sort()) {
  console.log(`${relative(ROOT, resolve(ROOT, file)).padEnd(36)} ${((await stat(resolve(ROOT, file))).size / 1024).toFixed(1).padStart(7)} KiB`);
}
