/**
 * Articles rendered to HTML during a build, by id and content digest, so the pages of an article's quotes render it
 * once rather than once per quote. Lives for one build process.
 */
export const renderedArticles = new Map<string, string>();
