/**
 * `npm run check:content`: every content file parsed with the site's own schemas and cross-checked, in a
 * second or two and without a build, with every problem listed at once as `file:line  field: message`.
 */
import { contentDir } from '../src/lib/content/dir';
import { formatProblems } from '../src/lib/content/checks';
import { checkContentDir, displayPath } from '../src/lib/content/files';

const { files, problems } = await checkContentDir(contentDir);
if (problems.length) {
  console.error(formatProblems(problems));
  console.error(`\n${files} files checked in ${displayPath(contentDir)}/. The content guide (content/README.md) explains each message.`);
  process.exit(1);
}
console.log(`Content check: ${files} files in ${displayPath(contentDir)}/, no problems.`);
