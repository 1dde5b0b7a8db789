#!/usr/bin/env python3
"""Generated tests for bonus-tree: python3 gen.py OUTDIR (deterministic).

Answers: Euler tour (entry/exit times) and a Fenwick tree; small cases are cross-checked by
walking up the tree."""
import os
import random
import sys


def answers(n, boss, events):
    children = [[] for _ in range(n + 1)]
    for i in range(2, n + 1):
        children[boss[i]].append(i)
    # Euler tour with entry/exit times; Fenwick tree over a difference array
    enter, leave, clock = [0] * (n + 1), [0] * (n + 1), 0
    stack = [(1, False)]
    while stack:
        v, done = stack.pop()
        if done:
            leave[v] = clock
            continue
        clock += 1
        enter[v] = clock
        stack.append((v, True))
        stack.extend((c, False) for c in children[v])
    tree = [0] * (n + 2)

    def add(i, x):
        while i <= n:
            tree[i] += x
            i += i & -i

    result = []
    for e in events:
        if e[0] == 1:
            add(enter[e[1]], e[2])
            add(leave[e[1]] + 1, -e[2])
        else:
            i, total = enter[e[1]], 0
            while i:
                total += tree[i]
                i -= i & -i
            result.append(total)
    return result


def brute(n, boss, events):
    given, out = [0] * (n + 1), []
    for e in events:
        if e[0] == 1:
            given[e[1]] += e[2]
        else:
            v, total = e[1], 0
            while v:
                total += given[v]
                v = boss[v] if v > 1 else 0
            out.append(total)
    return out


def relabel(rnd, n, boss):
    """Random member numbers (keeping the chair as 1) so bosses are not always smaller."""
    perm = list(range(2, n + 1))
    rnd.shuffle(perm)
    new = [0, 1] + perm
    nb = [0] * (n + 1)
    for i in range(2, n + 1):
        nb[new[i]] = new[boss[i]]
    return nb


def random_events(rnd, n, q, top, add_share=0.5):
    return [(1, rnd.randint(1, n), rnd.randint(1, top)) if rnd.random() < add_share else (2, rnd.randint(1, n))
            for _ in range(q)]


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    rnd = random.Random(3737)
    top = 10 ** 9
    big = 50_000
    cases = {}
    cases['10-two-members'] = (2, [0, 0, 1], [(2, 2), (1, 2, 7), (2, 1), (2, 2), (1, 1, 3), (2, 2)])
    star = [0, 0] + [1] * 9
    cases['11-star'] = (10, star, random_events(rnd, 10, 40, 100))
    small = relabel(rnd, 12, [0, 0] + [rnd.randint(1, i - 1) for i in range(2, 13)])
    cases['12-small-random'] = (12, small, random_events(rnd, 12, 60, 100))
    cases['13-checks-before-bonus'] = (3, [0, 0, 1, 2], [(2, 3), (2, 2), (1, 2, 5), (2, 3), (2, 1)])
    chain = relabel(rnd, big, [0, 0] + list(range(1, big)))
    cases['14-max-chain-deep-checks'] = (big, chain, [(1, 1, top)] * (big // 2) + [(2, rnd.randint(1, big)) for _ in range(big // 2)])
    cases['15-max-chain-random'] = (big, chain, random_events(rnd, big, big, top))
    rand_tree = relabel(rnd, big, [0, 0] + [rnd.randint(max(1, i - 5), i - 1) for i in range(2, big + 1)])
    cases['16-max-deep-random'] = (big, rand_tree, random_events(rnd, big, big, top))
    wide = relabel(rnd, big, [0, 0] + [rnd.randint(1, i - 1) for i in range(2, big + 1)])
    cases['17-max-bushy'] = (big, wide, random_events(rnd, big, big, top, 0.3))
    cases['18-max-all-to-chair'] = (big, [0, 0] + [1] * (big - 1), [(1, 1, top)] * (big - 1) + [(2, big)])
    for name, (n, boss, events) in cases.items():
        result = answers(n, boss, events)
        if n <= 20:
            assert result == brute(n, boss, events), name
        with open(os.path.join(out, name + '.in'), 'w') as f:
            f.write(f'{n} {len(events)}\n{" ".join(map(str, boss[2:]))}\n')
            f.write(''.join(' '.join(map(str, e)) + '\n' for e in events))
        with open(os.path.join(out, name + '.out'), 'w') as f:
            f.write(''.join(f'{x}\n' for x in result))


if __name__ == '__main__':
    main()
