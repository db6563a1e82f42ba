"""A greenlet's exception does not reach the code that spawned it, unless you ask for it."""

import io

import gevent

hub = gevent.get_hub()
hub.exception_stream = report = io.StringIO()  # normally sys.stderr; captured to show it here


def parse(text: str) -> int:
    return int(text)


# Wrong: join and carry on as if everything worked.
jobs = [gevent.spawn(parse, text) for text in ("1", "two", "3")]
gevent.joinall(jobs)
print(f"wrong: no exception here; values {[job.value for job in jobs]}")
last_line = report.getvalue().strip().splitlines()[-1]  # "<timestamp> <Greenlet ...> failed ..."
print(f"  only gevent's report says so: {last_line.split(' ', 1)[1]}")

# Fixed: ask for the outcome. get() returns the value or re-raises the greenlet's exception.
jobs = [gevent.spawn(parse, text) for text in ("1", "two", "3")]
gevent.joinall(jobs)
for job in jobs:
    try:
        print(f"fixed: {job.get()}")
    except ValueError as error:
        print(f"fixed: caught {error!r}")
# Or let joinall raise the first failure: gevent.joinall(jobs, raise_error=True).
print(f"successful: {[job.successful() for job in jobs]}")

# Output:
#> wrong: no exception here; values [1, None, 3]
#>   only gevent's report says so: <Greenlet at {...}: parse('two')> failed with ValueError
#> fixed: 1
#> fixed: caught ValueError("invalid literal for int() with base 10: 'two'")
#> fixed: 3
#> successful: [True, False, True]
