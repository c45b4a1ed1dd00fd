/**
 * `npm run new:article`, `new:person`, `new:quote`, `new:figure`, `new:topic`: a new content file from flags, or from questions
 * when run in a terminal without them. Every id is checked against the content; an existing file is never replaced,
 * but for `new:quote`, which marks the words where they stand in the article (and writes quotes/<id>.yaml only for
 * what the prose has no place for).
 *
 *   npm run new:person -- --name "Temur Umarov" --role Analyst --organisation "Carnegie Endowment" --description "..."
 */
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { contentDir } from '../src/lib/content/dir';
import { displayPath, loadContentDir } from '../src/lib/content/files';
import { checkAnswer, Content, fields, kinds, nextSteps, resolveAnswers, skeleton, writeNew, type Answers, type Kind } from '../src/lib/tooling/scaffold';

const kind = process.argv[2] as Kind;
if (!kinds.includes(kind)) {
  console.error(`Usage: tsx scripts/new.ts <${kinds.join('|')}> [--flag value ...]`);
  process.exit(2);
}

const usage = () =>
  `npm run new:${kind} -- ${fields[kind].map((f) => (f.required && !f.fallback ? `--${f.flag} <…>` : `[--${f.flag} <…>]`)).join(' ')}\n` +
  fields[kind].map((f) => `  --${f.flag.padEnd(17)} ${f.question}${f.required ? '' : ' (optional)'}`).join('\n');

const { values } = parseArgs({
  args: process.argv.slice(3),
  options: { ...Object.fromEntries(fields[kind].map((f) => [f.flag, { type: 'string' as const }])), help: { type: 'boolean' } },
  strict: true,
});
if (values.help) {
  console.log(usage());
  process.exit(0);
}

const content = new Content(loadContentDir(contentDir));
const given: Answers = {};
for (const [flag, value] of Object.entries(values as Record<string, unknown>)) if (typeof value === 'string') given[flag] = value;

// In a terminal, ask for what the flags left out, one question at a time, re-asking until the answer is valid.
if (process.stdin.isTTY && process.stdout.isTTY) {
  const asking = fields[kind].filter((field) => given[field.flag] === undefined);
  if (asking.length) {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    // Ctrl+C or Ctrl+D at a question cancels cleanly.
    const cancel = () => {
      console.log('\nCancelled; nothing was written.');
      process.exit(1);
    };
    rl.on('SIGINT', cancel);
    rl.on('close', () => asked || cancel());
    let asked = false;
    console.log(`New ${kind} in ${displayPath(contentDir)}/. Press Enter to accept [a default]; optional questions can stay empty.`);
    for (const field of asking) {
      for (;;) {
        const fallback = field.fallback?.(given, content);
        const answer = (await rl.question(`${field.question}${field.required ? '' : ' (optional)'}${fallback ? ` [${fallback}]` : ''}: `)).trim() || fallback || '';
        if (!answer && !field.required) break;
        const problem = answer ? checkAnswer(field, answer, content) : 'this one is needed.';
        if (!problem) {
          given[field.flag] = answer;
          break;
        }
        console.log(`  ${problem}`);
      }
    }
    asked = true;
    rl.close();
  }
}

const { answers, problems } = resolveAnswers(kind, given, content);
if (problems.length) {
  console.error(`Nothing was written:\n${problems.map((p) => `  ${p}`).join('\n')}\n\n${usage()}`);
  process.exit(1);
}
let file;
try {
  file = skeleton(kind, answers, content, contentDir);
  writeNew(file);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const wrote = file.summary ? `Marked the quote in ${file.summary}\n` : `Wrote ${displayPath(file.file)}:\n\n${file.text}`;
const also = file.also ? `\nWrote ${displayPath(file.also.file)}:\n\n${file.also.text}` : '';
console.log(`${wrote}${also}\n${nextSteps(kind, answers, given)}`);
