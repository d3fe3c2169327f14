/** Start-up cost: commands that do no I/O beyond loading the program and printing. */
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { compareTools } from './measure.mjs';
import { runTool } from './tools.mjs';

const STARTUP_CASES = [
  { name: 'upload-part help', argsOf: (tool) => tool.helpArgs },
  { name: '--version', argsOf: (tool) => tool.versionArgs },
  { name: 'upload-part skeleton', argsOf: (tool) => tool.skeletonArgs },
  // The first run after an install or upgrade: s3api compiles its bundle and writes the V8 code
  // cache (src/startup/code-cache.ts) that the other cases read.
  { name: 'help, no code cache', argsOf: (tool) => tool.helpArgs, freshCacheDir: true },
];

/** One row per case and tool: compareTools' row plus the case name and the command line. */
export async function benchStartup({ tools, runs, env, workdir }) {
  const rows = [];
  for (const startupCase of STARTUP_CASES) {
    const caseRows = await compareTools({
      tools,
      runs,
      warmUp: 1,
      runOnce: (tool) => {
        const runEnv = startupCase.freshCacheDir ? { ...env, XDG_CACHE_HOME: mkdtempSync(join(workdir, 'cache-')) } : env;
        return runTool(tool, startupCase.argsOf(tool), { env: runEnv, workdir });
      },
    });
    rows.push(
      ...caseRows.map((row, index) => ({
        case: startupCase.name,
        commandLine: [tools[index].name, ...startupCase.argsOf(tools[index])].join(' '),
        ...row,
      })),
    );
  }
  return rows;
}
