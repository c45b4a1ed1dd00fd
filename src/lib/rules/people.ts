/**
 * How the site names, sorts and describes people: one rule each, used alike by pages, search records, the search
 * page's filters, feeds, structured data and the content API. Pure and free of Node, so the browser may load it.
 */
/** What these rules read of a person entry. */
export interface PersonLike {
  id: string;
  data: { name: string; sortName?: string | undefined; roles: readonly Role[] };
}

/** A role as a person entry holds it: the title, where, and (the site's own research) when. */
export interface Role {
  title: string;
  organisation: string;
  place?: string | undefined;
  newsroom?: { from?: Date | undefined; until?: Date | undefined } | undefined;
}

/** The key people sort by, family name first: the entry's `sortName`, else the last word of the name. */
export function sortName(person: PersonLike): string {
  return person.data.sortName ?? familyName(person.data.name);
}

/** The last word of a name: "Putin" of "Vladimir Putin". Only for names without an entry's `sortName`. */
export function familyName(name: string): string {
  return name.trim().split(/\s+/).at(-1) ?? name;
}

/** People in the site's order: by sort name ("Mudge" before "Putin"), then by id so the order never depends on files. */
export function bySortName(a: PersonLike, b: PersonLike): number {
  return sortName(a).localeCompare(sortName(b)) || a.id.localeCompare(b.id);
}

/** The role a person is best known by now: the first listed (roles are listed most recent first). */
export function currentRole<R extends Role>(person: { data: { roles: readonly R[] } }): R {
  return person.data.roles[0]!;
}

/** "Deputy Foreign Minister, Kazakhstan", or with the place: "Analyst, Carnegie, Berlin". */
export function roleLabel(role: Pick<Role, 'title' | 'organisation' | 'place'>): string {
  return [role.title, role.organisation, role.place].filter(Boolean).join(', ');
}

/**
 * The person's role that a quote names (by title and organisation: a title alone is not a role, a president of one
 * country is not a president of another), or undefined when they never held it.
 */
export function roleOf<R extends Role>(person: { data: { roles: readonly R[] } }, named: Pick<Role, 'title' | 'organisation'>): R | undefined {
  return person.data.roles.find((role) => role.title === named.title && role.organisation === named.organisation);
}

/**
 * When a role was held, as far as the site's own research knows: between two days, since one, until one, or
 * undefined when it is not known. Pages word it ("Held from … to …") and format its dates.
 */
export type RoleTime = { from: Date; until: Date } | { from: Date; until?: undefined } | { from?: undefined; until: Date };

export function roleTime(role: Role): RoleTime | undefined {
  const from = role.newsroom?.from;
  const until = role.newsroom?.until;
  if (from && until) return { from, until };
  if (from) return { from };
  if (until) return { until };
  return undefined;
}

/**
 * Whether a role had ended by `today`: only when the site's own research gives the day it ended (`newsroom.until`).
 * A role without that date is never called former: the site does not know, so it does not say.
 */
export function roleEnded(role: Role, today: Date): boolean {
  const until = role.newsroom?.until;
  return until !== undefined && until.getTime() <= today.getTime();
}

/**
 * A person's role as readers should read it now: "Former President, Kazakhstan" when their most recent role had
 * ended by `today` (Nazarbayev left office in March 2019), else the role as it is ("President, Kazakhstan").
 */
export function presentRoleLabel(person: { data: { roles: readonly Role[] } }, today: Date): string {
  const role = currentRole(person);
  return roleEnded(role, today) ? `Former ${roleLabel(role)}` : roleLabel(role);
}

/** The years a role was held, for a compact line: "1990–2019", "since 2019", "until 2024", or undefined. */
export function roleYears(role: Role): string | undefined {
  const time = roleTime(role);
  if (!time) return undefined;
  const year = (date: Date) => String(date.getUTCFullYear());
  if (time.from && time.until) return year(time.from) === year(time.until) ? year(time.from) : `${year(time.from)}–${year(time.until)}`;
  if (time.from) return `since ${year(time.from)}`;
  return `until ${year(time.until!)}`;
}
