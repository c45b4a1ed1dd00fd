/**
 * The content check for the browser editor, in development (/api/newsroom-editor/problems/): every problem
 * `npm run check:content` would list for the content folder (CONTENT_DIR, default content/), each with its file
 * (relative to that folder), line, field and message. The admin page (src/editor/admin.astro) shows them after
 * each save, so a journalist learns at once what the build would refuse, and in which field.
 */
import path from 'node:path';
import type { APIRoute } from 'astro';
import { contentDir } from '../lib/content/dir';
import { checkContentDir } from '../lib/content/files';

export const prerender = false;

export interface EditorProblem {
  file: string;
  line?: number | undefined;
  field: string;
  message: string;
}

/** The content check's problems in a content folder, their files named relative to it. */
export async function problemsIn(dir: string): Promise<{ files: number; problems: EditorProblem[] }> {
  const { files, problems } = await checkContentDir(dir);
  return { files, problems: problems.map((problem) => ({ ...problem, file: path.relative(dir, problem.file) })) };
}

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await problemsIn(contentDir)), {
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });
