"""Overlapping independent AWS round trips on a cold page: background jobs and lazy values."""
import threading


class Background:
    """Run ``work`` on a thread now; ``result()`` waits and re-raises its error.

    A cold page's DynamoDB reads are independent round trips, so they overlap.
    """

    def __init__(self, work):
        self._work = work
        self._value = self._error = None
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self):
        try:
            self._value = self._work()
        except BaseException as error:  # handed to the waiting thread
            self._error = error

    def result(self):
        """The work's return value, once it has finished."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._value


class Lazy:
    """A value computed at most once: in the background once started, else on demand."""

    def __init__(self, work):
        self._work = work
        self._job = None
        self._done = False
        self._value = None
        self._lock = threading.Lock()

    @classmethod
    def of(cls, value):
        """A Lazy already holding ``value``."""
        lazy = cls(None)
        lazy._value, lazy._done = value, True
        return lazy

    @property
    def ready(self):
        """True once the value is in hand."""
        return self._done

    def start(self):
        """Begin computing in the background, unless begun or done."""
        with self._lock:
            if not self._done and self._job is None:
                self._job = Background(self._work)

    def value(self):
        """The value, computing or waiting for it as needed; errors propagate."""
        with self._lock:
            if self._done:
                return self._value
            job = self._job
        value = job.result() if job is not None else self._work()
        with self._lock:
            self._job, self._value, self._done = None, value, True
        return value
