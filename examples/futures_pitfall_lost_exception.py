"""Fire and forget: an exception in a task nobody asks about disappears without a trace."""

from concurrent.futures import ThreadPoolExecutor

saved = []


def save(record: dict) -> None:
    if "id" not in record:
        raise KeyError("id")
    saved.append(record["id"])


records = [{"id": 1}, {"name": "no id"}, {"id": 3}]

# The pitfall: submit() and never look at the futures. No traceback, no warning, nothing.
with ThreadPoolExecutor() as executor:
    for record in records:
        executor.submit(save, record)
print("fire and forget: saved", sorted(saved), "- and not a word about the failure")

# The fix: keep the futures and ask each one for its result (or at least its exception).
saved.clear()
with ThreadPoolExecutor() as executor:
    futures = {executor.submit(save, record): record for record in records}
failed = {repr(f.exception()): record for f, record in futures.items() if f.exception()}
print("checked: saved", sorted(saved), "failed", failed)

# Output:
#> fire and forget: saved [1, 3] - and not a word about the failure
#> checked: saved [1, 3] failed {"KeyError('id')": {'name': 'no id'}}
