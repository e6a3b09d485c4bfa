/**
 * Arguments of the `pnpm cli` commands: node:util parseArgs in strict mode (an unknown option, an
 * option without its value or a positional argument where none is taken is a mistake), with its
 * mistakes turned into CliUsageError, which every command reports as a usage error.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A command line that cannot be run as given: cli.ts prints the sentence (no stack) and exits. */
export class CliUsageError extends Error {}

type CommandArgsConfig = Omit<ParseArgsConfig, 'args' | 'strict' | 'tokens'>;

export function parseCommandArgs<const T extends CommandArgsConfig>(args: readonly string[], config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs<T>({ ...config, args });
  } catch (error) {
    // parseArgs' own sentences name the option: "Unknown option '--x'", "Option '--period <value>' argument missing".
    if ((error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS_')) throw new CliUsageError((error as Error).message);
    throw error;
  }
}
