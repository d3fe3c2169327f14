/**
 * The bundled build's AWS SDK: dist/bundle/sdk.cjs (the SDK tree-shaken to the commands of the
 * operation tables) and config.cjs (its config-file parser), each loaded with a code cache when
 * first needed. Only the bundle calls sdkPackage(): scripts/build-bundle.mjs turns the SDK's
 * require() calls in src/ into it, while tsc's dist/ and the tests load the SDK from node_modules.
 */
import { requireBundle } from './code-cache.js';

type SdkBundle = { readonly packages: Readonly<Record<string, unknown>> };

const loaded = new Map<string, SdkBundle>();

/** One package (`@aws-sdk/client-s3`, …) of the SDK bundle `bundle`, as require() would return it. */
export function sdkPackage(bundle: string, name: string): unknown {
  let sdk = loaded.get(bundle);
  if (sdk === undefined) {
    sdk = requireBundle(new URL(`./${bundle}`, import.meta.url)) as SdkBundle;
    loaded.set(bundle, sdk);
  }
  const exports = sdk.packages[name];
  if (exports === undefined) throw new Error(`The bundled SDK has no ${name} in ${bundle}: see scripts/build-bundle.mjs`);
  return exports;
}
