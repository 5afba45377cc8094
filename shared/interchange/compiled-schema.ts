/**
 * The export schema, compiled into plain functions for files that pass. Zod runs jitless here (the app's Content
 * Security Policy allows no `new Function`), and jitless zod builds a result record and an issue list for every
 * value it meets: a region's 60,000 answers took it over 100 ms, twice per export and import. The compiled form
 * walks the same schema once, with no per-value bookkeeping, and answers only "valid, and here is the value zod
 * would have given" or "not valid".
 *
 * It is made from the zod schema itself, which stays the one definition of the format: each kind of node
 * (object, record, array, union, enum, literal, optional, nullable, string, number, boolean, unknown) is checked
 * as zod's own parser checks it, and every refinement and limit (lengths, patterns, ranges, refine) is zod's own
 * check function, called as zod calls it. A schema with any other kind of node is refused when compiled.
 *
 * Where zod's result would hold exactly what the value holds (no key left out or put in another order, nothing
 * parsed to something new), the value itself is given rather than a copy: a file read from text is checked
 * without being copied. A caller that changes what it is given changes the value it passed in.
 *
 * Only "valid" is believed. A value it calls not valid is parsed again by zod (`parseWithSchema`), which finds the
 * first problem and words it exactly as before; should zod accept it after all, zod's value is used. So the fast
 * path can make a valid file quick, never an invalid one accepted (tests/shared/interchange/compiled-schema.test.ts
 * feeds both the same random valid and broken values).
 */
import type { z } from 'zod';

/** What a compiled check returns for a value that is not valid. */
const INVALID = Symbol('invalid');

/** A compiled node: the value zod's parse would give, or INVALID. */
type Compiled = (value: unknown) => unknown;

/** The payload zod's checks read and write. */
interface Payload {
  value: unknown;
  issues: unknown[];
}

/** The parts of zod's internals (`schema._zod`) the compiler reads: zod's documented core for library authors. */
interface Check {
  readonly _zod: {
    readonly def: { readonly when?: (payload: Payload) => boolean };
    readonly check: (payload: Payload) => unknown;
  };
}
interface Node {
  readonly _zod: {
    readonly def: {
      readonly type: string;
      readonly checks?: readonly Check[];
      readonly coerce?: boolean;
      readonly shape?: Readonly<Record<string, Node>>;
      readonly catchall?: Node;
      readonly keyType?: Node;
      readonly valueType?: Node;
      readonly mode?: string;
      readonly element?: Node;
      readonly options?: readonly Node[];
      readonly inclusive?: boolean;
      readonly discriminator?: unknown;
      readonly innerType?: Node;
    };
    readonly traits: ReadonlySet<string>;
    readonly optin?: 'optional' | 'defaulted';
    readonly optout?: 'optional';
    readonly values?: ReadonlySet<unknown>;
  };
}

/** Refuses, when compiled, a schema the compiler does not mirror exactly. */
function unsupported(what: string): never {
  throw new Error(`compiled-schema: ${what} is not supported; extend the compiler or use zod`);
}

/**
 * The node's own checks, in zod's order (a string format is itself the first check), run on the parsed value as
 * zod's `runChecks` runs them on a value with no issues yet: a check with a `when` runs only when it says so.
 */
