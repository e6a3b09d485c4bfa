/** The object types implementing the schema's `Refusal` interface. */
const REFUSAL_TYPENAMES = new Set(['Refused', 'LockedOut', 'DictionaryPackageRefused']);

type RefusalTypename = 'Refused' | 'LockedOut' | 'DictionaryPackageRefused';

/** The refusal members of a generated union type; for a loosely typed answer, the fields every refusal has. */
type RefusalOf<T> = [Extract<T, { __typename: RefusalTypename }>] extends [never]
  ? T & { __typename: RefusalTypename; message: string }
  : Extract<T, { __typename: RefusalTypename }>;

/**
 * Every mutation answers `success | refusal`: this tells the refusal apart by `__typename`, so a
 * page shows its `message` (in the user's language, from the server) and `field`.
 */
export function isRefusal<T extends { __typename?: string }>(result: T): result is RefusalOf<T> {
  return result.__typename !== undefined && REFUSAL_TYPENAMES.has(result.__typename);
}
