/** Start-up cost: commands that do no I/O beyond loading the program and printing. */
import { compareTools } from './measure.mjs';
import { runTool } from './tools.mjs';

const STARTUP_CASES = [
  { name: 'upload-part help', argsOf: (tool) => tool.helpArgs },
  { name: '--version', argsOf: (tool) => tool.versionArgs },
  { name: 'upload-part skeleton', argsOf: (tool) => tool.skeletonArgs },
];

/** One row per case and tool: compareTools' row plus the case name and the command line. */
export async function benchStartup({ tools, runs, env, workdir }) {
  const rows = [];
  for (const startupCase of STARTUP_CASES) {
    const caseRows = await compareTools({
      tools,
      runs,
      warmUp: 1,
      runOnce: (tool) => runTool(tool, startupCase.argsOf(tool), { env, workdir }),
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
