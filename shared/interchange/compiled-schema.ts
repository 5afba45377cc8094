/**
 * The export schema, compiled into plain functions for files that pass. Zod runs jitless here (the app's Content
 * Security Policy allows no `new Function`), and jitless zod builds a result record and an issue list for every
 * value it meets: a region's 60,000 answers took it over 100 ms, twice per export and import. The compiled form
 * walks the same schema once, with no per-value bookkeeping, and answers only "valid, and here is the value zod
 * would have given" or "not valid".
 *
 * It is made from the zod schema itself, which stays the one definition of the format: each kind of node
 * (object, record, array, union, enum, literal, optional, nullable, string, number, boolean, unknown) is checked
 * as zod's own parser checks it. zod's common checks are read from their definitions (a length limit, a pattern,
 * a number's bounds or integer format, a refinement's function) and tested directly, but such a test is trusted
 * only to say "passes": when it does not, zod's own check function decides, called as zod calls it, and every
 * other check is zod's from the start. A schema with any other kind of node is refused when compiled.
 *
 * Where zod's result would hold exactly what the value holds (no key left out or put in another order, nothing
 * parsed to something new), the value itself is given rather than a copy: a file read from text is checked
 * without being copied. A caller that changes what it is given changes the value it passed in. An object's keys
 * are walked once, in the order the value holds them, so a field the value does not hold costs one question
 * (`in`), not a lookup through the prototype chain for every field of the shape; nothing is allocated per value
 * that zod's result does not need. On a region (18 inspections of 60 cases, 60,000 answers) this takes the check
 * from about 64 ms to about 15 ms in Chromium (docs/speed.md).
 *
 * Only "valid" is believed. A value it calls not valid is parsed again by zod (`parseWithSchema`), which finds the
 * first problem and words it exactly as before; should zod accept it after all, zod's value is used. So the fast
 * path can make a valid file quick, never an invalid one accepted (tests/shared/interchange/compiled-schema.test.ts
 * feeds both the same random valid and broken values).
 */
import { z } from 'zod';

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
    readonly def: {
      readonly check?: string;
      readonly when?: (payload: Payload) => boolean;
      readonly maximum?: unknown;
      readonly minimum?: unknown;
      readonly value?: unknown;
      readonly inclusive?: boolean;
      readonly format?: string;
      readonly pattern?: unknown;
      readonly fn?: (value: unknown) => unknown;
    };
    readonly check: (payload: Payload) => unknown;
    readonly traits: ReadonlySet<string>;
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
 * zod's default `when` for a length check (run on anything with a length): true for every string and list. A
 * length check with another `when` is run as zod runs it.
 */
const LENGTH_WHEN = (z.string().max(1)._zod.def.checks?.[0] as unknown as Check | undefined)?._zod.def.when;

/*
 * How a check is run. Each of zod's common checks has a quick test that, when it passes, zod's check would pass
 * too (a string of at most `maximum` UTF-16 units has at most that many characters; a pattern that matched a
 * string matches it again). When the quick test does not pass, zod's own check decides, so a limit or pattern is
 * never judged differently from zod. Any other check is zod's from the start.
 */
const BY_ZOD = 0;
const MAX_LENGTH = 1;
const MIN_LENGTH = 2;
const PATTERN = 3;
const REFINE = 4;
const AT_LEAST = 5;
const ABOVE = 6;
const AT_MOST = 7;
const BELOW = 8;
const SAFE_INTEGER = 9;

/** One check of a node, in the form the compiled node runs it. */
interface FastCheck {
  readonly kind: number;
  /** zod's check, for when the quick test does not decide. */
  readonly check: Check;
  /** The length or number the quick test compares with. */
  readonly limit: number;
  readonly pattern: RegExp | undefined;
  readonly refine: ((value: unknown) => unknown) | undefined;
  /** The last string the pattern matched (a pattern's answer for one string never changes). */
  matched: unknown;
}

/** Regexes that are zod's format patterns, tested as zod tests them, and nothing else. */
const PATTERN_FORMATS = ['$ZodCheckRegex', '$ZodISODateTime', '$ZodISODate'];

