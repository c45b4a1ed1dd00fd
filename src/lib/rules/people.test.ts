import { describe, expect, it } from 'vitest';
import { presentRoleLabel, roleEnded, roleYears, type Role } from './people';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const president = (newsroom?: Role['newsroom']): Role => ({ title: 'President', organisation: 'Kazakhstan', newsroom });
const person = (...roles: Role[]) => ({ data: { roles } });

describe('roleEnded', () => {
  it('is true only from the day the research says the role ended', () => {
    const role = president({ from: day('1990-04-24'), until: day('2019-03-20') });
    expect(roleEnded(role, day('2019-03-19'))).toBe(false);
    expect(roleEnded(role, day('2019-03-20'))).toBe(true);
    expect(roleEnded(role, day('2026-12-01'))).toBe(true);
  });

  it('is false when the site does not know when the role ended', () => {
    expect(roleEnded(president(), day('2026-12-01'))).toBe(false);
    expect(roleEnded(president({ from: day('2019-03-20') }), day('2026-12-01'))).toBe(false);
  });
});

describe('presentRoleLabel', () => {
  it('says "Former" of a most recent role that has ended, and nothing of one still held or of unknown end', () => {
    const today = day('2026-12-01');
    expect(presentRoleLabel(person(president({ from: day('1990-04-24'), until: day('2019-03-20') })), today)).toBe('Former President, Kazakhstan');
    expect(presentRoleLabel(person(president({ from: day('2019-03-20') })), today)).toBe('President, Kazakhstan');
    expect(presentRoleLabel(person({ title: 'Analyst', organisation: 'Carnegie', place: 'Bishkek' }), today)).toBe('Analyst, Carnegie, Bishkek');
  });

  it('reads only the most recent role (roles are listed most recent first)', () => {
    const today = day('2026-12-01');
    const now = { title: 'Senator', organisation: 'Kazakhstan' };
    expect(presentRoleLabel(person(now, president({ until: day('2019-03-20') })), today)).toBe('Senator, Kazakhstan');
  });
});

describe('roleYears', () => {
  it('gives the years held, a start alone, an end alone, or nothing', () => {
    expect(roleYears(president({ from: day('1990-04-24'), until: day('2019-03-20') }))).toBe('1990–2019');
    expect(roleYears(president({ from: day('2019-03-20'), until: day('2019-11-01') }))).toBe('2019');
    expect(roleYears(president({ from: day('2019-03-20') }))).toBe('since 2019');
    expect(roleYears(president({ until: day('2024-11-30') }))).toBe('until 2024');
    expect(roleYears(president())).toBeUndefined();
  });
});
