/**
 * The bundled build's AWS SDK: dist/bundle/sdk.cjs, the SDK tree-shaken to the commands of the
 * operation tables, loaded with a code cache on the first request. Only the bundle calls
 * sdkPackage(): scripts/build-bundle.mjs turns the SDK's require() calls in src/ into it, while
 * tsc's dist/ and the tests load the SDK from node_modules.
 */
import { requireBundle } from './code-cache.js';

let bundledSdk: { readonly packages: Readonly<Record<string, unknown>> } | undefined;

/** One package of the bundled SDK (`@aws-sdk/client-s3`, …), as require() would return it. */
export function sdkPackage(name: string): unknown {
  bundledSdk ??= requireBundle(new URL('./sdk.cjs', import.meta.url)) as typeof bundledSdk & object;
  const exports = bundledSdk.packages[name];
  if (exports === undefined) throw new Error(`The bundled SDK has no ${name}: list it in scripts/build-bundle.mjs`);
  return exports;
}
