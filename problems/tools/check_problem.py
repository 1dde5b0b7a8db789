#!/usr/bin/env python3
"""Author-side sanity check for problems/<slug>/ directories (no sandbox, no JVM needed).

Usage: python3 problems/tools/check_problem.py [--no-slow] problems/<slug> [problems/<slug> ...]

For each problem it checks the layout against PROBLEM-FORMAT (docs/problems.md), runs gen.py
twice to prove it is deterministic, compiles the C++ solutions and the custom checker, runs
every listed solution on every test (tests/ plus generated) and compares with the configured
checker, and reports the slowest CPU time of each solution against the time limit:
  - `expect: AC`  solutions must be accepted with at least a 3x margin;
  - `expect: TLE` solutions must run past 5x the limit on at least one test.
This is a quick loop for authors; the authoritative check is the JUnit validation test that
judges everything through the real judge sandbox.
"""
import math
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time

MAX_COMMITTED_BYTES = 100 * 1024
AC_MARGIN = 3.0
TLE_FACTOR = 5.0


def load_yaml(path):
    try:
        import yaml  # PyYAML when present; the format is plain enough to parse by hand otherwise
        with open(path) as f:
            return yaml.safe_load(f)
    except ImportError:
        return parse_simple_yaml(path)


def parse_simple_yaml(path):
    meta, current_list = {}, None
    for raw in open(path):
        line = raw.split(' #')[0].rstrip()
        if not line.strip():
            continue
        if line.startswith('  - '):
            item = {}
            for part in line.strip()[2:].strip('{} ').split(','):
                k, v = part.split(':', 1)
                item[k.strip()] = v.strip()
            meta[current_list].append(item)
            continue
        key, value = line.split(':', 1)
        value = value.strip()
        if value == '':
            current_list = key
            meta[key] = []
        elif value.startswith('['):
            meta[key] = [v.strip() for v in value.strip('[]').split(',') if v.strip()]
        else:
            meta[key] = int(value) if re.fullmatch(r'-?\d+', value) else value
    return meta


def tokens(path):
    with open(path, 'rb') as f:
        return f.read().split()


def compare(checker, inp, expected, actual, checker_bin):
    if checker == 'exact':
        return open(expected, 'rb').read() == open(actual, 'rb').read(), 'exact'
    if checker == 'custom':
        r = subprocess.run([checker_bin, inp, expected, actual], capture_output=True, text=True)
        return r.returncode == 0, r.stdout.strip()[:200]
    e, a = tokens(expected), tokens(actual)
    if len(e) != len(a):
        return False, f'token count {len(a)} != {len(e)}'
    if checker.startswith('float:'):
        eps = float(checker.split(':', 1)[1])
        for i, (x, y) in enumerate(zip(e, a)):
            try:
                fx, fy = float(x), float(y)
            except ValueError:
                if x != y:
                    return False, f'token {i}: {y!r} != {x!r}'
                continue
            if not math.isfinite(fy) or abs(fx - fy) > eps * max(1.0, abs(fx)):
                return False, f'token {i}: {y!r} vs {x!r}'
        return True, 'ok'
    for i, (x, y) in enumerate(zip(e, a)):
        if x != y:
            return False, f'token {i}: {y[:30]!r} != {x[:30]!r}'
    return True, 'ok'


