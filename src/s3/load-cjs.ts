/**
 * Loads the SDK's CommonJS builds with require(). An ESM import() of a CommonJS package makes
 * Node scan every module for its named exports (cjs-module-lexer): about 130 ms of a 1 KiB
 * upload-part's start-up, measured with --cpu-prof.
 */
import { createRequire } from 'node:module';

export const requireCjs = createRequire(import.meta.url);
