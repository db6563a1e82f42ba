"""Pitfall: expecting another interpreter to fill in your list or dict.

Objects that are not natively shareable travel as pickled copies, so whatever the other
interpreter does to its copy never reaches yours. The fix: send results back explicitly.
"""

try:
    from concurrent import interpreters  # Python 3.14+
except ImportError:  # Python 3.13: pip install interpreters-pep-734 (the PEP 734 backport)
    from interpreters_backport import interpreters

SETUP = """
try:
    from concurrent import interpreters
except ImportError:
    from interpreters_backport import interpreters
interpreters.create_queue  # loads the queue type in this interpreter
"""

words = ["spam", "eggs", "ham"]
interp = interpreters.create()
interp.exec(SETUP)
channel = interpreters.create_queue()
interp.prepare_main(channel=channel)

# The pitfall: the worker "fills in" the dict it was sent, as a thread would.
lengths: dict[str, int] = {}
channel.put((words, lengths))
interp.exec("""
words, lengths = channel.get()  # both are copies
for word in words:
    lengths[word] = len(word)
""")
print(f"filled in by the other interpreter: {lengths}")

# The fix: the worker sends its result back, and this interpreter keeps it.
channel.put(words)
interp.exec("""
words = channel.get()
channel.put({word: len(word) for word in words})
""")
lengths = channel.get()
print(f"sent back by the other interpreter: {lengths}")
interp.close()

# example: python>=3.13
# Output:
#> filled in by the other interpreter: {}
#> sent back by the other interpreter: {'spam': 4, 'eggs': 4, 'ham': 3}