/** How the compiled node runs one of zod's checks on a value of the node's type (`string`, `number`, …). */
function fastCheck(check: Check, type: string): FastCheck {
  const { def, traits } = check._zod;
  const fast = (
    kind: number,
    limit = 0,
    pattern?: RegExp,
    refine?: (value: unknown) => unknown,
  ): FastCheck => ({
    kind,
    check,
    limit,
    pattern,
    refine,
    matched: INVALID,
  });
  const hasLength = type === 'string' || type === 'array';
  if (hasLength && def.when === LENGTH_WHEN && LENGTH_WHEN !== undefined) {
    if (def.check === 'max_length' && traits.has('$ZodCheckMaxLength') && typeof def.maximum === 'number')
      return fast(MAX_LENGTH, def.maximum);
    if (def.check === 'min_length' && traits.has('$ZodCheckMinLength') && typeof def.minimum === 'number')
      return fast(MIN_LENGTH, def.minimum);
  }
  if (def.when !== undefined) return fast(BY_ZOD);
  if (
    type === 'string' &&
    def.check === 'string_format' &&
    def.pattern instanceof RegExp &&
    PATTERN_FORMATS.some((trait) => traits.has(trait))
  )
    return fast(PATTERN, 0, def.pattern);
  if (def.check === 'custom' && traits.has('$ZodCustom') && typeof def.fn === 'function')
    return fast(REFINE, 0, undefined, def.fn);
  if (type === 'number') {
    if (def.check === 'number_format' && traits.has('$ZodCheckNumberFormat') && def.format === 'safeint')
      return fast(SAFE_INTEGER);
    if (typeof def.value === 'number') {
      if (def.check === 'greater_than' && traits.has('$ZodCheckGreaterThan'))
        return fast(def.inclusive ? AT_LEAST : ABOVE, def.value);
      if (def.check === 'less_than' && traits.has('$ZodCheckLessThan'))
        return fast(def.inclusive ? AT_MOST : BELOW, def.value);
    }
  }
  return fast(BY_ZOD);
}

/** Whether the check's quick test passes for the value (false: zod's check decides). */
function passesQuickly(check: FastCheck, value: unknown): boolean {
  switch (check.kind) {
    case MAX_LENGTH:
      return (value as string | unknown[]).length <= check.limit;
    case MIN_LENGTH:
      // A character is one or two UTF-16 units: twice the floor in units is always enough characters.
      return (value as string | unknown[]).length >= check.limit * 2;
    case PATTERN: {
      if (value === check.matched) return true;
      const pattern = check.pattern!;
      pattern.lastIndex = 0;
      if (!pattern.test(value as string)) return false;
      check.matched = value;
      return true;
    }
    case REFINE: {
      const result = check.refine!(value);
      return !(result instanceof Promise) && Boolean(result);
    }
    case AT_LEAST:
      return (value as number) >= check.limit;
    case ABOVE:
      return (value as number) > check.limit;
    case AT_MOST:
      return (value as number) <= check.limit;
    case BELOW:
      return (value as number) < check.limit;
    case SAFE_INTEGER:
      return Number.isSafeInteger(value);
    default:
      return false;
  }
}

/**
 * The node's own checks, in zod's order (a string format is itself the first check), run on the parsed value as
 * zod's `runChecks` runs them on a value with no issues yet: a check with a `when` runs only when it says so.
 */
