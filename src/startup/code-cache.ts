/**
 * How the shipped build loads its bundles (dist/bundle/main.cjs, then sdk.cjs for a request):
 * as CommonJS compiled through vm.Script with a V8 code cache, so a run deserializes the
 * functions earlier runs compiled instead of parsing and compiling them again. Node 20 has no
 * compile cache of its own (module.enableCompileCache came with Node 22.1), and compiling is
 * most of the cost of loading the SDK. scripts/build-bundle.mjs builds this file on its own
 * (code-cache.cjs), for bin/s3api.js and the main bundle to share.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import * as zlib from 'node:zlib';

/**
 * The first line of every bundle, with the hash of its content written in by the build. V8
 * checks only the length of the source a cache was made for, so the hash is what keeps a cache
 * of one build from being used for another of the same length.
 */
export const BUNDLE_STAMP = /^\/\/ s3api-bundle ([0-9a-f]{16})\n/;

const CACHE_SUFFIX = '.v8cache';

/**
 * A cache of the same bundle for another build or Node is removed once this old: it is not
 * written again while it is used, so a live one (a global and a project install side by side)
 * costs at most one rewrite a week, and one left by an upgrade goes with the next write.
 */
const STALE_AFTER_MS = 7 * 24 * 60 * 60 * 1000;

/** `$XDG_CACHE_HOME/s3api`, else `~/.cache/s3api`: per user, like the other XDG caches. */
export function codeCacheDir(env: Readonly<Record<string, string | undefined>>, home: string): string {
  const base = env.XDG_CACHE_HOME?.startsWith('/') ? env.XDG_CACHE_HOME : join(home, '.cache');
  return join(base, 's3api');
}

/**
 * One cache per bundle build and Node: V8 rejects a cache of another V8 anyway, and separate
 * names keep two Node versions (or two installs) from replacing each other's cache on every run.
 */
export function codeCacheFile(cacheDir: string, file: string, bundleHash: string): string {
  return join(cacheDir, `${basename(file)}-${bundleHash}-node${process.versions.node}-${process.arch}${CACHE_SUFFIX}`);
}

/**
 * V8 trusts the bytes of a cache it accepts: a damaged one (a bad disk block, a copy cut short)
 * crashes the process with a segmentation fault, on every run. So the file carries a CRC-32 of
 * the cache and a file whose CRC does not match is not used (and is replaced). zlib.crc32 came
 * with Node 20.15; an older Node runs without the cache.
 */
const crc32: ((data: Buffer) => number) | undefined = (zlib as { crc32?: (data: Buffer) => number }).crc32;

/** The file: [bundles loaded, 1 byte] [CRC-32 of the cache, 4 bytes LE] [V8's cache]. */
const HEADER_BYTES = 5;

interface StoredCache {
  /** How many bundles the run that wrote it had loaded: a run that loaded more compiled more. */
  readonly bundlesLoaded: number;
  readonly data: Buffer;
}

function readCache(path: string, checksum: (data: Buffer) => number): StoredCache | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return undefined;
  }
  if (bytes.length <= HEADER_BYTES) return undefined;
  const data = bytes.subarray(HEADER_BYTES);
  return bytes.readUInt32LE(1) === checksum(data) ? { bundlesLoaded: bytes[0], data } : undefined;
}

/**
 * Written to a temporary name and renamed, so parallel runs (`xargs -P 8`) never read half a
 * file; stale caches of the same bundle are removed. A cache that cannot be written costs the
 * next run its compile time, nothing else.
 */
function writeCache(cacheFile: string, stored: StoredCache, checksum: (data: Buffer) => number): void {
  try {
    const dir = dirname(cacheFile);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    const header = Buffer.alloc(HEADER_BYTES);
    header[0] = stored.bundlesLoaded;
    header.writeUInt32LE(checksum(stored.data), 1);
    writeFileSync(temporary, Buffer.concat([header, stored.data]));
    renameSync(temporary, cacheFile);
    const bundlePrefix = `${basename(cacheFile).split('-')[0]}-`;
    const staleBefore = Date.now() - STALE_AFTER_MS;
    for (const name of readdirSync(dir)) {
      if (!name.startsWith(bundlePrefix) || !name.endsWith(CACHE_SUFFIX) || name === basename(cacheFile)) continue;
      const other = join(dir, name);
      if (statSync(other).mtimeMs < staleBefore) rmSync(other, { force: true });
    }
  } catch {
    // An unwritable cache directory (read-only home, full disk) must not change the command's outcome.
  }
}

let bundlesLoaded = 0;

/**
 * require() of a CommonJS bundle, with the code cache in `cacheDir`. The cache is written when
 * the process exits, so that it also holds what this run compiled lazily (the request path);
 * it is written again by a run that went further than the one that wrote it (`--version`
 * first, then an upload), and otherwise left alone: making a cache costs more than using one.
 */
export function requireWithCodeCache(file: string, cacheDir: string): unknown {
  const source = readFileSync(file, 'utf8');
  const bundleHash = BUNDLE_STAMP.exec(source)?.[1];
  const cache = bundleHash !== undefined && crc32 !== undefined ? { file: codeCacheFile(cacheDir, file, bundleHash), checksum: crc32 } : undefined;
  const stored = cache && readCache(cache.file, cache.checksum);
  // CommonJS's own function wrapper, so the file sees the require, module and exports it expects.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    cachedData: stored?.data,
  });
  bundlesLoaded += 1;
  if (cache !== undefined) {
    const usable = stored !== undefined && script.cachedDataRejected !== true;
    process.once('exit', () => {
      if (!usable || stored.bundlesLoaded < bundlesLoaded) writeCache(cache.file, { bundlesLoaded, data: script.createCachedData() }, cache.checksum);
    });
  }
  const module = { exports: {} as unknown };
  const compiled = script.runInThisContext() as (...args: unknown[]) => void;
  compiled.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  return module.exports;
}

/** A bundle of dist/bundle/, cached in the user's cache directory. */
export function requireBundle(url: URL): unknown {
  return requireWithCodeCache(fileURLToPath(url), codeCacheDir(process.env, homedir()));
}