function withChecks(node: Node, parse: Compiled): Compiled {
  const checks: Check[] = [
    ...(node._zod.traits.has('$ZodCheck') ? [node as unknown as Check] : []),
    ...(node._zod.def.checks ?? []),
  ];
  if (checks.length === 0) return parse;
  // One payload for this node, emptied before each use: checks only read it while they run, and the schema has no
  // node inside itself, so no two values share it at once.
  const payload: Payload = { value: undefined, issues: [] };
  return (value) => {
    const parsed = parse(value);
    if (parsed === INVALID) return INVALID;
    payload.value = parsed;
    payload.issues.length = 0;
    let valid = true;
    for (const check of checks) {
      const when = check._zod.def.when;
      if (when && !when(payload)) continue;
      // A check that answers with a promise is asynchronous: zod refuses those in a synchronous parse too.
      if (check._zod.check(payload) instanceof Promise || payload.issues.length > 0) {
        valid = false;
        break;
      }
    }
    payload.value = undefined;
    return valid ? parsed : INVALID;
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** zod's `isPlainObject`: what a record accepts. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (!isObject(value)) return false;
  const ctor: unknown = value.constructor;
  if (ctor === undefined || typeof ctor !== 'function') return true;
  const prototype: unknown = (ctor as { prototype?: unknown }).prototype;
  return isObject(prototype) && Object.prototype.hasOwnProperty.call(prototype, 'isPrototypeOf');
}

/** Marks a field passed over because it is absent and may be. */
const ABSENT = Symbol('absent');

function compileObject(node: Node): Compiled {
  const def = node._zod.def;
  if (def.catchall) unsupported('an object with a catchall');
  const shape = def.shape ?? {};
  if (Object.getOwnPropertySymbols(shape).length > 0) unsupported('an object with symbol keys');
  const keys = Object.keys(shape).filter((key) => key !== '__proto__');
  const fields = keys.map((key) => {
    const field = shape[key] as Node;
    const optin = field._zod.optin;
    const optout = field._zod.optout;
    return {
      key,
      parse: compile(field),
      // zod's handlePropertyResult: an absent key is passed over when its schema may be absent.
      skipWhenAbsent: optout === 'optional' && optin !== undefined,
      requiredWhenAbsent: optin === undefined,
      keepUndefinedWhenAbsent: optin === 'defaulted' && optout !== 'optional',
    };
  });
  const order = new Map(keys.map((key, at) => [key, at]));
  // zod reads a key through the prototype; a copy would miss one found there, so such a shape is never copied.
  const copyable = keys.every((key) => !(key in Object.prototype));
  // The fields' parsed values, reused call after call (no node holds itself, so no two calls overlap).
  const parsed: unknown[] = new Array<unknown>(fields.length);
  return (value) => {
    if (!isObject(value)) return INVALID;
    let present = 0;
    for (let at = 0; at < fields.length; at += 1) {
      const field = fields[at]!;
      const given = value[field.key];
      // Only an undefined value needs asking whether its key is there at all.
      if (given !== undefined || field.key in value) present += 1;
      else if (field.skipWhenAbsent) {
        parsed[at] = ABSENT;
        continue;
      } else if (field.requiredWhenAbsent) return INVALID;
      const result = field.parse(given);
      if (result === INVALID) return INVALID;
      parsed[at] = result;
    }
    const out = copyOf(value, present) ?? build(value);
    parsed.fill(undefined);
    return out;
  };

  /**
   * The output as the value itself, or a copy of it with the parsed fields put in, when it can be: a plain object
   * whose own enumerable keys are all of the shape, in the shape's order, and are all the keys present. Then zod's
   * result holds exactly its keys in its order; when every field parsed to itself, it is the value itself.
   */
  function copyOf(value: Record<string, unknown>, present: number): Record<string, unknown> | undefined {
    const prototype: unknown = Object.getPrototypeOf(value);
    if (!copyable || (prototype !== Object.prototype && prototype !== null)) return undefined;
    let next = 0;
    let count = 0;
    for (const key in value) {
      const at = order.get(key);
      if (at === undefined || at < next) return undefined;
      next = at + 1;
      count += 1;
    }
    // A present key that was not listed is not enumerable: zod reads it, a copy would not.
    if (count !== present) return undefined;
    let out: Record<string, unknown> | undefined;
    for (let at = 0; at < fields.length; at += 1) {
      const result = parsed[at];
      if (result === ABSENT) continue;
      const key = fields[at]!.key;
      if (result === value[key]) continue;
      out ??= { ...value };
      out[key] = result;
    }
    // zod's result is a plain object: a value without a prototype is given as one.
    return out ?? (prototype === Object.prototype ? value : { ...value });
  }

  /** The output built key by key, in the shape's order, as zod builds it. */
  function build(value: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (let at = 0; at < fields.length; at += 1) {
      const result = parsed[at];
      if (result === ABSENT) continue;
      const field = fields[at]!;
      if (result !== undefined) out[field.key] = result;
      else if (field.key in value || field.keepUndefinedWhenAbsent) out[field.key] = undefined;
    }
    return out;
  }
}

function compileRecord(node: Node): Compiled {
  const def = node._zod.def as Node['_zod']['def'] & { readonly partial?: boolean };
  if (def.mode === 'loose') unsupported('a loose record');
  const keyType = def.keyType as Node;
  if (keyType._zod.values && !def.partial) unsupported('a record keyed by every value of an enum');
  const parseKey = compile(keyType);
  const parseValue = compile(def.valueType as Node);
  return (value) => {
    if (!isPlainObject(value)) return INVALID;
    // zod takes every own key (Reflect.ownKeys): a symbol fails a key schema, so a record with one is left to zod;
    // the enumerable string keys are then those for...in gives that are the value's own.
    if (Object.getOwnPropertySymbols(value).length > 0) return INVALID;
    // A copy of the value keeps its keys in zod's order; only the values that parse to new ones are put in.
    let out: Record<string, unknown> | undefined;
    for (const key in value) {
      if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
      // zod leaves out an own __proto__ key (a copy would keep it), and keeps a key as its schema gives it back.
      if (key === '__proto__' || parseKey(key) !== key) return INVALID;
      const given = value[key];
      const result = parseValue(given);
      if (result === INVALID) return INVALID;
      if (result !== given) {
        out ??= { ...value };
        out[key] = result;
      }
    }
    // zod's result is a plain object with the value's own keys: the value itself when it is one already.
    return out ?? (Object.getPrototypeOf(value) === Object.prototype ? value : { ...value });
  };
}

function compileArray(node: Node): Compiled {
  const parseElement = compile(node._zod.def.element as Node);
  // A list whose elements may be undefined could have holes, where zod's result has undefined: always copied.
  const mayShare = parseElement(undefined) === INVALID;
  return (value) => {
    if (!Array.isArray(value)) return INVALID;
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i += 1) {
      const given: unknown = value[i];
      const parsed = parseElement(given);
      if (parsed === INVALID) return INVALID;
      if (parsed === given && out === undefined) continue;
      out ??= value.slice(0, i);
      out.push(parsed);
    }
    if (out) return out;
    // Shared only when it holds nothing but its elements, as zod's result does.
    const plain =
      Object.getPrototypeOf(value) === Array.prototype && Object.keys(value).length === value.length;
    return mayShare && plain ? value : [...value];
  };
}

