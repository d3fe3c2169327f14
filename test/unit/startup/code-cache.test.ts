/**
 * The bundle loader's code cache, through the shipped dist/bundle/code-cache.cjs in child
 * processes (the cache is written when a process exits): where it lives, that it is written
 * once and reused, written again by a run that loaded more, replaced when rejected or stale,
 * and that a cache directory that cannot be written changes nothing of the run.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { codeCacheDir, codeCacheFile } from '../../../src/startup/code-cache.js';

const LOADER = resolve(import.meta.dirname, '../../../dist/bundle/code-cache.cjs');

describe('codeCacheDir', () => {
  it.each([
    [{ XDG_CACHE_HOME: '/var/cache/me' }, '/home/u', '/var/cache/me/s3api'],
    [{}, '/home/u', '/home/u/.cache/s3api'],
    // The XDG base directory spec: a relative path is invalid and ignored.
    [{ XDG_CACHE_HOME: 'relative/cache' }, '/home/u', '/home/u/.cache/s3api'],
    [{ XDG_CACHE_HOME: '' }, '/home/u', '/home/u/.cache/s3api'],
  ])('%j with home %s -> %s', (env, home, expected) => {
    expect(codeCacheDir(env, home)).toBe(expected);
  });
});

describe('codeCacheFile', () => {
  it('names the bundle, its content hash, the Node version and the architecture', () => {
    expect(codeCacheFile('/c', '/x/dist/bundle/main.cjs', '0123456789abcdef')).toBe(
      `/c/main.cjs-0123456789abcdef-node${process.versions.node}-${process.arch}.v8cache`,
    );
  });
});

function bundleDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 's3api-bundle-'));
  // Long enough for V8 to think a cache worth making; a second file to load in the same process.
  const body = Array.from({ length: 200 }, (_, index) => `function f${index}(a) { return a + ${index}; }`).join('\n');
  writeFileSync(join(dir, 'first.cjs'), `// s3api-bundle 00000000000000aa\n${body}\nexports.answer = f42(0) + require('node:path').sep.length;\n`);
  writeFileSync(join(dir, 'second.cjs'), `// s3api-bundle 00000000000000bb\n${body}\nexports.answer = f7(0);\n`);
  writeFileSync(join(dir, 'unstamped.cjs'), `${body}\nexports.answer = f1(0);\n`);
  return dir;
}

/** Loads the named bundles of `dir` in one process and prints what each exports. */
function load(dir: string, cacheDir: string, names: readonly string[]): { stdout: string; stderr: string; status: number | null } {
  const script = `
    const { requireWithCodeCache } = require(${JSON.stringify(LOADER)});
    const answers = ${JSON.stringify(names)}.map((name) => requireWithCodeCache(require('node:path').join(${JSON.stringify(dir)}, name), ${JSON.stringify(cacheDir)}).answer);
    process.stdout.write(answers.join(','));
  `;
  const { stdout, stderr, status } = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return { stdout, stderr, status };
}

const cacheOf = (cacheDir: string, name: string, hash: string) => codeCacheFile(cacheDir, `/${name}`, hash);

