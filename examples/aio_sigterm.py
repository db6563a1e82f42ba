"""Graceful shutdown on SIGTERM (docker stop, systemctl stop, a Kubernetes pod deletion).

The program runs itself twice as a child process, sends each child SIGTERM once it reports
ready, and prints what the child printed. Without a handler SIGTERM kills the child on the spot;
with one, the child stops taking work, lets its requests in flight finish within a deadline,
cancels the one that overruns it, and exits with status 0.
"""

import asyncio
import signal
import sys

GRACE = 3.0  # seconds for requests in flight; keep it under the orchestrator's own grace period
REQUESTS = {"short": 0.5, "medium": 1.0, "stuck": 60.0}  # name: seconds it takes


async def handle(name: str, seconds: float) -> None:
    try:
        await asyncio.sleep(seconds)  # talking to a database, say
        print(f"request {name}: finished")
    except asyncio.CancelledError:
        print(f"request {name}: cancelled at the deadline")
        raise


async def serve(graceful: bool) -> None:
    main = asyncio.current_task()
    if graceful:
        # Run in the loop, between callbacks, like the SIGINT handling of asyncio.run().
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, main.cancel)
    in_flight = [asyncio.create_task(handle(n, s)) for n, s in REQUESTS.items()]
    try:
        print("ready", flush=True)
        await asyncio.sleep(3600)  # accepting connections, say
    except asyncio.CancelledError:
        main.uncancel()  # this cancellation is a request to shut down: handle it, do not end
        print(f"SIGTERM: no new requests; {len(in_flight)} in flight, {GRACE} s to finish")
        done, late = await asyncio.wait(in_flight, timeout=GRACE)
        for task in late:
            task.cancel()
        if late:
            await asyncio.wait(late, timeout=1)  # let them run their cleanup
    finally:
        print("cleanup: connections closed")


async def run_child(variant: str) -> None:
    child = await asyncio.create_subprocess_exec(
        sys.executable, "-u", __file__, variant, stdout=asyncio.subprocess.PIPE
    )
    try:
        ready = await asyncio.wait_for(child.stdout.readline(), timeout=10)
        assert ready == b"ready\n", ready
        child.send_signal(signal.SIGTERM)  # what `docker stop` sends to the container's PID 1
        output, _ = await asyncio.wait_for(child.communicate(), timeout=GRACE + 10)
    finally:
        if child.returncode is None:  # something went wrong: leave no process behind
            child.kill()
            await child.wait()
    print(f"{variant} child (exit status {child.returncode}):")
    for line in output.decode().splitlines() or ["(nothing: no cleanup ran)"]:
        print(f"  {line}")


async def main() -> None:
    for variant in ("default", "graceful"):
        await run_child(variant)


if __name__ == "__main__":
    if len(sys.argv) > 1:
        asyncio.run(serve(graceful=sys.argv[1] == "graceful"))
    else:
        asyncio.run(main())

# Output:
#> default child (exit status -15):
#>   (nothing: no cleanup ran)
#> graceful child (exit status 0):
#>   SIGTERM: no new requests; 3 in flight, 3.0 s to finish
#>   request short: finished
#>   request medium: finished
#>   request stuck: cancelled at the deadline
#>   cleanup: connections closed
