/** `npm run schemas`: writes the content files' JSON Schemas (for editors) from the zod schemas in src/schemas/. */
import fs from 'node:fs';
import path from 'node:path';
import { jsonSchemaDir, jsonSchemaTexts } from '../src/lib/outputs/json-schemas';

fs.mkdirSync(jsonSchemaDir, { recursive: true });
for (const [file, text] of Object.entries(jsonSchemaTexts())) {
  const target = path.join(jsonSchemaDir, file);
  const changed = !fs.existsSync(target) || fs.readFileSync(target, 'utf8') !== text;
  if (changed) fs.writeFileSync(target, text);
  console.log(`${changed ? 'wrote    ' : 'unchanged'} ${target}`);
}
