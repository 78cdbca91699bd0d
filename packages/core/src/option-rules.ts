/**
 * Each otelware options object is described once, by a table of rules keyed by
 * option name and typed `satisfies OptionRules<TheOptions>`, so the compiler makes
 * the table list exactly the interface's options. The table gives the known names
 * (any other is rejected), checks each value and resolves its default, once at
 * startup: a bad option throws a `TypeError` naming it, so a mistake fails at
 * boot, never during a request.
 */

/** Throws the `TypeError` every option check throws. */
export function optionError(message: string): never {
  throw new TypeError(`@otelware: ${message}`);
}

/** Checks one option's value (`undefined` when it is not given) and returns it resolved. */
export type OptionRule<In, Out> = (value: In | undefined, name: string) => Out;

/** One rule for each option of `O`, and none for anything else. */
export type OptionRules<O> = {
  readonly [K in keyof Required<O>]: OptionRule<Exclude<O[K], undefined>, unknown>;
};

type AnyOptionRules = Readonly<Record<string, OptionRule<never, unknown>>>;

/** The options as a table resolves them: each rule's result under the option's name. */
export type ResolvedBy<R extends AnyOptionRules> = { readonly [K in keyof R]: ReturnType<R[K]> };

/**
 * The rule of an option that is `undefined` or passes `test`; any other value throws
 * `option "{name}" must be {expected}`. `resolve` turns the checked value into what
 * the code reads (its default filled in); without it the value is kept as given.
 */
export function rule<T>(
  test: (value: unknown) => boolean,
  expected: string,
): OptionRule<T, T | undefined>;
export function rule<T, R>(
  test: (value: unknown) => boolean,
  expected: string,
  resolve: (value: T | undefined, name: string) => R,
): OptionRule<T, R>;
export function rule<T, R>(
  test: (value: unknown) => boolean,
  expected: string,
  resolve?: (value: T | undefined, name: string) => R,
): OptionRule<T, R | T | undefined> {
  return (value, name) => {
    if (value !== undefined && !test(value)) optionError(`option "${name}" must be ${expected}`);
    return resolve === undefined ? value : resolve(value, name);
  };
}

// The tests the option tables build their rules from.

export function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function isFunction(value: unknown): boolean {
  return typeof value === 'function';
}

export function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** A test for an object with each of these methods, such as a provider or an exporter. */
export function hasMethods(...methods: string[]): (value: unknown) => boolean {
  return (value) =>
    isObject(value) &&
    methods.every((method) => typeof (value as Record<string, unknown>)[method] === 'function');
}

/** The rule of a callback option (a hook, `ignore`, `spanName`): kept as given. */
export function functionRule<F>(): OptionRule<F, F | undefined> {
  return rule<F>(isFunction, 'a function');
}

/** The rule of a `propagator` option: a `TextMapPropagator`, kept as given. */
export function propagatorRule<P>(): OptionRule<P, P | undefined> {
  return rule<P>(
    hasMethods('extract', 'inject', 'fields'),
    'a TextMapPropagator (with extract(), inject() and fields())',
  );
}

/**
 * Throws unless `options` is an object whose every key has a rule in one of
 * `tables`. `prefix` names an options object inside another (`captureHeaders.`).
 */
export function checkOptionNames(
  options: unknown,
  tables: readonly AnyOptionRules[],
  prefix = '',
): void {
  if (!isObject(options)) optionError('options must be an object');
  for (const name of Object.keys(options)) {
    if (!tables.some((table) => Object.hasOwn(table, name))) {
      optionError(`unknown option "${prefix}${name}"`);
    }
  }
}

/** Runs each rule of `rules` on its option; keys without a rule are the caller's to check. */
export function applyOptionRules<R extends AnyOptionRules>(
  rules: R,
  options: object,
  prefix = '',
): ResolvedBy<R> {
  const resolved: Record<string, unknown> = {};
  for (const name of Object.keys(rules)) {
    const value = (options as Record<string, unknown>)[name];
    resolved[name] = (rules[name] as OptionRule<unknown, unknown>)(value, prefix + name);
  }
  return resolved as ResolvedBy<R>;
}

/** Checks the option names against `rules`, then resolves every option by its rule. */
export function resolveOptionsWith<R extends AnyOptionRules>(
  rules: R,
  options: unknown,
  prefix = '',
): ResolvedBy<R> {
  checkOptionNames(options, [rules], prefix);
  return applyOptionRules(rules, options as object, prefix);
}
