/**
 * Exit codes, in one place. 0: all went through; 1: some inputs were refused (the rest went through);
 * 2: bad usage; 70: an internal error (a bug).
 */
import { isSitrepError } from '../core/errors.js';

export const EXIT_OK = 0;
export const EXIT_INPUT_ERRORS = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERNAL = 70;

/** One line for the user: the error's message (which names the input), never a stack trace. */
export function errorLine(err: unknown): string {
  if (isSitrepError(err)) return err.message;
  if (err instanceof Error) return `internal error: ${err.message}`;
  return `internal error: ${String(err)}`;
}

export function exitCodeFor(err: unknown): number {
  if (isSitrepError(err)) return err.code === 'BAD_ARGUMENT' ? EXIT_USAGE : EXIT_INPUT_ERRORS;
  return EXIT_INTERNAL;
}