def run_timed(cmd, inp, out, timeout_s):
    """Runs cmd with stdin/stdout files; returns (cpu seconds of the child, wall, returncode|None)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    with open(inp, 'rb') as fin, open(out, 'wb') as fout:
        p = subprocess.Popen(cmd, stdin=fin, stdout=fout, stderr=subprocess.PIPE)
        try:
            p.wait(timeout=timeout_s)
            rc = p.returncode
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
            rc = None
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, time.monotonic() - start, rc


def build(src, workdir):
    ext = os.path.splitext(src)[1]
    if ext == '.cpp':
        exe = os.path.join(workdir, os.path.basename(src) + '.bin')
        subprocess.run(['g++', '-O2', '-std=c++17', '-o', exe, src], check=True)
        return [exe]
    if ext == '.py':
        return ['python3', src]
    if ext == '.java':
        jdir = os.path.join(workdir, 'java-' + os.path.basename(src))
        os.makedirs(jdir, exist_ok=True)
        shutil.copy(src, os.path.join(jdir, 'Main.java'))
        subprocess.run(['javac', '-d', jdir, os.path.join(jdir, 'Main.java')], check=True)
        # the judge's JVM flags (JavaLanguage), so CPU times compare
        return ['java', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Xshare:auto', '-XX:-UsePerfData',
                '-XX:ActiveProcessorCount=1', '-Xss64m', '-cp', jdir, 'Main']
    raise SystemExit(f'unsupported solution language: {src}')


def check(pdir, run_slow):
    problems = []
    slug = os.path.basename(os.path.abspath(pdir))
    meta = load_yaml(os.path.join(pdir, 'problem.yaml'))
    limit_s = meta['timeLimitMs'] / 1000.0
    checker = str(meta.get('checker', 'tokens'))
    print(f'== {slug}: difficulty {meta["difficulty"]}, limit {meta["timeLimitMs"]} ms, checker {checker}, modes {meta["modes"]}')

    if not re.fullmatch(r'[a-z0-9-]+', slug):
        problems.append('bad slug')
    for key in ('title', 'difficulty', 'tags', 'timeLimitMs', 'memoryMb', 'modes', 'solutions'):
        if key not in meta:
            problems.append(f'problem.yaml lacks {key}')
    if not 1 <= int(meta['difficulty']) <= 5:
        problems.append('difficulty out of 1..5')
    if 'sabotage' in meta['modes'] and not meta.get('sabotageReference'):
        problems.append('sabotage mode without sabotageReference')
    files = {s['file'] for s in meta['solutions']}
    if meta.get('sabotageReference') and meta['sabotageReference'] not in files:
        problems.append('sabotageReference is not a listed solution')
    for need in ('solutions/ref.cpp', 'solutions/ref.py'):
        if need not in files:
            problems.append(f'{need} not listed')
    if (checker == 'custom') != os.path.exists(os.path.join(pdir, 'checker.cpp')):
        problems.append('checker.cpp must exist exactly when checker: custom')
    statement = open(os.path.join(pdir, 'statement.md')).read()
    for section in ('Input', 'Output', 'Constraints', 'Example'):
        if section not in statement:
            problems.append(f'statement.md lacks a {section} section')
    for root, _, names in os.walk(pdir):
        for n in names:
            p = os.path.join(root, n)
            if os.path.getsize(p) > MAX_COMMITTED_BYTES:
                problems.append(f'committed file over 100 KB: {p}')

    work = tempfile.mkdtemp(prefix=f'chk-{slug}-')
    try:
        tests = {}
        hand = os.path.join(pdir, 'tests')
        for n in sorted(os.listdir(hand)) if os.path.isdir(hand) else []:
            if n.endswith('.in'):
                tests[n[:-3]] = hand
        gen = os.path.join(pdir, 'gen.py')
        if os.path.exists(gen):
            outs = []
            for k in range(2):
                d = os.path.join(work, f'gen{k}')
                os.makedirs(d)
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                subprocess.run(['python3', gen, d], check=True)
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                dt = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
                outs.append(d)
            print(f'   gen.py: {len(os.listdir(outs[0]))} files, {dt:.2f} s cpu')
            if dt > 5:
                problems.append(f'gen.py took {dt:.1f} s of cpu')
            for n in sorted(os.listdir(outs[0])):
                if open(os.path.join(outs[0], n), 'rb').read() != open(os.path.join(outs[1], n), 'rb').read():
                    problems.append(f'gen.py is not deterministic ({n})')
                if n.endswith('.in'):
                    if n[:-3] in tests:
                        problems.append(f'test name clash: {n}')
                    tests[n[:-3]] = outs[0]
        for name, d in tests.items():
            if not os.path.exists(os.path.join(d, name + '.out')):
                problems.append(f'test {name} has no .out')
        print(f'   tests: {len(tests)}')
        if len(tests) < 10:
            problems.append(f'only {len(tests)} tests')

        checker_bin = None
        if checker == 'custom':
            checker_bin = os.path.join(work, 'checker')
            subprocess.run(['g++', '-O2', '-std=c++17', '-o', checker_bin, os.path.join(pdir, 'checker.cpp')], check=True)
            # the checker must accept the expected answers themselves
            for name, d in tests.items():
                ok, why = compare(checker, os.path.join(d, name + '.in'), os.path.join(d, name + '.out'),
                                  os.path.join(d, name + '.out'), checker_bin)
                if not ok:
                    problems.append(f'checker rejects the expected answer of {name}: {why}')

        by_size = sorted(tests, key=lambda n: -os.path.getsize(os.path.join(tests[n], n + '.in')))
        for sol in meta['solutions']:
            expect = sol['expect']
            if expect == 'TLE' and not run_slow:
                continue
            cmd = build(os.path.join(pdir, sol['file']), work)
            out = os.path.join(work, 'actual.out')
            if expect == 'AC':
                worst, worst_name = 0.0, ''
                for name in sorted(tests):
                    d = tests[name]
                    cpu, wall, rc = run_timed(cmd, os.path.join(d, name + '.in'), out, limit_s * 10)
                    if rc != 0:
                        problems.append(f'{sol["file"]} on {name}: exit {rc}')
                        continue
                    ok, why = compare(checker, os.path.join(d, name + '.in'), os.path.join(d, name + '.out'), out, checker_bin)
                    if not ok:
                        problems.append(f'{sol["file"]} WA on {name}: {why}')
                    if cpu > worst:
                        worst, worst_name = cpu, name
                margin = limit_s / max(worst, 1e-3)
                print(f'   {sol["file"]:<22} AC-expected  worst cpu {worst*1000:7.0f} ms on {worst_name} (margin {margin:.1f}x)')
                if margin < AC_MARGIN:
                    problems.append(f'{sol["file"]} margin only {margin:.1f}x')
            else:
                # largest tests first; one run past TLE_FACTOR x the limit proves the point
                killed_on = None
                for name in by_size:
                    d = tests[name]
                    cpu, wall, rc = run_timed(cmd, os.path.join(d, name + '.in'), out, limit_s * TLE_FACTOR)
                    if rc is None:
                        killed_on = name
                        break
                status = f'killed on {killed_on}' if killed_on else 'finished every test'
                print(f'   {sol["file"]:<22} TLE-expected: {status} (cap {limit_s*TLE_FACTOR:.1f} s)')
                if not killed_on:
                    problems.append(f'{sol["file"]} did not exceed {TLE_FACTOR}x the limit on any test')
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for p in problems:
        print('   PROBLEM:', p)
    return not problems


def main():
    args = sys.argv[1:]
    run_slow = '--no-slow' not in args
    dirs = [a for a in args if not a.startswith('--')]
    if not dirs:
        raise SystemExit(__doc__)
    failed = [d for d in dirs if not check(d, run_slow)]
    print('ALL OK' if not failed else f'FAILED: {" ".join(failed)}')
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
