/**
 * Validates documents against JSON Schemas (draft 2020-12, which zod 4's toJSONSchema writes) with Ajv, the way a
 * consumer of the content API would: formats (date, uri) checked, unknown keywords an error.
 */
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** The problems of `data` against `schema`, each as "path: message"; [] when it is valid. */
export function schemaProblems(schema: object, data: unknown): string[] {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats.default(ajv);
  const validate = ajv.compile(schema);
  if (validate(data)) return [];
  return (validate.errors ?? []).map((error: ErrorObject) => `${error.instancePath || '/'}: ${error.message} ${JSON.stringify(error.params)}`);
}
