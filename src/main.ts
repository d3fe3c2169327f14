/** Entry point used by bin/s3api.js: the real process as IO. */
import { processIO, run } from './cli.js';

export function main(): Promise<number> {
  return run(process.argv.slice(2), processIO());
}
