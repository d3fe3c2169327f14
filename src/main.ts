/** Entry point used by bin/s3api.js: the real process as IO. */
import { processIO, run } from './cli.js';

/** `scriptPath`: the path the program was started by (process.argv[1]), which names it. */
export function main(scriptPath: string | undefined): Promise<number> {
  return run(process.argv.slice(2), processIO(scriptPath));
}
