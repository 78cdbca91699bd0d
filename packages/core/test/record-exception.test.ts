import { SpanStatusCode } from '@opentelemetry/api';
import {
  ATTR_EXCEPTION_MESSAGE,
  ATTR_EXCEPTION_STACKTRACE,
  ATTR_EXCEPTION_TYPE,
} from '@opentelemetry/semantic-conventions';
import { createTestProvider, THROWN_VALUES, useDiagMessages } from '@otelware/test-support';
import { MAX_ATTRIBUTE_LENGTH } from '../src/attributes';
import { exceptionAttributes, recordException } from '../src/record-exception';

const diagMessages = useDiagMessages();

async function recorded(value: unknown) {
  const { provider, spans } = createTestProvider();
  const span = provider.getTracer('test').startSpan('work');
  recordException(span, value);
  span.setStatus({ code: SpanStatusCode.ERROR });
  span.end();
  const [ended] = await spans(1);
  return ended!.events;
}

describe('recordException', () => {
  it.each(THROWN_VALUES)('records $label as an exception event', async ({ value, event }) => {
    const events = await recorded(value);
    expect(events.map((e) => [e.name, e.attributes])).toEqual([['exception', event]]);
  });

  it.each(THROWN_VALUES)('records $label without an SDK warning', async ({ value }) => {
    await recorded(value);
    expect(diagMessages).toEqual([]);
  });

  it('hands an Error to the SDK as it is', async () => {
    const error = new RangeError('out of range');
    const [event] = await recorded(error);
    expect(event?.attributes).toEqual({
      [ATTR_EXCEPTION_TYPE]: 'RangeError',
      [ATTR_EXCEPTION_MESSAGE]: 'out of range',
      [ATTR_EXCEPTION_STACKTRACE]: error.stack,
    });
  });

  it('records an Error with an empty name and message by its class', async () => {
    const error = Object.assign(new SyntaxError(''), { name: '' });
    const [event] = await recorded(error);
    expect(event?.attributes).toEqual({
      [ATTR_EXCEPTION_TYPE]: 'SyntaxError',
      [ATTR_EXCEPTION_MESSAGE]: '',
      [ATTR_EXCEPTION_STACKTRACE]: error.stack,
    });
    expect(diagMessages).toEqual([]);
  });
});

describe('exceptionAttributes', () => {
  it('uses the name of an object that has one', () => {
    expect(exceptionAttributes({ name: 'ValidationError', message: 'bad' })).toEqual({
      [ATTR_EXCEPTION_TYPE]: 'ValidationError',
      [ATTR_EXCEPTION_MESSAGE]: 'bad',
    });
  });

  it('uses the class name of an instance that is not an Error', () => {
    class Rejection {
      constructor(readonly reason: string) {}
    }
    expect(exceptionAttributes(new Rejection('no'))).toEqual({
      [ATTR_EXCEPTION_TYPE]: 'Rejection',
      [ATTR_EXCEPTION_MESSAGE]: '{"reason":"no"}',
    });
  });

  it('keeps the stack of an error-like object', () => {
    expect(exceptionAttributes({ message: 'm', stack: 'at here' })).toEqual({
      [ATTR_EXCEPTION_TYPE]: 'Object',
      [ATTR_EXCEPTION_MESSAGE]: 'm',
      [ATTR_EXCEPTION_STACKTRACE]: 'at here',
    });
  });

  it('renders an array as JSON', () => {
    expect(exceptionAttributes(['a', 1])[ATTR_EXCEPTION_MESSAGE]).toBe('["a",1]');
  });

  it('renders an object without a prototype as JSON', () => {
    const bare = Object.assign(Object.create(null), { code: 7 });
    expect(exceptionAttributes(bare)).toEqual({
      [ATTR_EXCEPTION_TYPE]: 'Object',
      [ATTR_EXCEPTION_MESSAGE]: '{"code":7}',
    });
  });

  it('marks a cycle instead of failing', () => {
    const cyclic: Record<string, unknown> = { code: 1 };
    cyclic['self'] = cyclic;
    expect(exceptionAttributes(cyclic)[ATTR_EXCEPTION_MESSAGE]).toBe(
      '{"code":1,"self":"[Circular]"}',
    );
  });

  it('writes a bigint as a string', () => {
    expect(exceptionAttributes({ amount: 10n })[ATTR_EXCEPTION_MESSAGE]).toBe('{"amount":"10n"}');
  });

  it('caps the rendering of a huge object', () => {
    const huge = Object.fromEntries(
      Array.from({ length: 10_000 }, (_, i) => [`key${i}`, 'x'.repeat(100)]),
    );
    const message = exceptionAttributes(huge)[ATTR_EXCEPTION_MESSAGE] as string;
    expect(message.length).toBe(MAX_ATTRIBUTE_LENGTH);
    expect(message.startsWith('{"key0":"xxx')).toBe(true);
  });

  it('caps a huge thrown string', () => {
    const message = exceptionAttributes('y'.repeat(MAX_ATTRIBUTE_LENGTH * 2));
    expect(message[ATTR_EXCEPTION_MESSAGE]).toBe('y'.repeat(MAX_ATTRIBUTE_LENGTH));
  });

  it('gives the type alone when reading the object throws', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('trap');
        },
      },
    );
    expect(exceptionAttributes(hostile)).toEqual({ [ATTR_EXCEPTION_TYPE]: 'Object' });
  });

  it('omits the message when toJSON throws', () => {
    const value = {
      toJSON() {
        throw new Error('no JSON');
      },
    };
    expect(exceptionAttributes(value)).toEqual({ [ATTR_EXCEPTION_TYPE]: 'Object' });
  });

  it('uses the string form of a symbol', () => {
    expect(exceptionAttributes(Symbol('gone'))).toEqual({
      [ATTR_EXCEPTION_TYPE]: 'symbol',
      [ATTR_EXCEPTION_MESSAGE]: 'Symbol(gone)',
    });
  });
});
