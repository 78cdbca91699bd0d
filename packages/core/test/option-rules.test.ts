import {
  applyOptionRules,
  checkOptionNames,
  functionRule,
  hasMethods,
  resolveOptionsWith,
  rule,
  type OptionRules,
} from '../src/option-rules';

interface Limits {
  size?: number;
  unit?: string;
}

interface Options {
  name?: string;
  limits?: Limits;
  onEvent?: () => void;
}

const LIMITS_RULES = {
  size: rule(
    (value) => typeof value === 'number',
    'a number',
    (size) => size ?? 10,
  ),
  unit: rule((value) => typeof value === 'string', 'a string'),
} satisfies OptionRules<Limits>;

const RULES = {
  name: rule(
    (value) => typeof value === 'string',
    'a string',
    (name) => name ?? 'default',
  ),
  limits: rule(
    (value) => typeof value === 'object' && value !== null,
    'an object',
    (limits, name) => resolveOptionsWith(LIMITS_RULES, limits ?? {}, `${name}.`),
  ),
  onEvent: functionRule(),
} satisfies OptionRules<Options>;

describe('resolveOptionsWith', () => {
  it('resolves each option by its rule: the default when absent, the value as given otherwise', () => {
    const onEvent = () => undefined;
    expect(resolveOptionsWith(RULES, { limits: { unit: 'kB' }, onEvent })).toStrictEqual({
      name: 'default',
      limits: { size: 10, unit: 'kB' },
      onEvent,
    });
  });

  it('names the option in the error of a value its rule rejects', () => {
    expect(() => resolveOptionsWith(RULES, { name: 1 })).toThrow(
      new TypeError('@otelware: option "name" must be a string'),
    );
  });

  it('names an option inside another by its path', () => {
    expect(() => resolveOptionsWith(RULES, { limits: { size: '1' } })).toThrow(
      new TypeError('@otelware: option "limits.size" must be a number'),
    );
    expect(() => resolveOptionsWith(RULES, { limits: { sizes: 1 } })).toThrow(
      new TypeError('@otelware: unknown option "limits.sizes"'),
    );
  });

  it('rejects an option without a rule', () => {
    expect(() => resolveOptionsWith(RULES, { nmae: 'x' })).toThrow(
      new TypeError('@otelware: unknown option "nmae"'),
    );
  });
});

describe('checkOptionNames', () => {
  it('accepts the options of every table given', () => {
    expect(() => checkOptionNames({ name: 'x', size: 1 }, [RULES, LIMITS_RULES])).not.toThrow();
  });

  it('rejects what is not an object', () => {
    expect(() => checkOptionNames('name', [RULES])).toThrow(
      new TypeError('@otelware: options must be an object'),
    );
  });
});

describe('applyOptionRules', () => {
  it('leaves the options without a rule to the caller', () => {
    expect(applyOptionRules(LIMITS_RULES, { size: 2, name: 1 })).toStrictEqual({
      size: 2,
      unit: undefined,
    });
  });
});

describe('hasMethods', () => {
  it('is true only for an object with a function under each name', () => {
    const isExporter = hasMethods('export', 'shutdown');
    expect(isExporter({ export: () => undefined, shutdown: () => undefined })).toBe(true);
    expect(isExporter({ export: () => undefined, shutdown: true })).toBe(false);
    expect(isExporter(null)).toBe(false);
  });
});
