// The monitoring forms' JSON Schemas, fetched once per page load.
import { get } from './api';
import { fieldsFromSchema, type Field, type JsonSchema } from './schema-form';

const cache = new Map<string, Promise<Field[]>>();

export function formFields(name: 'report' | 'recommendation' | 'status-update' | 'feedback'): Promise<Field[]> {
  if (!cache.has(name)) {
    const loading = get<JsonSchema>(`/v1/monitoring/forms/${name}`).then((answer) => fieldsFromSchema(answer.body));
    loading.catch(() => cache.delete(name));
    cache.set(name, loading);
  }
  return cache.get(name)!;
}
