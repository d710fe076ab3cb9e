/**
 * Console values as text, the way Node's `util.inspect` shows them (the student reads the
 * same in the page and in `ticklab grade`): strings bare at the top level and quoted
 * inside, `{ a: 1, b: 'x' }`, `Foo { x: 1 }`, `[ 1, 2, 3 ]`, `Map(1) { 'k' => 1 }`,
 * `Float64Array(2) [ 1, 2 ]`, `[Function: f]`, `[Circular]`, `[Object]` beyond the depth
 * limit, at most 100 items of a collection. Getters are never called (a getter could run
 * student code with side effects, or throw). Browser-safe, no dependency.
 */

/** How deep nested objects are shown before `[Object]` (Node's default is 2 too). */
export const DEFAULT_DEPTH = 2;
/** Items of an array, set, map or object shown before "... N more items". */
export const MAX_ITEMS = 100;
/** Above this, an object is shown one entry per line. */
const BREAK_LENGTH = 72;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function quote(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  return q + s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(new RegExp(q, 'g'), `\\${q}`) + q;
}

function key(k: string | symbol): string {
  if (typeof k === 'symbol') return `[${k.toString()}]`;
  return IDENTIFIER.test(k) ? k : quote(k);
}

function constructorName(value: object): string | undefined {
  try {
    const proto = Object.getPrototypeOf(value);
    if (proto === null) return '[Object: null prototype]';
    const name = proto?.constructor?.name;
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
}

function wrap(prefix: string, open: string, items: string[], close: string, indent: string): string {
  if (items.length === 0) return `${prefix}${open}${close}`;
  const line = `${prefix}${open} ${items.join(', ')} ${close}`;
  if (line.length <= BREAK_LENGTH && !line.includes('\n')) return line;
  const inner = `${indent}  `;
  return `${prefix}${open}\n${items.map((i) => inner + i.replace(/\n/g, `\n${inner}`)).join(',\n')}\n${indent}${close}`;
}

function more(n: number): string {
  return `... ${n} more item${n === 1 ? '' : 's'}`;
}

function primitive(value: unknown, top: boolean): string | undefined {
  switch (typeof value) {
    case 'string':
      return top ? value : quote(value);
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return `${value}n`;
    case 'boolean':
    case 'undefined':
      return String(value);
    case 'symbol':
      return value.toString();
    case 'function': {
      const source = Function.prototype.toString.call(value);
      const name = (value as { name?: string }).name;
      if (source.startsWith('class')) return `[class ${name || '(anonymous)'}]`;
      return name ? `[Function: ${name}]` : '[Function (anonymous)]';
    }
  }
  if (value === null) return 'null';
  return undefined;
}

function inspectAt(value: unknown, depth: number, seen: Set<object>, indent: string, top: boolean): string {
  const simple = primitive(value, top);
  if (simple !== undefined) return simple;
  const obj = value as object;
  if (seen.has(obj)) return '[Circular]';
  if (obj instanceof Error) return obj.stack && obj.stack.includes(obj.message) ? obj.stack : `${obj.name}: ${obj.message}`;
  if (obj instanceof Date) return Number.isNaN(obj.getTime()) ? 'Invalid Date' : obj.toISOString();
  if (obj instanceof RegExp) return String(obj);
  if (obj instanceof Promise) return 'Promise { <pending or settled> }';
  if (obj instanceof WeakMap || obj instanceof WeakSet) return `${constructorName(obj)} { <items unknown> }`;
  if (obj instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && obj instanceof SharedArrayBuffer)) {
    return `${constructorName(obj)} { byteLength: ${(obj as ArrayBuffer).byteLength} }`;
  }
  const name = constructorName(obj);
  const isArray = Array.isArray(obj);
  if (depth < 0) return isArray ? '[Array]' : `[${name && name !== 'Object' ? name : 'Object'}]`;

  seen.add(obj);
  try {
    const child = (v: unknown) => inspectAt(v, depth - 1, seen, `${indent}  `, false);
    if (ArrayBuffer.isView(obj) && !(obj instanceof DataView)) {
      const typed = obj as unknown as ArrayLike<number | bigint>;
      const shown = Array.from({ length: Math.min(typed.length, MAX_ITEMS) }, (_, i) => primitive(typed[i], false)!);
      if (typed.length > MAX_ITEMS) shown.push(more(typed.length - MAX_ITEMS));
      return wrap(`${name}(${typed.length}) `, '[', shown, ']', indent);
    }
    if (obj instanceof Map) {
      const items: string[] = [];
      for (const [k, v] of obj) {
        if (items.length === MAX_ITEMS) {
          items.push(more(obj.size - MAX_ITEMS));
          break;
        }
        items.push(`${child(k)} => ${child(v)}`);
      }
      return wrap(`${name}(${obj.size}) `, '{', items, '}', indent);
    }
    if (obj instanceof Set) {
      const items: string[] = [];
      for (const v of obj) {
        if (items.length === MAX_ITEMS) {
          items.push(more(obj.size - MAX_ITEMS));
          break;
        }
        items.push(child(v));
      }
      return wrap(`${name}(${obj.size}) `, '{', items, '}', indent);
    }
    const items: string[] = [];
    if (isArray) {
      const arr = obj as unknown[];
      for (let i = 0; i < Math.min(arr.length, MAX_ITEMS); i++) items.push(i in arr ? child(arr[i]) : '<empty item>');
      if (arr.length > MAX_ITEMS) items.push(more(arr.length - MAX_ITEMS));
    }
    const keys = Reflect.ownKeys(obj).filter((k) => !(isArray && (k === 'length' || (typeof k === 'string' && /^\d+$/.test(k)))));
    for (const k of keys) {
      const d = Object.getOwnPropertyDescriptor(obj, k);
      if (!d || (!d.enumerable && typeof k !== 'symbol')) continue;
      if (items.length >= MAX_ITEMS) {
        items.push(more(keys.length - MAX_ITEMS));
        break;
      }
      const shown = 'value' in d ? child(d.value) : d.get && d.set ? '[Getter/Setter]' : d.get ? '[Getter]' : '[Setter]';
      items.push(`${key(k)}: ${shown}`);
    }
    if (isArray) return wrap(name && name !== 'Array' ? `${name}(${(obj as unknown[]).length}) ` : '', '[', items, ']', indent);
    return wrap(name && name !== 'Object' ? `${name} ` : '', '{', items, '}', indent);
  } finally {
    seen.delete(obj);
  }
}

