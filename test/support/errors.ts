/** Catching the CliError a piece of s3api throws, to assert on its message, category and exit code. */
import { CliError } from '../../src/errors/errors.js';

/** The CliError `action` throws (any other outcome fails the test). */
export function errorOf(action: () => unknown): CliError {
  try {
    action();
  } catch (error) {
    if (error instanceof CliError) return error;
    throw error;
  }
  throw new Error('expected a CliError');
}

/** errorOf for an action that may fail by rejecting the promise it returns. */
export async function errorOfAsync(action: () => unknown): Promise<CliError> {
  try {
    await action();
  } catch (error) {
    if (error instanceof CliError) return error;
    throw error;
  }
  throw new Error('expected a CliError');
}
