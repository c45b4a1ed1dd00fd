/** The entry types of each collection, as Astro loads them (their shapes come from the registry's schemas). */
import type { CollectionEntry } from 'astro:content';
import type { CollectionName } from './registry';

export type Entry<N extends CollectionName> = CollectionEntry<N>;
export type Article = Entry<'articles'>;
export type Person = Entry<'people'>;
export type Quote = Entry<'quotes'>;
export type Figure = Entry<'figures'>;
export type Topic = Entry<'topics'>;
export type Place = Entry<'places'>;
export type Route = Entry<'routes'>;

/** The collections as Astro loads them, before drafts are left out and lists sorted. */
export type Collections = { [N in CollectionName]: readonly Entry<N>[] };
