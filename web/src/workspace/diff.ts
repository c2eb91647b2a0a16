// What changed between two report bodies, field by field (JSON pointers), and carrying one's own changes over
// onto a newer revision after a 412.
import type { Body } from './schema-form';

/** Every leaf value of a body by JSON pointer. */
export function flatten(value: unknown, pointer = '', into = new Map<string, unknown>()): Map<string, unknown> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value as Body)) flatten(inner, `${pointer}/${key}`, into);
  } else if (pointer !== '') {
    into.set(pointer, value);
  }
  return into;
}

export interface Change {
  pointer: string;
  before: unknown;
  after: unknown;
}

/** The fields whose value differs, in the order of `after` then `before`. */
export function diff(before: unknown, after: unknown): Change[] {
  const a = flatten(before);
  const b = flatten(after);
  const pointers = [...new Set([...b.keys(), ...a.keys()])];
  return pointers.filter((pointer) => !Object.is(a.get(pointer), b.get(pointer)))
    .map((pointer) => ({ pointer, before: a.get(pointer), after: b.get(pointer) }));
}

export interface CarriedOver {
  body: Body;
  /** Fields that both the other person and I changed, to different values: mine are kept, to be checked. */
  conflicts: Change[];
  /** My changes, applied onto the newer revision. */
  mine: Change[];
}

/** The newer revision (`theirs`) with every field I changed since `base` set to my value. */
export function carryOver(base: unknown, mine: Body, theirs: Body): CarriedOver {
  const myChanges = diff(base, mine);
  const theirValues = flatten(theirs);
  const baseValues = flatten(base);
  const body = structuredClone(theirs);
  const conflicts: Change[] = [];
  for (const change of myChanges) {
    const their = theirValues.get(change.pointer);
    if (!Object.is(their, baseValues.get(change.pointer)) && !Object.is(their, change.after)) {
      conflicts.push({ pointer: change.pointer, before: their, after: change.after });
    }
    setPointer(body, change.pointer, change.after);
  }
  return { body, conflicts, mine: myChanges };
}

function setPointer(body: Body, pointer: string, value: unknown): void {
  const keys = pointer.split('/').slice(1);
  let target = body;
  for (const key of keys.slice(0, -1)) {
    if (target[key] === null || typeof target[key] !== 'object') target[key] = {};
    target = target[key] as Body;
  }
  if (value === undefined) delete target[keys[keys.length - 1]];
  else target[keys[keys.length - 1]] = value;
}