/** One value as `util.inspect` would show it (strings bare when `top`). */
export function inspect(value: unknown, depth = DEFAULT_DEPTH, top = false): string {
  try {
    return inspectAt(value, depth, new Set(), '', top);
  } catch (error) {
    // A proxy or an exotic object that refuses to be read: say so rather than lose the line.
    return `[uninspectable: ${String((error as Error)?.message ?? error)}]`;
  }
}

/**
 * A console call's arguments as one line of text, as Node prints them: a first string
 * may hold `%s %d %i %f %j %o %O %c %%`; the rest are inspected and joined by spaces.
 */
export function formatArgs(args: readonly unknown[], depth = DEFAULT_DEPTH): string {
  if (args.length === 0) return '';
  let rest = [...args];
  let head = '';
  if (typeof args[0] === 'string' && args.length > 1 && /%[sdifjoOc%]/.test(args[0])) {
    let i = 1;
    head = args[0].replace(/%([sdifjoOc%])/g, (match, c: string) => {
      if (c === '%') return '%';
      if (i >= args.length) return match;
      const v = args[i++];
      switch (c) {
        case 's':
          return typeof v === 'string' ? v : inspect(v, 1);
        case 'd':
        case 'i': {
          const n = typeof v === 'bigint' ? v : Number(v);
          return typeof n === 'bigint' ? `${n}n` : String(c === 'i' ? Math.trunc(n) : n);
        }
        case 'f':
          return String(Number(v));
        case 'j':
          try {
            return JSON.stringify(v) ?? 'undefined';
          } catch {
            return '[Circular]';
          }
        case 'c':
          return '';
        default:
          return inspect(v, c === 'O' ? depth : 4);
      }
    });
    rest = args.slice(i);
    return [head, ...rest.map((a) => inspect(a, depth, true))].join(' ');
  }
  return rest.map((a) => inspect(a, depth, true)).join(' ');
}
