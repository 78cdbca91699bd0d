import type { TraceState } from '@opentelemetry/api';
import { serializeWithinLimit } from './serialize-within-limit';
import { isTraceStateKey, isTraceStateValue } from './tracestate-grammar';

/** A `list` holds at most 32 list-members (§3.3.1.1). */
export const MAX_LIST_MEMBERS = 32;

/**
 * An immutable, spec-exact `TraceState`: every change returns a new instance;
 * `set` refuses a key or value outside the grammar, puts the entry first (§3.5
 * "Mutating the tracestate Field") and, at 32 members, drops the right-most one
 * (Level 2 §3.3.2); `serialize` keeps to 512 characters (§3.3.1.5).
 */
export class W3CTraceState implements TraceState {
  private serialized: string | undefined;

  /** `keys` and `values` left to right as in the header, already valid and unique. */
  constructor(
    private readonly keys: readonly string[],
    private readonly values: readonly string[],
  ) {}

  get(key: string): string | undefined {
    const index = this.keys.indexOf(key);
    return index === -1 ? undefined : this.values[index];
  }

  set(key: string, value: string): W3CTraceState {
    if (!isTraceStateKey(key, 0, key.length) || !isTraceStateValue(value, 0, value.length)) {
      return this;
    }
    const keys = [key];
    const values = [value];
    this.keys.forEach((other, index) => {
      if (other === key || keys.length === MAX_LIST_MEMBERS) return;
      keys.push(other);
      values.push(this.values[index] as string);
    });
    return new W3CTraceState(keys, values);
  }

  unset(key: string): W3CTraceState {
    const index = this.keys.indexOf(key);
    if (index === -1) return this;
    return new W3CTraceState(
      this.keys.filter((_, at) => at !== index),
      this.values.filter((_, at) => at !== index),
    );
  }

  serialize(): string {
    this.serialized ??= serializeWithinLimit(this.keys, this.values);
    return this.serialized;
  }
}

/** The state with no entries, shared: it is immutable. */
export const EMPTY_TRACE_STATE = new W3CTraceState([], []);
