// npm run completions: writes completions/ from the operation tables (run after a build).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bashCompletion, zshCompletion } from '../dist/cli/completions.js';

const directory = resolve(import.meta.dirname, '../completions');
writeFileSync(resolve(directory, 's3api.bash'), bashCompletion());
writeFileSync(resolve(directory, '_s3api'), zshCompletion());
console.log(`wrote ${directory}/s3api.bash and ${directory}/_s3api`);