describe('requireWithCodeCache', () => {
  it('runs the bundle, then writes its cache once and reuses it', () => {
    const dir = bundleDir();
    const cacheDir = join(dir, 'cache');
    expect(load(dir, cacheDir, ['first.cjs'])).toEqual({ stdout: '43', stderr: '', status: 0 });
    const cacheFile = cacheOf(cacheDir, 'first.cjs', '00000000000000aa');
    const written = statSync(cacheFile);
    // First byte: the number of bundles the writing run had loaded.
    expect(readFileSync(cacheFile)[0]).toBe(1);
    expect((statSync(cacheDir).mode & 0o777).toString(8)).toBe('700');

    expect(load(dir, cacheDir, ['first.cjs']).stdout).toBe('43');
    expect(statSync(cacheFile).mtimeMs).toBe(written.mtimeMs);
  });

  it('writes the cache again when a run loaded more bundles than the one that wrote it', () => {
    const dir = bundleDir();
    const cacheDir = join(dir, 'cache');
    load(dir, cacheDir, ['first.cjs']);
    expect(load(dir, cacheDir, ['first.cjs', 'second.cjs']).stdout).toBe('43,7');
    expect(readFileSync(cacheOf(cacheDir, 'first.cjs', '00000000000000aa'))[0]).toBe(2);
    expect(readFileSync(cacheOf(cacheDir, 'second.cjs', '00000000000000bb'))[0]).toBe(2);
  });

  it('replaces a cache V8 rejects (its CRC right, its content not a V8 cache)', () => {
    const dir = bundleDir();
    const cacheDir = join(dir, 'cache');
    const cacheFile = cacheOf(cacheDir, 'first.cjs', '00000000000000aa');
    mkdirSync(cacheDir);
    const notACache = Buffer.from('not a V8 code cache at all');
    const header = Buffer.alloc(5);
    header[0] = 1;
    header.writeUInt32LE(crc32(notACache), 1);
    writeFileSync(cacheFile, Buffer.concat([header, notACache]));
    expect(load(dir, cacheDir, ['first.cjs'])).toEqual({ stdout: '43', stderr: '', status: 0 });
    expect(readFileSync(cacheFile).subarray(5)).not.toEqual(notACache);
  });

  it('never hands V8 a damaged cache (V8 would crash on it): the CRC fails and the cache is replaced', () => {
    const dir = bundleDir();
    const cacheDir = join(dir, 'cache');
    const cacheFile = cacheOf(cacheDir, 'first.cjs', '00000000000000aa');
    load(dir, cacheDir, ['first.cjs']);
    const good = readFileSync(cacheFile);
    const damaged = Buffer.from(good);
    for (const offset of [damaged.length / 3, damaged.length / 2, (2 * damaged.length) / 3]) damaged[Math.floor(offset)] ^= 0xff;
    writeFileSync(cacheFile, damaged);
    expect(load(dir, cacheDir, ['first.cjs'])).toEqual({ stdout: '43', stderr: '', status: 0 });
    const replaced = readFileSync(cacheFile);
    expect(replaced.readUInt32LE(1)).toBe(crc32(replaced.subarray(5)));
  });

  it("removes the same bundle's caches unchanged for a week, keeps recent ones and other bundles'", () => {
    const dir = bundleDir();
    const cacheDir = join(dir, 'cache');
    mkdirSync(cacheDir);
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 60 * 60 * 1000);
    const staleBuild = cacheOf(cacheDir, 'first.cjs', '1111111111111111');
    const recentBuild = cacheOf(cacheDir, 'first.cjs', '3333333333333333');
    const otherBundle = cacheOf(cacheDir, 'second.cjs', '2222222222222222');
    for (const path of [staleBuild, recentBuild, otherBundle]) writeFileSync(path, 'another build');
    for (const path of [staleBuild, otherBundle]) utimesSync(path, eightDaysAgo, eightDaysAgo);
    load(dir, cacheDir, ['first.cjs']);
    const names = (paths: string[]) => paths.map((path) => path.slice(cacheDir.length + 1)).sort();
    expect(readdirSync(cacheDir).sort()).toEqual(names([cacheOf(cacheDir, 'first.cjs', '00000000000000aa'), recentBuild, otherBundle]));
  });

  it('caches nothing for a file without the bundle stamp', () => {
    const dir = bundleDir();
    const cacheDir = join(dir, 'cache');
    expect(load(dir, cacheDir, ['unstamped.cjs']).stdout).toBe('1');
    expect(() => readdirSync(cacheDir)).toThrow(/ENOENT/);
  });

  it('runs as usual, silently, when the cache directory cannot be made', () => {
    const dir = bundleDir();
    const notADirectory = join(dir, 'file');
    writeFileSync(notADirectory, '');
    expect(load(dir, join(notADirectory, 'cache'), ['first.cjs'])).toEqual({ stdout: '43', stderr: '', status: 0 });
  });
});
