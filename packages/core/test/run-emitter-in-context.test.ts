import { EventEmitter } from 'node:events';
import { context, createContextKey, ROOT_CONTEXT } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { runEmitterInContext } from '../src/run-emitter-in-context';

const key = createContextKey('test');
const manager = new AsyncLocalStorageContextManager();

beforeAll(() => context.setGlobalContextManager(manager.enable()));
afterAll(() => context.disable());

describe('runEmitterInContext', () => {
  it('runs listeners, also those added earlier, in the bound context', () => {
    const emitter = new EventEmitter();
    const seen: unknown[] = [];
    emitter.on('data', () => seen.push(context.active().getValue(key)));
    runEmitterInContext(emitter, ROOT_CONTEXT.setValue(key, 'request'));
    emitter.on('end', () => seen.push(context.active().getValue(key)));
    emitter.emit('data', 'chunk');
    emitter.emit('end');
    expect(seen).toEqual(['request', 'request']);
  });

  it('passes the arguments and the return value through, and removeListener still works', () => {
    const emitter = new EventEmitter();
    runEmitterInContext(emitter, ROOT_CONTEXT);
    const received: unknown[] = [];
    const listener = (...args: unknown[]) => received.push(args);
    emitter.on('data', listener);
    expect(emitter.emit('data', 1, 'two')).toBe(true);
    emitter.removeListener('data', listener);
    expect(emitter.emit('data', 3)).toBe(false);
    expect(received).toEqual([[1, 'two']]);
  });

  it('adds no property to the emitter but its emit (V8 keeps such objects fast)', () => {
    const emitter = new EventEmitter();
    const before = Reflect.ownKeys(emitter);
    runEmitterInContext(emitter, ROOT_CONTEXT);
    expect(Reflect.ownKeys(emitter).filter((key) => !before.includes(key))).toEqual(['emit']);
  });

  it('rebinds to the newest context instead of wrapping twice', () => {
    const emitter = new EventEmitter();
    let seen: unknown;
    emitter.on('x', () => (seen = context.active().getValue(key)));
    runEmitterInContext(emitter, ROOT_CONTEXT.setValue(key, 'first'));
    runEmitterInContext(emitter, ROOT_CONTEXT.setValue(key, 'second'));
    emitter.emit('x');
    expect(seen).toBe('second');
  });

  it('emits an event nobody listens to without a context switch, and still throws an unheard error', () => {
    const emitter = new EventEmitter();
    runEmitterInContext(emitter, ROOT_CONTEXT.setValue(key, 'request'));
    const withSpy = jest.spyOn(context, 'with');
    try {
      expect(emitter.emit('end')).toBe(false);
      expect(() => emitter.emit('error', new Error('unheard'))).toThrow('unheard');
      expect(withSpy).not.toHaveBeenCalled();
      emitter.on('end', () => undefined);
      emitter.emit('end');
      expect(withSpy).toHaveBeenCalledTimes(1);
    } finally {
      withSpy.mockRestore();
    }
  });
});
