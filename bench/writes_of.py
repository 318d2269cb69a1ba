"""Section 3b (writes per post) for another checkout's engine, through this bench's meter.

``python bench/writes_of.py DIR`` runs this checkout's ``run.writes`` (same posts,
same meter) against the engine in DIR (a ``git worktree`` of an older commit): its
``chalicelib`` indexes, its ``bench/harness.py`` seeds the blog and serves moto.
The "before" of the write rows in docs/performance.md comes from here.
"""
import importlib.util
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def _load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def main(engine):
    sys.path[:0] = [os.path.join(engine, "bench"), engine]
    os.chdir(engine)
    import harness  # the engine's own: its moto and its way of making a blog

    ours = _load("bench_harness", os.path.join(HERE, "harness.py"))
    harness.CallMeter = ours.CallMeter
    _load("corpus", os.path.join(HERE, "corpus.py"))
    run = _load("run", os.path.join(HERE, "run.py"))
    # run.py put this checkout first on sys.path: the engine's modules must win.
    sys.path[:] = [entry for entry in sys.path if entry != os.path.dirname(HERE)]
    for name in [name for name in sys.modules
                 if name.split(".")[0] in ("chalicelib", "blog_cli", "app")]:
        del sys.modules[name]
    sys.argv = sys.argv[:1]
    server = harness.MotoServer()
    try:
        run.writes(harness.create_blog("bench-writes"), run.WRITE_POSTS)
    finally:
        server.stop()


if __name__ == "__main__":
    main(os.path.abspath(sys.argv[1]))
