import { describe, expect, it } from 'vitest';
import { changedLines } from './editBudget';

const reference = 'n = int(input())\nprint(n * 2)\n';

describe('changedLines', () => {
  it('is zero for the reference itself, whatever the final newline', () => {
    expect(changedLines(reference, reference)).toBe(0);
    expect(changedLines(reference, reference.trimEnd())).toBe(0);
  });
  it('counts an edited line once', () => {
    expect(changedLines(reference, 'n = int(input())\nprint(n * 3)\n')).toBe(1);
  });
  it('counts the larger side of a replaced block, and separate blocks separately', () => {
    expect(changedLines('a\nb\nc\nd\ne', 'a\nX\nY\nZ\nc\nd\nW')).toBe(4); // b→XYZ (3) + e→W (1)
  });
  it('counts insertions and deletions', () => {
    expect(changedLines('a\nb', 'a\nb\nc\nd')).toBe(2);
    expect(changedLines('a\nb\nc', 'c')).toBe(2);
  });
});
