"""Pitfall: a timeout can only interrupt code at an `await`; a blocking call runs past it."""

import time

import trio


def blocking_io() -> str:
    time.sleep(0.5)  # a synchronous library call: requests.get(), a database driver...
    return "data"


async def attempt(name: str, call) -> None:
    start = time.perf_counter()
    try:
        with trio.fail_after(0.1):
            result = await call()
        outcome = f"returned {result!r}"
    except trio.TooSlowError:
        outcome = "TooSlowError"
    print(f"{name}: {outcome} after {time.perf_counter() - start:.1f} s")


async def in_the_loop() -> str:
    return blocking_io()  # BUG: no checkpoint inside, the deadline passes unnoticed


async def in_a_thread() -> str:
    # Not enough: the loop runs on meanwhile, but cancellation waits for the thread to finish.
    return await trio.to_thread.run_sync(blocking_io)


async def abandoned_thread() -> str:
    # FIX for calls you cannot make async: stop waiting when cancelled. The thread itself
    # cannot be killed; it runs to the end in the background and its result is dropped.
    return await trio.to_thread.run_sync(blocking_io, abandon_on_cancel=True)


async def chunked() -> str:
    for _ in range(50):  # FIX for your own long loops: a checkpoint in every round
        time.sleep(0.01)  # one slice of the work
        await trio.lowlevel.checkpoint()  # a point where a cancellation can be delivered
    return "data"


async def main() -> None:
    await attempt("blocking call in the loop", in_the_loop)
    await attempt("to_thread.run_sync", in_a_thread)
    await attempt("abandon_on_cancel=True", abandoned_thread)
    await attempt("checkpoint in every round", chunked)
    await trio.sleep(0.5)  # let the abandoned thread finish before the program ends


trio.run(main)

# Output (timings vary):
#> blocking call in the loop: returned 'data' after {float>=0.5} s
#> to_thread.run_sync: returned 'data' after {float>=0.5} s
#> abandon_on_cancel=True: TooSlowError after {float>=0.1<0.4} s
#> checkpoint in every round: TooSlowError after {float>=0.1<0.4} s
