"""Log records that say which process and which thread wrote them.

The bug is the one of threads_deadlock.py: two transfers take two locks in opposite orders.
Named threads and %(threadName)s show who holds what and who waits for whom.
"""

import logging
import multiprocessing
import sys
import threading

# At module level, so that a child process started with spawn or forkserver (which imports
# this file anew) configures logging the same way. No timestamps, to keep the output stable;
# a real program adds %(asctime)s.
logging.basicConfig(
    stream=sys.stdout,
    level=logging.INFO,
    format="%(processName)-13s %(threadName)-8s %(message)s",
)
log = logging.getLogger("bank")

a, b = threading.Lock(), threading.Lock()
both_hold_one = threading.Barrier(2)


def transfer(first: threading.Lock, second: threading.Lock, names: str) -> None:
    with first:
        log.info("holds %s", names[0])
        both_hold_one.wait()
        log.info("waits for %s", names[1])
        if not second.acquire(timeout=0.5):
            log.error("gave up waiting for %s: deadlock", names[1])
            both_hold_one.wait()  # keep holding the first lock until the other one gave up too
            return
        second.release()


def write_report() -> None:
    log.info("writing the report")  # processName is the name given to the Process


if __name__ == "__main__":
    threads = [
        threading.Thread(target=transfer, args=(a, b, "ab"), name="a-to-b"),
        threading.Thread(target=transfer, args=(b, a, "ba"), name="b-to-a"),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    child = multiprocessing.Process(target=write_report, name="report-writer")
    child.start()
    child.join()
    log.info("done")

# example: processes
# Output:
#? MainProcess   a-to-b   holds a
#? MainProcess   b-to-a   holds b
#? MainProcess   a-to-b   waits for b
#? MainProcess   b-to-a   waits for a
#? MainProcess   a-to-b   gave up waiting for b: deadlock
#? MainProcess   b-to-a   gave up waiting for a: deadlock
#> report-writer MainThread writing the report
#> MainProcess   MainThread done