function compileUnion(node: Node): Compiled {
  const def = node._zod.def;
  if (def.inclusive === false || def.discriminator !== undefined)
    unsupported('an exclusive or discriminated union');
  // The first option that accepts the value gives it, as in zod.
  const options = (def.options ?? []).map(compile);
  return (value) => {
    for (const option of options) {
      const parsed = option(value);
      if (parsed !== INVALID) return parsed;
    }
    return INVALID;
  };
}

function compileBase(node: Node): Compiled {
  const def = node._zod.def;
  if (def.coerce) unsupported('a coercing schema');
  switch (def.type) {
    case 'object':
      return compileObject(node);
    case 'record':
      return compileRecord(node);
    case 'array':
      return compileArray(node);
    case 'union':
      return compileUnion(node);
    case 'enum':
    case 'literal': {
      const values = node._zod.values ?? unsupported(`an ${def.type} without values`);
      return (value) => (values.has(value) ? value : INVALID);
    }
    case 'optional': {
      const inner = def.innerType as Node;
      if (inner._zod.optin === 'defaulted') unsupported('a default');
      const parse = compile(inner);
      return (value) => (value === undefined ? undefined : parse(value));
    }
    case 'nullable': {
      const parse = compile(def.innerType as Node);
      return (value) => (value === null ? null : parse(value));
    }
    case 'string':
      return (value) => (typeof value === 'string' ? value : INVALID);
    case 'number':
      return (value) => (typeof value === 'number' && Number.isFinite(value) ? value : INVALID);
    case 'boolean':
      return (value) => (typeof value === 'boolean' ? value : INVALID);
    case 'unknown':
      return (value) => value;
    default:
      return unsupported(`a ${def.type} schema`);
  }
}

function compile(node: Node): Compiled {
  return withChecks(node, compileBase(node));
}

/** A schema's compiled form: the value zod would give for a valid input, or `undefined` for anything else. */
export type CompiledSchema<T> = (value: unknown) => { readonly data: T } | undefined;

/**
 * Compiles a zod schema (see the top of this file for what it may hold).
 * @throws Error when the schema holds a kind of node the compiler does not mirror.
 */
export function compileSchema<T extends z.ZodType>(schema: T): CompiledSchema<z.output<T>> {
  const parse = compile(schema as unknown as Node);
  return (value) => {
    const parsed = parse(value);
    return parsed === INVALID ? undefined : { data: parsed as z.output<T> };
  };
}

/**
 * Parses with the compiled schema, and with zod itself only when that says the value is not valid: zod then
 * names the first problem (or, should it accept the value after all, gives it).
 */
export function parseWithSchema<T extends z.ZodType>(
  schema: T,
  compiled: CompiledSchema<z.output<T>>,
  value: unknown,
): z.ZodSafeParseResult<z.output<T>> {
  const fast = compiled(value);
  return fast ? { success: true, data: fast.data } : schema.safeParse(value);
}
