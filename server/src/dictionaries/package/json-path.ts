/** One thing wrong with a package: where (a JSONPath such as `$.dictionary.fields[3].type`) and what. */
export interface PackageProblem {
  path: string;
  message: string;
}

/** A JSON Pointer inside a package (`/dictionary/fields/3/type`) as a JSONPath for people (`$.dictionary.fields[3].type`). */
export function toJsonPath(pointer: string): string {
  const parts = pointer
    .split('/')
    .slice(1)
    .filter((part) => part !== '')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  return parts.reduce((path, part) => (/^[0-9]+$/.test(part) ? `${path}[${part}]` : /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(part) ? `${path}.${part}` : `${path}[${JSON.stringify(part)}]`), '$');
}
