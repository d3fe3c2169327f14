import { describe, expect, it } from 'vitest';
import { pagerCommand, pagerEnvironment, splitShellWords } from '../../../src/output/pager.js';

describe('pagerCommand', () => {
  const tty = { isTTY: true, noCliPager: false, profilePager: undefined };
  it.each([
    ['less by default on a terminal', { ...tty, env: {} }, ['less']],
    ['AWS_PAGER first', { ...tty, env: { AWS_PAGER: 'more', PAGER: 'most' }, profilePager: 'cat' }, ['more']],
    ['an empty AWS_PAGER disables paging even with PAGER set', { ...tty, env: { AWS_PAGER: '', PAGER: 'most' } }, undefined],
    ['profile cli_pager before PAGER', { ...tty, env: { PAGER: 'most' }, profilePager: 'cat -n' }, ['cat', '-n']],
    ['PAGER when nothing else is set', { ...tty, env: { PAGER: 'most -s' } }, ['most', '-s']],
    ['--no-cli-pager wins over all', { ...tty, noCliPager: true, env: { AWS_PAGER: 'more' } }, undefined],
    ['never when stdout is not a terminal', { ...tty, isTTY: false, env: { AWS_PAGER: 'more' } }, undefined],
  ])('%s', (_title, settings, expected) => {
    expect(pagerCommand(settings)).toEqual(expected);
  });
});

describe('splitShellWords', () => {
  it.each([
    ['less -R', ['less', '-R']],
    ['  spaced   out  ', ['spaced', 'out']],
    ['"my pager" --flag', ['my pager', '--flag']],
    ["less -P'a b'", ['less', '-Pa b']],
    ['a\\ b c', ['a b', 'c']],
    ['""', ['']],
  ])('%j', (command, words) => {
    expect(splitShellWords(command)).toEqual(words);
  });
});

describe('pagerEnvironment', () => {
  it('sets LESS=FRX only when LESS is unset', () => {
    expect(pagerEnvironment({ PATH: '/bin' })).toEqual({ PATH: '/bin', LESS: 'FRX' });
    expect(pagerEnvironment({ LESS: '-S' })).toEqual({ LESS: '-S' });
  });
});

describe('spawnPager', () => {
  it('feeds the text to a real pager process and waits for it', async () => {
    const { mkdtempSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { spawnPager } = await import('../../../src/output/pager.js');
    const target = join(mkdtempSync(join(tmpdir(), 's3api-pager-')), 'paged.txt');
    const pager = await spawnPager(['sh', '-c', `cat > "${target}"; echo "$LESS" >> "${target}"`], { PATH: process.env.PATH });
    pager.write('line 1\nline 2\n');
    await pager.close();
    expect(readFileSync(target, 'utf8')).toBe('line 1\nline 2\nFRX\n');
  });

  it('reports a missing pager with the AWS CLI message, exit 253', async () => {
    const { spawnPager } = await import('../../../src/output/pager.js');
    await expect(spawnPager(['no-such-pager-s3api'], { PATH: process.env.PATH })).rejects.toMatchObject({
      exitCode: 253,
      message: expect.stringContaining("[Errno 2] No such file or directory: 'no-such-pager-s3api'"),
    });
  });
});
