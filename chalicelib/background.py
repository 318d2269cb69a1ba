"""Overlapping independent AWS round trips on a cold page."""
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
