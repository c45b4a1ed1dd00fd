import path from 'node:path';

/**
 * The content folder. Tests, the journalist scenario and the benchmark point CONTENT_DIR at another folder so they
 * can build other content without touching content/.
 */
export const contentDir = path.resolve(process.env.CONTENT_DIR ?? 'content');
