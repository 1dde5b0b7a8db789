#!/usr/bin/env python3
"""Do a Sabotage problem's tests catch the typical injected bugs?

Usage: python3 problems/tools/sabotage_mutants.py problems/<slug> [...]

Takes the problem's `sabotageReference`, makes one-line mutants of the kinds players inject
(comparison flipped or loosened, a small constant or an index shifted by one, a 64-bit type
narrowed to 32 bits, a `+ 1`/`- 1` dropped), and runs every mutant that still compiles on the
problem's tests (tests/ plus generated). A mutant that produces the expected output on every
test *survives*; survivors are listed with their line so the author can tell an equivalent
mutant (harmless) from a missing test. Like check_problem.py this is an author tool without a
sandbox; the real Sabotage validation (compile, fail a hidden test, edit budget) is the judge's.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_problem import compare, load_yaml  # noqa: E402

SUBSTITUTIONS = [
    (r'<=', '<'), (r'>=', '>'), (r'(?<![<>=!-])<(?![<=])', '<='), (r'(?<![<>=-])>(?![>=])', '>='),
    (r'==', '!='), (r'!=', '=='),
    (r'\blong long\b', 'int'), (r'%lld', '%d'),
    (r' \+ 1\b', ''), (r' - 1\b', ''), (r'\b0\b', '1'), (r'\b1\b', '0'), (r'\b1\b', '2'), (r'\b2\b', '1'),
    (r'\bmax\b', 'min'), (r'\bmin\b', 'max'),
]


def mutants(lines):
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped or stripped.startswith(('#include', '#', '//', 'import', 'from')):
            continue
        for pattern, replacement in SUBSTITUTIONS:
            for match in re.finditer(pattern, line):
                changed = line[:match.start()] + replacement + line[match.end():]
                if changed != line:
                    yield i, changed


def collect_tests(pdir, work):
    tests = {}
    hand = os.path.join(pdir, 'tests')
    for n in sorted(os.listdir(hand)):
        if n.endswith('.in'):
            tests[n[:-3]] = hand
    if os.path.exists(os.path.join(pdir, 'gen.py')):
        gen_dir = os.path.join(work, 'gen')
        subprocess.run(['python3', os.path.join(pdir, 'gen.py'), gen_dir], check=True)
        for n in os.listdir(gen_dir):
            if n.endswith('.in'):
                tests[n[:-3]] = gen_dir
    # small tests first: most mutants die on them
    return sorted(tests.items(), key=lambda t: os.path.getsize(os.path.join(t[1], t[0] + '.in')))


def killed(cmd, tests, checker, checker_bin, work, timeout):
    out = os.path.join(work, 'mutant.out')
    for name, d in tests:
        with open(os.path.join(d, name + '.in'), 'rb') as fin, open(out, 'wb') as fout:
            try:
                rc = subprocess.run(cmd, stdin=fin, stdout=fout, stderr=subprocess.DEVNULL, timeout=timeout).returncode
            except subprocess.TimeoutExpired:
                return f'timeout on {name}'
        if rc != 0:
            return f'exit {rc} on {name}'
        ok, _ = compare(checker, os.path.join(d, name + '.in'), os.path.join(d, name + '.out'), out, checker_bin)
        if not ok:
            return f'wrong on {name}'
    return None


def check(pdir):
    meta = load_yaml(os.path.join(pdir, 'problem.yaml'))
    ref = meta.get('sabotageReference')
    if not ref:
        print(f'== {pdir}: no sabotageReference, skipped')
        return True
    checker = str(meta.get('checker', 'tokens'))
    timeout = meta['timeLimitMs'] / 1000.0 * 3
    work = tempfile.mkdtemp(prefix='mut-')
    try:
        tests = collect_tests(pdir, work)
        checker_bin = None
        if checker == 'custom':
            checker_bin = os.path.join(work, 'checker')
            subprocess.run(['g++', '-O2', '-std=c++17', '-o', checker_bin, os.path.join(pdir, 'checker.cpp')], check=True)
        source = open(os.path.join(pdir, ref)).read().split('\n')
        ext = os.path.splitext(ref)[1]
        total, survivors = 0, []
        for i, changed in mutants(source):
            mutated = source[:i] + [changed] + source[i + 1:]
            path = os.path.join(work, 'mutant' + ext)
            with open(path, 'w') as f:
                f.write('\n'.join(mutated))
            if ext == '.cpp':
                exe = os.path.join(work, 'mutant.bin')
                if subprocess.run(['g++', '-O2', '-std=c++17', '-o', exe, path], stderr=subprocess.DEVNULL).returncode:
                    continue
                cmd = [exe]
            else:
                if subprocess.run(['python3', '-m', 'py_compile', path], stderr=subprocess.DEVNULL).returncode:
                    continue
                cmd = ['python3', path]
            total += 1
            if not killed(cmd, tests, checker, checker_bin, work, timeout):
                survivors.append((i + 1, source[i].strip(), changed.strip()))
        print(f'== {os.path.basename(os.path.abspath(pdir))} ({ref}): {total} compiling mutants, {total - len(survivors)} caught, {len(survivors)} survive')
        for line_no, before, after in survivors:
            print(f'   line {line_no}: {before!r} -> {after!r}')
        return True
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == '__main__':
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    for d in sys.argv[1:]:
        check(d)
