import * as pagefind from 'pagefind';
process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = '2500';
const t0 = performance.now();
const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
const r = await index.addDirectory({ path: '/tmp/pub/out', glob: 'articles/**/*.html' });
const t1 = performance.now();
await index.writeFiles({ outputPath: process.argv[2] });
console.log(r.page_count, 'add', Math.round(t1 - t0), 'write', Math.round(performance.now() - t1));
await pagefind.close();
