"""Pitfall: code that relies on what a new thread's context variables hold.

On the GIL build, a thread started with threading.Thread begins with an EMPTY context: a
ContextVar set by the caller is unset there. On the free-threaded build (3.14t) the flag
sys.flags.thread_inherit_context is on by default, and the thread starts with a COPY of the
caller's context. The same code then behaves differently. The fix: pass the context explicitly.
"""

import contextvars
import sys
import threading

request_id = contextvars.ContextVar("request_id", default="<unset>")
request_id.set("req-42")
seen: dict[str, str] = {}


def log_line(label: str) -> None:
    seen[label] = request_id.get()


inherit = bool(getattr(sys.flags, "thread_inherit_context", 0))  # an int flag, new in 3.14
print(f"sys.flags.thread_inherit_context: {inherit}")

# The pitfall: whatever this thread sees depends on the build (and on -X thread_inherit_context).
thread = threading.Thread(target=log_line, args=("implicit",))
thread.start()
thread.join()
print(f"implicit: the thread sees {seen['implicit']!r}")

# The fix: run the function in a copy of the caller's context, on every build.
context = contextvars.copy_context()  # one copy per thread: a context runs in one thread at a time
thread = threading.Thread(target=context.run, args=(log_line, "explicit"))
thread.start()
thread.join()
print(f"explicit: the thread sees {seen['explicit']!r}")

# Output on the standard (GIL) builds:
#> sys.flags.thread_inherit_context: False
#> implicit: the thread sees '<unset>'
#> explicit: the thread sees 'req-42'
# Output on free-threaded builds (3.14t, 3.15t: the flag is on, so a new thread starts with a copy):
#> sys.flags.thread_inherit_context: True
#> implicit: the thread sees 'req-42'
#> explicit: the thread sees 'req-42'
