/**
 * A reason the server cannot start, stated in one sentence for the operator. main.ts prints the
 * message alone (no stack) and exits non-zero.
 */
export class StartupError extends Error {}
