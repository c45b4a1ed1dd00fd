/** The editor's admin app as a component, for src/editor/admin.astro to hydrate (as @keystatic/astro's own page). */
import { makePage } from '@keystatic/astro/ui';
import config from 'virtual:keystatic-config';

export const Keystatic = makePage(config);
