"""Worker interpreters fed through queues, each in its own thread with its own GIL.

The main interpreter puts tasks on one queue and reads results from another; one None per
worker tells the workers to stop. The two queues are all the interpreters share.
"""

import os
import threading

try:
    from concurrent import interpreters  # Python 3.14+
except ImportError:  # Python 3.13: pip install interpreters-pep-734 (the PEP 734 backport)
    from interpreters_backport import interpreters

from workloads import CPU_TASKS, count_primes

HERE = os.path.dirname(os.path.abspath(__file__))
WORKERS = 2

SETUP = """
try:
    from concurrent import interpreters
except ImportError:
    from interpreters_backport import interpreters
interpreters.create_queue  # loads the queue type, so that queues can be bound below
import sys
if examples_dir not in sys.path:  # sys.path changes made at run time are not inherited
    sys.path.insert(0, examples_dir)
"""

WORKER_LOOP = """
from workloads import count_primes

while (task := tasks.get()) is not None:
    index, limit = task
    results.put((index, worker, count_primes(limit)))
"""


def new_interpreter(**names):
    interp = interpreters.create()
    interp.prepare_main(examples_dir=HERE)  # a str is shareable: no setup needed yet
    interp.exec(SETUP)
    interp.prepare_main(**names)
    return interp


def run(interp, failures: list) -> None:
    try:
        interp.exec(WORKER_LOOP)  # blocks this thread until the loop ends
    except interpreters.ExecutionFailed as exc:  # an uncaught error in the worker lands here
        failures.append(exc)


tasks, results = interpreters.create_queue(), interpreters.create_queue()
workers = [new_interpreter(tasks=tasks, results=results, worker=n) for n in range(WORKERS)]
failures: list = []
threads = [threading.Thread(target=run, args=(w, failures)) for w in workers]
for thread in threads:
    thread.start()

for task in enumerate(CPU_TASKS):
    tasks.put(task)
for _ in workers:
    tasks.put(None)  # one stop signal per worker

answers = sorted(results.get() for _ in CPU_TASKS)  # (index, worker, primes), any order
for thread in threads:
    thread.join()
for interp in workers:
    interp.close()

expected = count_primes(CPU_TASKS[0])
print(f"{len(answers)} results in task order: {[index for index, _, _ in answers]}")
print(f"every result is {expected}: {all(primes == expected for _, _, primes in answers)}")
print(f"workers that took tasks: {len({worker for _, worker, _ in answers})} of {WORKERS}")
print(f"failures: {failures}, interpreters left: {len(interpreters.list_all())}")

# example: python>=3.13
# Output:
#> 8 results in task order: [0, 1, 2, 3, 4, 5, 6, 7]
#> every result is 11301: True
#> workers that took tasks: {int>=1<=2} of 2
#> failures: [], interpreters left: 1
