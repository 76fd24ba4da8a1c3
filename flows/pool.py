"""The build's process pool: workers forked from a fork server that holds lingua's models.

Prefect's `ProcessPoolTaskRunner` spawns its workers, so each one imports the stages and
loads lingua's models on its own (the largest part of a worker's memory). Here the
workers are forked from multiprocessing's fork server, which imported `flows.preload`
first: the models are loaded once and every worker shares their pages. The fork server
is a process of its own that forks nothing else; it is stopped with the pool, so it holds
no memory while the data files and the database are written.

Everything else is Prefect's runner as it is: the same executor, initializer, message
forwarding and task submission (`__enter__` differs from Prefect 3.8's only in its
multiprocessing context and its preload; `__exit__` stops the fork server too).
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.forkserver
import threading
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from typing import Any, Self

from prefect.task_runners import ProcessPoolTaskRunner, _initialize_process_pool_worker

from flows.runtime import FORK_SERVER_PRELOAD as PRELOAD


class ForkServerTaskRunner(ProcessPoolTaskRunner):
    """Prefect's process pool with workers forked from a fork server holding `PRELOAD`."""

    def __enter__(self) -> Self:
        super(ProcessPoolTaskRunner, self).__enter__()
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(PRELOAD)
        self._subprocess_message_queue = context.Queue()
        self._message_forwarding_thread = threading.Thread(
            target=self._forward_subprocess_messages,
            name="ProcessPoolTaskRunnerMessageForwarder",
            daemon=True,
        )
        self._message_forwarding_thread.start()
        try:
            self._executor = ProcessPoolExecutor(
                max_workers=self._max_workers,
                mp_context=context,
                initializer=_initialize_process_pool_worker,
                initargs=(self._subprocess_message_queue, self._initializer, self._initargs),
            )
            self._resolver_executor = ThreadPoolExecutor(max_workers=self._max_workers)
        except Exception:
            self.__exit__(None, None, None)
            raise
        return self

    def __exit__(self, exc_type: Any, exc_value: Any, traceback: Any) -> None:
        try:
            super().__exit__(exc_type, exc_value, traceback)
        finally:
            stop_fork_server()


def stop_fork_server() -> None:
    """Stop multiprocessing's fork server of this process, if it runs (the next pool
    starts a new one): it holds the preloaded modules and models."""
    server = multiprocessing.forkserver._forkserver
    stop = getattr(server, "_stop", None)
    if stop is not None:
        stop()
