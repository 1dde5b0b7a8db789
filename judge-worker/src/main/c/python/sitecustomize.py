# CodeArena Python fork server (see supervisor.c, "fork server").
#
# The supervisor starts `python3 -B /prog/main.py` once per session with PYTHONPATH pointing here and
# CODEARENA_FORK_SERVER=<fd of a socket to the supervisor>. Python's start-up imports `site`, which
# imports this module before it would run main.py: here the process becomes the fork server. It never
# runs main.py itself. For each test the supervisor sends the test's stdin/stdout/stderr (SCM_RIGHTS);
# the server forks twice (so that the test process is re-parented to the supervisor, which waits for
# it and takes its CPU time and memory from wait4 exactly as for any other program), and the test
# process undoes what this module changed, returns from this import, and lets the interpreter's own
# start-up carry on as in `python3 -B /prog/main.py`: the rest of `site`, sys.path[0] = /prog, then
# main.py read, compiled and run as __main__ by the interpreter itself (argv, __file__, exit codes,
# tracebacks, recursion depth all as usual).
#
# Without the variable (an ordinary run that happens to have this directory on its path) it does
# nothing but stand in for the distribution's sitecustomize, as below.
import os
import sys


def _chain_distribution_sitecustomize(here):
    """Runs the distribution's sitecustomize, if any, as `site` would have (it belongs to start-up)."""
    sys.path[:] = [p for p in sys.path if p != here]
    sys.path_importer_cache.pop(here, None)
    ours = sys.modules.pop('sitecustomize')
    import site
    site.execsitecustomize()
    if 'sitecustomize' not in sys.modules:
        # importlib re-reads sys.modules['sitecustomize'] when this import ends: leave ours there for
        # that moment and drop it just after, when `site` imports usercustomize (or on the next import)
        sys.modules['sitecustomize'] = ours
        sys.meta_path.insert(0, _ForgetSitecustomize)


class _ForgetSitecustomize:
    @staticmethod
    def find_spec(name, path=None, target=None):
        sys.meta_path.remove(_ForgetSitecustomize)
        sys.modules.pop('sitecustomize', None)
        return None


def _serve(fd, here, modules_before):
    import _ctypes
    import _socket

    class _Int(_ctypes._SimpleCData):
        _type_ = 'i'

    class _Function(_ctypes.CFuncPtr):
        _flags_ = 1  # FUNCFLAG_CDECL
        _restype_ = _Int

    class _Libc:
        _handle = _ctypes.dlopen(None, 0)

    prctl = _Function(('prctl', _Libc))
    # Not dumpable: a program of the same uid can then neither ptrace this server nor open its /proc
    # files, so a test cannot change what later tests are forked from (signals are all it has; the
    # supervisor replaces a server that is not sleeping after a test). Each test turns it back on.
    if prctl(4, 0, 0, 0, 0) != 0:  # PR_SET_DUMPABLE
        os._exit(71)
    sock = _socket.socket(fileno=fd)
    cmsg_space = _socket.CMSG_SPACE(3 * 4)
    sock.send(b'ready')
    while True:
        data, ancillary, _, _ = sock.recvmsg(16, cmsg_space)
        if not data:
            os._exit(0)
        fds = []
        for level, kind, payload in ancillary:
            if level == _socket.SOL_SOCKET and kind == _socket.SCM_RIGHTS:
                fds += [int.from_bytes(payload[i:i + 4], sys.byteorder) for i in range(0, len(payload) - 3, 4)]
        middle = os.fork()
        if middle == 0:
            middle = os.getpid()
            if os.fork() != 0:
                os._exit(0)
            break
        for received in fds:
            os.close(received)
        os.waitpid(middle, 0)

    # The test process. Wait until the middle process is gone and the supervisor (a child subreaper)
    # is our parent, so that it can wait4() for us.
    while os.getppid() == middle:
        os.sched_yield()
    os.setpgid(0, 0)
    if len(fds) != 3:
        os._exit(70)
    for target, received in enumerate(fds):
        os.dup2(received, target)
    prctl(4, 1, 0, 0, 0)
    sock.send(str(os.getpid()).encode())
    sock.close()
    os.closerange(3, 1 << 16)
    # Undo what this module added, so the program finds the interpreter as a fresh start-up leaves it.
    del os.environ['CODEARENA_FORK_SERVER']
    del os.environ['PYTHONPATH']
    for name in set(sys.modules) - modules_before:
        del sys.modules[name]
    _chain_distribution_sitecustomize(here)


def _start():
    here = os.path.dirname(os.path.abspath(__file__))
    fd = os.environ.get('CODEARENA_FORK_SERVER')
    if fd is None:
        _chain_distribution_sitecustomize(here)
        return
    import site
    if not site.ENABLE_USER_SITE:
        os._exit(72)  # the hand-over after start-up (see _ForgetSitecustomize) relies on usercustomize
    _serve(int(fd), here, set(sys.modules))


_start()
