/**
 * "Maybe you meant" suggestions against Python's difflib (3.11): every expected value below is
 * what `difflib.get_close_matches(word, choices, n, cutoff)` or
 * `difflib.SequenceMatcher(None, a, b).ratio()` returned. The AWS CLI's argparser asks for
 * `get_close_matches(value, choices, cutoff=0.8)`, our defaults.
 */
import { describe, expect, it } from 'vitest';
import { closeMatches, similarity } from '../../../src/python/close-matches.js';

describe('closeMatches with the AWS CLI\'s n=3, cutoff=0.8', () => {
  it.each<[string, string[], string[]]>([
    ["upload-part", ["upload-part", "upload-part-copy", "list-parts", "list-multipart-uploads"], ["upload-part", "upload-part-copy"]],
    ["upload-prat", ["upload-part", "upload-part-copy", "list-parts"], ["upload-part"]],
    ["list-part", ["list-parts", "list-multipart-uploads", "upload-part", "list-part"], ["list-part", "list-parts"]],
    ["--bukcet", ["--bucket", "--key", "--body", "--buckets"], ["--bucket", "--buckets"]],
    ["abc", ["abd", "abe", "abf", "abg", "xyz"], []],
    ["abc", ["bca", "cab", "acb", "abc"], ["abc"]],
    ["", ["", "a"], [""]],
    ["a", ["", "a", "b"], ["a"]],
    ["complete", ["complete-multipart-upload", "compete", "completed", "complete"], ["complete", "completed", "compete"]],
    ["aaaa", ["aaab", "aaba", "abaa", "baaa", "aaaa"], ["aaaa"]],
    ["ab", ["ba", "ab", "aab", "abb"], ["ab", "abb", "aab"]],
    ["xxabcxx", ["abc", "xxabxx", "xxacbxx", "yyabcyy"], ["xxabxx", "xxacbxx"]],
  ])('%j among %j', (word, choices, expected) => {
    expect(closeMatches(word, choices)).toEqual(expected);
  });
});

describe('closeMatches with other limits: best first, ties in reverse order of the text', () => {
  it.each<[string, string[], number, number, string[]]>([
    ["upload", ["uploads", "upload1", "upload2", "upload3", "uploa"], 2, 0.6, ["uploads", "upload3"]],
    ["upload", ["uploads", "upload1", "uplo", "up"], 5, 0.5, ["uploads", "upload1", "uplo", "up"]],
    ["upload", ["uploads", "upload1", "uplo", "up"], 5, 0.8, ["uploads", "upload1", "uplo"]],
    ["abc", ["abd", "abe", "abf", "abg", "xyz"], 3, 0.6, ["abg", "abf", "abe"]],
    ["aaaa", ["aaab", "aaba", "abaa", "baaa", "aaaa"], 4, 0.6, ["aaaa", "baaa", "aaba", "aaab"]],
    ["abc", ["abd", "abe"], 1, 0.6, ["abe"]],
    ["abc", ["abd", "abe"], 3, 0.67, []],
    ["abc", ["abd", "abe"], 3, 0.66, ["abe", "abd"]],
  ])('%j among %j, n=%d, cutoff=%d', (word, choices, limit, cutoff, expected) => {
    expect(closeMatches(word, choices, limit, cutoff)).toEqual(expected);
  });
});

describe('similarity is SequenceMatcher.ratio()', () => {
  it.each<[string, string, number]>([
    ["", "", 1.0],
    ["a", "", 0.0],
    ["abc", "abc", 1.0],
    ["abcd", "bcde", 0.75],
    ["abxcd", "abcd", 0.8888888888888888],
    ["qabxcd", "abycdf", 0.6666666666666666],
    ["kitten", "sitting", 0.6153846153846154],
    ["aaaa", "aa", 0.6666666666666666],
    ["abab", "baba", 0.75],
    ["upload-part", "upload-part-copy", 0.8148148148148148],
    ["xyz", "abc", 0.0],
    ["ABC", "abc", 0.0],
    ["abcabc", "cbacba", 0.5],
  ])('%j, %j', (a, b, expected) => {
    expect(similarity(a, b)).toBe(expected);
  });
});
