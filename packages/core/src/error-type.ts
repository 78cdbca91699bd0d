import { ERROR_TYPE_OTHER } from './attribute-names';

/**
 * A low-cardinality name for a thrown value, for `error.type`: the class name
 * (`TypeError`, `NotFoundError`), else its `name`, else `_OTHER`.
 */
export function errorTypeOf(error: unknown): string {
  if (typeof error !== 'object' || error === null) return ERROR_TYPE_OTHER;
  const constructorName = (error as { constructor?: { name?: unknown } }).constructor?.name;
  if (
    typeof constructorName === 'string' &&
    constructorName !== '' &&
    constructorName !== 'Object'
  ) {
    return constructorName;
  }
  const name = (error as { name?: unknown }).name;
  return typeof name === 'string' && name !== '' ? name : ERROR_TYPE_OTHER;
}
