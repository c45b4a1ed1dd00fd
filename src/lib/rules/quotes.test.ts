import { describe, expect, it } from 'vitest';
import { groupQuotes, quoteTally } from './quotes';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
type Kind = 'direct' | 'partial' | 'reported';
const quote = (id: string, kind: Kind, speaker: string, article: string, said: { date: string; basis?: 'stated' | 'publication'; precision?: 'month' }, title = 'Analyst') => ({
  id,
  data: {
    kind,
    speaker: { id: speaker },
    role: { title, organisation: 'Carnegie' },
    said: { date: day(said.date), basis: said.basis ?? 'publication', precision: said.precision },
    article: { id: article },
  },
});

describe('groupQuotes', () => {
  it('groups by article, then by speaker, role and date, and keeps quoted words apart from reported speech', () => {
    const quotes = [
      quote('a1', 'direct', 'umarov', 'a', { date: '2022-10-25' }),
      quote('a2', 'reported', 'umarov', 'a', { date: '2022-10-25' }),
      quote('a3', 'direct', 'vassilenko', 'a', { date: '2022-10-25' }),
      quote('a4', 'partial', 'umarov', 'a', { date: '2022-10-25' }),
      quote('a5', 'partial', 'umarov', 'a', { date: '2022-09-01', basis: 'stated', precision: 'month' }),
      quote('b1', 'direct', 'umarov', 'b', { date: '2022-06-01' }),
    ];
    const groups = groupQuotes(quotes);
    expect(groups.map((group) => group.article)).toEqual(['a', 'b']);
    const [a] = groups;
    expect(a!.occasions.map((o) => [o.speaker, o.said.date.toISOString().slice(0, 10), o.quoted.map((q) => q.id), o.reported.map((q) => q.id)])).toEqual([
      ['umarov', '2022-10-25', ['a1', 'a4'], ['a2']],
      ['vassilenko', '2022-10-25', ['a3'], []],
      ['umarov', '2022-09-01', ['a5'], []],
    ]);
  });

  it('treats another role of the same speaker on the same date as another occasion', () => {
    const groups = groupQuotes([quote('x', 'direct', 'p', 'a', { date: '2022-10-25' }, 'Minister'), quote('y', 'direct', 'p', 'a', { date: '2022-10-25' }, 'Senator')]);
    expect(groups[0]!.occasions.map((o) => o.role.title)).toEqual(['Minister', 'Senator']);
  });

  it('gives nothing for no quotes', () => {
    expect(groupQuotes([])).toEqual([]);
  });
});

describe('quoteTally', () => {
  it('counts quoted words and reported speech apart', () => {
    const of = (...kinds: Kind[]) => kinds.map((kind) => ({ data: { kind } }));
    expect(quoteTally(of('direct', 'partial', 'reported'))).toBe('2 quotes and 1 reported statement');
    expect(quoteTally(of('direct'))).toBe('1 quote');
    expect(quoteTally(of('reported', 'reported'))).toBe('2 reported statements');
    expect(quoteTally([])).toBe('');
  });
});