function withChecks(node: Node, parse: Compiled): Compiled {
  const type = node._zod.def.type;
  const checks: FastCheck[] = [
    ...(node._zod.traits.has('$ZodCheck') ? [node as unknown as Check] : []),
    ...(node._zod.def.checks ?? []),
  ].map((check) => fastCheck(check, type));
  if (checks.length === 0) return parse;
  // One payload for this node, emptied before each use: checks only read it while they run, and the schema has no
  // node inside itself, so no two values share it at once.
  const payload: Payload = { value: undefined, issues: [] };
  /** zod's check run as zod runs it: the value it leaves (a check may overwrite it), or INVALID. */
  const byZod = (check: Check, value: unknown): unknown => {
    payload.value = value;
    payload.issues.length = 0;
    const when = check._zod.def.when;
    let result: unknown = value;
    // A check that answers with a promise is asynchronous: zod refuses those in a synchronous parse too.
    if (!when || when(payload)) {
      const answer = check._zod.check(payload);
      result = answer instanceof Promise || payload.issues.length > 0 ? INVALID : payload.value;
    }
    payload.value = undefined;
    return result;
  };
  return (value) => {
    let parsed = parse(value);
    if (parsed === INVALID) return INVALID;
    for (let at = 0; at < checks.length; at += 1) {
      const check = checks[at]!;
      if (passesQuickly(check, parsed)) continue;
      parsed = byZod(check.check, parsed);
      if (parsed === INVALID) return INVALID;
    }
    return parsed;
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
/** An object the quick path leaves to the general one (keys out of the shape's order, unknown or unenumerable). */
const UNUSUAL = Symbol('unusual');

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
  // The fields' parsed values, reused call after call (no node holds itself, so no two calls overlap): marked
  // ABSENT before each use (a refinement that threw may have left some) and after it (so nothing is held on to).
  const parsed: unknown[] = new Array<unknown>(fields.length).fill(ABSENT);
  const count = fields.length;
  return (value) => {
    if (!isObject(value)) return INVALID;
    if (copyable && Object.getPrototypeOf(value) === Object.prototype) {
      const inOrder = inShapeOrder(value);
      if (inOrder !== UNUSUAL) return inOrder;
      const out = anyOrder(value);
      if (out !== UNUSUAL) return out;
    }
    parsed.fill(ABSENT);
    let present = 0;
    for (let at = 0; at < fields.length; at += 1) {
      const field = fields[at]!;
      const given = value[field.key];
      // Only an undefined value needs asking whether its key is there at all.
      if (given !== undefined || field.key in value) present += 1;
      else if (field.skipWhenAbsent) {
        parsed[at] = ABSENT;
        continue;
      } else if (field.requiredWhenAbsent) return done(INVALID);
      const result = field.parse(given);
      if (result === INVALID) return done(INVALID);
      parsed[at] = result;
    }
    return done(copyOf(value, present) ?? build(value));
  };

  /**
   * The commonest case, most quickly: a plain object whose keys are all of the shape and in its order (as a file
   * Casescore wrote holds them), and whose absent fields may be absent and are not held at all (not even
   * unenumerable). Each key's field is found by walking the shape along with the keys. zod's result holds the
   * value's keys in its order: the value itself when every field parsed to itself. Anything else is UNUSUAL.
   */
  function inShapeOrder(value: Record<string, unknown>): unknown {
    let out: Record<string, unknown> | undefined;
    let at = 0;
    for (const key in value) {
      while (at < count && fields[at]!.key !== key) {
        const field = fields[at]!;
        if (!field.skipWhenAbsent || field.key in value) return UNUSUAL;
        at += 1;
      }
      if (at === count) return UNUSUAL;
      const item = value[key];
      const result = fields[at]!.parse(item);
      if (result === INVALID) return INVALID;
      if (result !== item) {
        out ??= { ...value };
        out[key] = result;
      }
      at += 1;
    }
    for (; at < count; at += 1) {
      const field = fields[at]!;
      if (!field.skipWhenAbsent || field.key in value) return UNUSUAL;
    }
    return out ?? value;
  }

  /**
   * The common case, quickly: a plain object whose absent fields may be absent and are not held at all (not even
   * unenumerable), its keys in any order. Its own keys are walked once: a key of the shape is found by looking
   * ahead in the shape first, then by name; a key not of the shape is left out, as zod leaves it out. zod's result
   * is the value itself when its keys are all of the shape, in the shape's order, and every field parsed to
   * itself; otherwise a new object in the shape's order. Anything else is UNUSUAL, for the general path.
   */
  function anyOrder(value: Record<string, unknown>): unknown {
    parsed.fill(ABSENT);
    let next = 0;
    let same = true;
    for (const key in value) {
      let at = next;
      while (at < count && fields[at]!.key !== key) at += 1;
      if (at === count) {
        // Out of the shape's order, or not of the shape at all (then zod leaves it out).
        same = false;
        const found = order.get(key);
        if (found === undefined) continue;
        at = found;
      }
      next = at + 1;
      const item = value[key];
      const result = fields[at]!.parse(item);
      if (result === INVALID) return done(INVALID);
      if (result !== item) same = false;
      parsed[at] = result;
    }
    for (let at = 0; at < count; at += 1) {
      if (parsed[at] !== ABSENT) continue;
      const field = fields[at]!;
      if (!field.skipWhenAbsent || field.key in value) return done(UNUSUAL);
    }
    if (same) return done(value);
    const out: Record<string, unknown> = {};
    for (let at = 0; at < count; at += 1) {
      const result = parsed[at];
      if (result !== ABSENT) out[fields[at]!.key] = result;
    }
    return done(out);
  }

  /** Forgets the parsed fields (marking them all absent for the next value), giving `result`. */
  function done(result: unknown): unknown {
    parsed.fill(ABSENT);
    return result;
  }

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
    // Once a value parses to a new one, the rest go into a copy that keeps the keys in zod's order.
    let out: Record<string, unknown> | undefined;
    for (const key in value) {
      if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
      // zod leaves out an own __proto__ key (a copy would keep it), and keeps a key as its schema gives it back.
      if (key === '__proto__' || parseKey(key) !== key) return INVALID;
      const given = value[key];
      const result = parseValue(given);
      if (result === INVALID) return INVALID;
      if (out) out[key] = result;
      else if (result !== given) out = copyUpTo(value, key, result);
    }
    // zod's result is a plain object with the value's own keys: the value itself when it is one already.
    return out ?? (Object.getPrototypeOf(value) === Object.prototype ? value : { ...value });
  };
}

/**
 * A copy of a record's own keys before `key`, with `key` set to `result`. Built key by key: spreading a record of
 * many keys into a new object is several times slower.
 */
function copyUpTo(value: Record<string, unknown>, key: string, result: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const before in value) {
    if (!Object.prototype.hasOwnProperty.call(value, before)) continue;
    if (before === key) break;
    out[before] = value[before];
  }
  out[key] = result;
  return out;
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
      // An exact optional runs its inner schema on undefined too.
      if (node._zod.traits.has('$ZodExactOptional')) return compile(inner);
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

/** Each node compiled once, however many places hold it (the schema has no node inside itself). */
const compiledNodes = new WeakMap<Node, Compiled>();

function compile(node: Node): Compiled {
  let compiled = compiledNodes.get(node);
  if (!compiled) {
    compiled = withChecks(node, compileBase(node));
    compiledNodes.set(node, compiled);
  }
  return compiled;
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
