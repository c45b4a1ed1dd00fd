import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryJsonSchema, jsonSchemaDir, jsonSchemaFor, jsonSchemaTexts } from './json-schemas';

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
    const person = jsonSchemaFor('people') as { properties: Record<string, any>; additionalProperties: boolean };
    expect(person.properties['roles'].items.properties['statedIn']).toMatchObject({ type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' });
    expect(person.additionalProperties).toBe(false);
    // A quote's file holds only its extras (its words, speaker and kind are a mark in the article): nothing required.
    const quote = jsonSchemaFor('quotes') as { properties: Record<string, any>; required?: string[]; additionalProperties: boolean };
    expect(Object.keys(quote.properties)).toEqual(['said', 'topics', 'newsroom']);
    expect(quote.properties['topics'].items).toMatchObject({ type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' });
    expect(quote.properties['said'].anyOf[0].properties['date']).toMatchObject({ type: 'string', format: 'date' });
    expect(quote.required ?? []).toEqual([]);
    expect(quote.additionalProperties).toBe(false);
  });

  it('describe a quote as the API serves it: derived from its mark, with every field it always has', () => {
    const quote = entryJsonSchema('quotes') as { properties: Record<string, any>; required: string[] };
    expect(quote.properties['speaker']).toMatchObject({ type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' });
    expect(quote.required).toEqual(['text', 'speaker', 'role', 'kind', 'said', 'article', 'topics']);
  });
});
