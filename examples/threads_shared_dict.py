"""Pitfall: one thread iterates over a dict while another adds to it. Fix: iterate a snapshot."""

import threading


def report(sessions: dict[str, int], snapshot: bool) -> None:
    added = threading.Event()

    def add_session() -> None:
        sessions["carol"] = 3  # another thread changes the shared dict...
        added.set()

    writer = threading.Thread(target=add_session)
    seen = []
    try:
        for name in sessions.copy() if snapshot else sessions:
            seen.append(name)
            if len(seen) == 1:
                writer.start()
                added.wait()  # ...while this thread is in the middle of its loop
    except RuntimeError as exc:
        print(f"live dict: RuntimeError: {exc} (saw {seen})")
    else:
        print(f"snapshot:  saw {seen}; the dict now has {sorted(sessions)}")
    writer.join()


report({"alice": 1, "bob": 2}, snapshot=False)
report({"alice": 1, "bob": 2}, snapshot=True)  # d.copy() is one operation: safe on every build

# Output:
#> live dict: RuntimeError: dictionary changed size during iteration (saw ['alice'])
#> snapshot:  saw ['alice', 'bob']; the dict now has ['alice', 'bob', 'carol']
