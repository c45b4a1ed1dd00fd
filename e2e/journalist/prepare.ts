/**
 * Builds the journalist scenario's fixture site the way a journalist adds an article: copies content/ to a scratch
 * folder, runs the scaffolders there (`npm run new:person`, `new:article` with CONTENT_DIR), writes the article's
 * text in place of the placeholder, marks its quotes with `npm run new:quote`, runs `npm run check:content`, then
 * `npm run build` with
 * CONTENT_DIR and OUT_DIR. The Playwright config for the scenario runs this before serving the result.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bodyPlaceholder } from '../../src/lib/content/checks';
import { analyst, analystQuote, article, author, body, fixtureContent, fixtureOut, fixtureRoot, vassilenkoQuote } from './fixture';

const root = path.resolve(import.meta.dirname, '../..');
const env = { ...process.env, CONTENT_DIR: fixtureContent, OUT_DIR: fixtureOut, NO_COLOR: '1', FORCE_COLOR: '0' };

/**
 * Runs an npm script on the fixture's content. Playwright shows a web server's stderr but not its stdout, so the
 * script's stdout is repeated in the error when it fails.
 */
function npm(script: string, args: string[] = []): string {
  const result = spawnSync('npm', ['run', '--silent', script, ...(args.length ? ['--', ...args] : [])], {
    cwd: root,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  process.stdout.write(result.stdout);
  if (result.status !== 0) throw new Error(`npm run ${script} failed (exit ${result.status}):\n${result.stdout}`);
  return result.stdout;
}

/** The answers as the scaffolders' flags: `{ name: 'X' }` -> `--name X`. */
const flags = (answers: Record<string, string>) => Object.entries(answers).flatMap(([flag, value]) => [`--${flag}`, value]);

fs.rmSync(fixtureRoot, { recursive: true, force: true });
fs.cpSync(path.join(root, 'content'), fixtureContent, { recursive: true });
// The content guide is not content; the copy needs only the entries.
fs.rmSync(path.join(fixtureContent, 'README.md'), { force: true });

npm('new:person', flags(author));
npm('new:person', flags(analyst));
npm('new:article', flags(article));

const articleFile = path.join(fixtureContent, 'articles', `${article.id}.mdx`);
const skeleton = fs.readFileSync(articleFile, 'utf8');
if (!skeleton.includes(bodyPlaceholder)) throw new Error(`${articleFile} has no placeholder paragraph to replace:\n${skeleton}`);
fs.writeFileSync(articleFile, skeleton.replace(bodyPlaceholder, body.trim()));
npm('new:quote', flags(vassilenkoQuote));
npm('new:quote', flags(analystQuote));

const check = npm('check:content');
if (!/no problems/.test(check)) throw new Error(`npm run check:content found problems in the fixture:\n${check}`);
npm('build');
