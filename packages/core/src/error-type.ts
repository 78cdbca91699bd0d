import { ERROR_TYPE_OTHER } from './attributes';

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

function stringCode(value: unknown): string | undefined {
  const code = (value as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' && code !== '' ? code : undefined;
}

/**
 * A low-cardinality `error.type` for a failed outgoing call: the system or library
 * error code when there is one (`ECONNREFUSED`, `ENOTFOUND`, `UND_ERR_SOCKET`, also
 * on the error's `cause`, where fetch puts it), the name of a `DOMException`
 * (`TimeoutError`), else the type name as for any error.
 */
export function failureTypeOf(error: unknown): string {
  if (typeof error !== 'object' || error === null) return errorTypeOf(error);
  const code = stringCode(error) ?? stringCode((error as { cause?: unknown }).cause);
  if (code !== undefined) return code;
  const name = (error as { name?: unknown }).name;
  if (error.constructor?.name === 'DOMException' && typeof name === 'string' && name !== '') {
    return name;
  }
  return errorTypeOf(error);
}
