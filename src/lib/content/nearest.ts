/** Edit distance between two strings (Levenshtein), for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The valid ids closest to a wrong one, best first: those sharing a word with it or within a few edits.
 * A journalist who typed `vasilenko` gets `roman-vassilenko`.
 */
export function nearestIds(wrong: string, valid: Iterable<string>, count = 3): string[] {
  const words = new Set(wrong.split(/[-/]/).filter((word) => word.length > 2));
  return [...valid]
    .map((id) => {
      const sharesWord = id.split(/[-/]/).some((word) => words.has(word) || [...words].some((w) => editDistance(w, word) <= 2));
      return { id, score: editDistance(wrong, id) - (sharesWord ? 100 : 0) };
    })
    .filter(({ id, score }) => score < 0 || score <= Math.max(3, Math.floor(id.length / 3)))
    .sort((a, b) => a.score - b.score || a.id.localeCompare(b.id))
    .slice(0, count)
    .map(({ id }) => id);
}
