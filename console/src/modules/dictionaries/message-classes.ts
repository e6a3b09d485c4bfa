import type { MessageClass } from '@datahub/validation';

/**
 * The message classes in the specs' order (docs/registries/README.md#message-classes). The engine exports the same list, but
 * importing a value from it would pull the whole engine (csv-parse, saxes) into the viewer's chunk.
 */
export const MESSAGE_CLASSES = ['F', 'W', 'BF', 'BW', 'TF', 'TW'] as const satisfies readonly MessageClass[];

// Fails the typecheck when the engine gains a class this list lacks.
true satisfies [Exclude<MessageClass, (typeof MESSAGE_CLASSES)[number]>] extends [never] ? true : false;
