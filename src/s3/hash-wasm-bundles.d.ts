/**
 * hash-wasm's per-algorithm bundles (the ones its README offers for script tags). Each one is
 * CommonJS whose module.exports, seen from ESM as the default export, holds that algorithm only.
 */
declare module 'hash-wasm/dist/crc32.umd.min.js' {
  const bundle: Pick<typeof import('hash-wasm'), 'createCRC32'>;
  export default bundle;
}

declare module 'hash-wasm/dist/crc64.umd.min.js' {
  const bundle: Pick<typeof import('hash-wasm'), 'createCRC64'>;
  export default bundle;
}

declare module 'hash-wasm/dist/xxhash64.umd.min.js' {
  const bundle: Pick<typeof import('hash-wasm'), 'createXXHash64'>;
  export default bundle;
}

declare module 'hash-wasm/dist/xxhash3.umd.min.js' {
  const bundle: Pick<typeof import('hash-wasm'), 'createXXHash3'>;
  export default bundle;
}

declare module 'hash-wasm/dist/xxhash128.umd.min.js' {
  const bundle: Pick<typeof import('hash-wasm'), 'createXXHash128'>;
  export default bundle;
}
