// The stand-ins moved to src/schemas/standalone.ts once `npm run check` and the scaffolders needed them too.
export { plainImage as testImage, plainReference as testReference } from '@/schemas/standalone';
