// A monitoring form rendered from its JSON Schema (GET /v1/monitoring/forms/{name}): objects become fieldsets,
// integers number inputs with min and max, strings text inputs or (above 200 characters) textareas, enums
// selects. Labels come from each property's `x-labels` (by language) and fall back to its English description.
import type { Language } from '../common/language';

export interface JsonSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  format?: string;
  pattern?: string;
  enum?: unknown[];
  'x-labels'?: Partial<Record<Language, string>>;
}

interface Common {
  key: string;
  /** JSON pointer of the field in the body, e.g. /consultations/housing. */
  pointer: string;
  required: boolean;
  labels: Partial<Record<Language, string>>;
  description?: string;
}
export type Field =
  | (Common & { kind: 'group'; children: Field[] })
  | (Common & { kind: 'integer'; min?: number; max?: number })
  | (Common & { kind: 'text'; multiline: boolean; minLength?: number; maxLength?: number; format?: string; pattern?: string })
  | (Common & { kind: 'choice'; options: string[] });

export function fieldsFromSchema(schema: JsonSchema, pointer = ''): Field[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([key, property]) => {
    const common: Common = {
      key, pointer: `${pointer}/${key}`, required: required.has(key),
      labels: property['x-labels'] ?? {}, description: property.description,
    };
    if (property.type === 'object' || property.properties) {
      return { ...common, kind: 'group', children: fieldsFromSchema(property, common.pointer) };
    }
    if (property.enum) return { ...common, kind: 'choice', options: property.enum.map(String) };
    if (property.type === 'integer' || property.type === 'number') {
      return { ...common, kind: 'integer', min: property.minimum, max: property.maximum };
    }
    return {
      ...common, kind: 'text', multiline: (property.maxLength ?? 0) > 200 && !property.format && !property.pattern, minLength: property.minLength,
      maxLength: property.maxLength, format: property.format, pattern: property.pattern,
    };
  });
}

/** The field's label in the language, else English, else its description, else its key in words. */
export function fieldLabel(field: Pick<Common, 'labels' | 'description' | 'key'>, language: Language): string {
  return field.labels[language] ?? field.labels.en ?? field.description
    ?? field.key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ');
}

/** Every field that holds a value (not the groups), in order. */
export function leaves(fields: Field[]): Field[] {
  return fields.flatMap((field) => field.kind === 'group' ? leaves(field.children) : [field]);
}

/** The element id of a field's control, from its pointer. */
export function controlId(pointer: string): string {
  return `field${pointer.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

export type Body = Record<string, unknown>;

export function valueAt(body: unknown, pointer: string): unknown {
  let value: unknown = body;
  for (const key of pointer.split('/').slice(1)) {
    value = value !== null && typeof value === 'object' ? (value as Body)[key] : undefined;
  }
  return value;
}

export function setAt(body: Body, pointer: string, value: unknown): void {
  const keys = pointer.split('/').slice(1);
  let target = body;
  for (const key of keys.slice(0, -1)) {
    if (target[key] === null || typeof target[key] !== 'object') target[key] = {};
    target = target[key] as Body;
  }
  if (value === undefined) delete target[keys[keys.length - 1]];
  else target[keys[keys.length - 1]] = value;
}

/**
 * The body from the controls' texts (by pointer): an empty optional field is left out, a whole number becomes
 * a number, anything else typed in a number field is sent as typed so that the server names the mistake.
 */
export function bodyFromValues(fields: Field[], values: Record<string, string>): Body {
  const body: Body = {};
  for (const field of leaves(fields)) {
    const text = (values[field.pointer] ?? '').trim();
    if (text === '') continue;
    if (field.kind === 'integer') setAt(body, field.pointer, /^-?\d+$/.test(text) ? Number(text) : text);
    else setAt(body, field.pointer, field.kind === 'text' && field.multiline ? values[field.pointer] : text);
  }
  return body;
}

/** The controls' texts from a body. */
export function valuesFromBody(fields: Field[], body: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of leaves(fields)) {
    const value = valueAt(body, field.pointer);
    if (value !== undefined && value !== null) values[field.pointer] = String(value);
  }
  return values;
}

export interface LocalError {
  pointer: string;
  code: string;
}

/** What the page can check itself before sending (the server checks again and stays the authority). */
export function checkValues(fields: Field[], values: Record<string, string>): LocalError[] {
  const errors: LocalError[] = [];
  for (const field of leaves(fields)) {
    const text = (values[field.pointer] ?? '').trim();
    if (text === '') {
      if (field.required) errors.push({ pointer: field.pointer, code: 'required' });
      continue;
    }
    if (field.kind === 'integer') {
      if (!/^-?\d+$/.test(text)) errors.push({ pointer: field.pointer, code: 'wrong_type' });
      else if (field.min !== undefined && Number(text) < field.min) errors.push({ pointer: field.pointer, code: 'below_minimum' });
      else if (field.max !== undefined && Number(text) > field.max) errors.push({ pointer: field.pointer, code: 'above_maximum' });
    } else if (field.kind === 'text') {
      if (field.maxLength !== undefined && [...(values[field.pointer] ?? '')].length > field.maxLength) {
        errors.push({ pointer: field.pointer, code: 'too_long' });
      } else if (field.pattern && !new RegExp(field.pattern).test(text)) {
        errors.push({ pointer: field.pointer, code: 'bad_format' });
      }
    }
  }
  return errors;
}
