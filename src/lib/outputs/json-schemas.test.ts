import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemaDir, jsonSchemaFor, jsonSchemaTexts } from './json-schemas';

const root = path.resolve(import.meta.dirname, '../../..');

describe('the JSON Schemas editors use', () => {
  it('are committed and up to date with the zod schemas (run npm run schemas after changing src/schemas/)', () => {
    for (const [file, text] of Object.entries(jsonSchemaTexts())) {
      const committed = path.join(root, jsonSchemaDir, file);
      expect(fs.existsSync(committed), `${jsonSchemaDir}/${file} is missing: run npm run schemas`).toBe(true);
      expect(fs.readFileSync(committed, 'utf8'), `${jsonSchemaDir}/${file} is out of date: run npm run schemas`).toBe(text);
    }
  });

  it('are the ones .vscode/settings.json maps the content folders to', () => {
    const settings = fs.readFileSync(path.join(root, '.vscode', 'settings.json'), 'utf8');
    for (const file of Object.keys(jsonSchemaTexts()).filter((f) => f !== 'article.schema.json')) {
      expect(settings).toContain(`"./${jsonSchemaDir}/${file}"`);
    }
  });

  it('describe files as written: ids as strings, dates as YYYY-MM-DD, unknown fields refused', () => {
    const quote = jsonSchemaFor('quotes') as {
      properties: Record<string, { type?: string; pattern?: string; properties?: Record<string, { type?: string; format?: string }> }>;
      required: string[];
      additionalProperties: boolean;
    };
    expect(quote.properties['speaker']).toMatchObject({ type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' });
    expect(quote.properties['said']!.properties!['date']).toMatchObject({ type: 'string', format: 'date' });
    expect(quote.additionalProperties).toBe(false);
    expect(quote.required).toEqual(['text', 'speaker', 'role', 'kind', 'said', 'article', 'topics', 'newsroom']);
  });
});
