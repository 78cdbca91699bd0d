import { EventEmitter } from 'node:events';
import { context, createContextKey, ROOT_CONTEXT, type Context } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { keepContext } from '../src/open-requests';
import {
  runEmitterInContext,
  sharesEmit,
  type ContextEmitter,
} from '../src/run-emitter-in-context';

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

describe('sharesEmit, with the context kept by keepContext', () => {
  /** What `ServerTracer` does for a request of a framework that shares its requests' prototype. */
  function runEmitterInContextViaPrototype(
    emitter: ContextEmitter,
    prototypeOf: (emitter: ContextEmitter) => ContextEmitter | undefined,
    ctx: Context,
  ): boolean {
    if (!sharesEmit(emitter, prototypeOf)) return false;
    keepContext(emitter, ctx);
    return true;
  }

  /** Emitters re-prototyped onto a shared prototype, as Express does with every `req`. */
  function sharedPrototype() {
    const prototype = Object.create(EventEmitter.prototype) as EventEmitter;
    const create = () => {
      const emitter = new EventEmitter();
      Object.setPrototypeOf(emitter, Object.create(prototype) as object);
      return emitter;
    };
    return { prototype, create, prototypeOf: () => prototype };
  }

  it('runs each emitter’s listeners in its own context and gives the emitters no field', () => {
    const { create, prototypeOf } = sharedPrototype();
    const [first, second] = [create(), create()];
    const before = Reflect.ownKeys(first);
    const seen: unknown[] = [];
    for (const emitter of [first, second]) {
      emitter.on('data', () => seen.push(context.active().getValue(key)));
    }
    expect(runEmitterInContextViaPrototype(first, prototypeOf, ROOT_CONTEXT.setValue(key, 1))).toBe(
      true,
    );
    expect(
      runEmitterInContextViaPrototype(second, prototypeOf, ROOT_CONTEXT.setValue(key, 2)),
    ).toBe(true);
    second.emit('data');
    first.emit('data');
    expect(seen).toEqual([2, 1]);
    expect(Reflect.ownKeys(first)).toEqual(before);
  });

  it('wraps the prototype once and asks for it only until then', () => {
    const { prototype, create } = sharedPrototype();
    const prototypeOf = jest.fn(() => prototype);
    runEmitterInContextViaPrototype(create(), prototypeOf, ROOT_CONTEXT);
    const wrapped = prototype.emit;
    runEmitterInContextViaPrototype(create(), prototypeOf, ROOT_CONTEXT);
    expect(prototype.emit).toBe(wrapped);
    expect(prototypeOf).toHaveBeenCalledTimes(1);
    expect(Object.keys(prototype)).toEqual([]); // not enumerable, like the method it shadows
  });

  it('lets emitters nobody bound pass through without a context switch', () => {
    const { create, prototypeOf } = sharedPrototype();
    runEmitterInContextViaPrototype(create(), prototypeOf, ROOT_CONTEXT.setValue(key, 'traced'));
    const untraced = create();
    const received: unknown[] = [];
    untraced.on('data', (...args: unknown[]) => received.push(args));
    const withSpy = jest.spyOn(context, 'with');
    try {
      expect(untraced.emit('data', 1, 'two')).toBe(true);
      expect(() => untraced.emit('error', new Error('unheard'))).toThrow('unheard');
      expect(withSpy).not.toHaveBeenCalled();
    } finally {
      withSpy.mockRestore();
    }
    expect(received).toEqual([[1, 'two']]);
  });

  it('lets the newest context win when two tracers bind one emitter', () => {
    const { create, prototypeOf } = sharedPrototype();
    const emitter = create();
    let seen: unknown;
    emitter.on('x', () => (seen = context.active().getValue(key)));
    runEmitterInContextViaPrototype(emitter, prototypeOf, ROOT_CONTEXT.setValue(key, 'first'));
    runEmitterInContextViaPrototype(emitter, prototypeOf, ROOT_CONTEXT.setValue(key, 'second'));
    emitter.emit('x');
    expect(seen).toBe('second');
  });

  it('binds nothing and says so when no prototype is found or the emitter shadows emit', () => {
    const { create, prototypeOf } = sharedPrototype();
    expect(runEmitterInContextViaPrototype(create(), () => undefined, ROOT_CONTEXT)).toBe(false);
    const shadowing = create();
    shadowing.emit = EventEmitter.prototype.emit;
    expect(runEmitterInContextViaPrototype(shadowing, prototypeOf, ROOT_CONTEXT)).toBe(false);
    expect(shadowing.emit).toBe(EventEmitter.prototype.emit);
  });
});
