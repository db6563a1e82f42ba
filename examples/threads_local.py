"""threading.local: one object per thread (a connection, a session), created on first use."""

import threading
from concurrent.futures import ThreadPoolExecutor


class Connection:
    """Stands for anything that must not be shared between threads (a DB connection, say)."""

    def __init__(self) -> None:
        self.owner = threading.current_thread().name


per_thread = threading.local()  # attributes set on it are visible only in the thread that set them


def get_connection() -> Connection:
    if not hasattr(per_thread, "connection"):  # first call in this thread
        per_thread.connection = Connection()
    return per_thread.connection


def task(i: int) -> tuple[str, Connection]:
    return threading.current_thread().name, get_connection()


with ThreadPoolExecutor(max_workers=3, thread_name_prefix="pool") as pool:
    uses = list(pool.map(task, range(30)))

connections = {id(conn) for _, conn in uses}  # distinct objects (all still alive in `uses`)
print(f"30 tasks on at most 3 threads opened {len(connections)} connection(s)")
print("each task got its own thread's connection:", all(name == c.owner for name, c in uses))
print("main thread has one:", hasattr(per_thread, "connection"))

# Output:
#> 30 tasks on at most 3 threads opened {int>=1<=3} connection(s)
#> each task got its own thread's connection: True
#> main thread has one: False
