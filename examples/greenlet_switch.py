"""Two greenlets hand control to each other with explicit switch() calls."""

from greenlet import getcurrent, greenlet


def chef(order: str) -> str:
    print(f"chef: got {order!r}, starts cooking")
    note = waiter.switch("soup is on")  # pause here; resume when someone switches back
    print(f"chef: waiter says {note!r}, serves the {order}")
    return f"{order}, served"  # returning ends the greenlet and switches to its parent


def serve() -> str:
    print("waiter: takes the order")
    news = kitchen.switch("soup")  # start chef("soup"); get back what chef switches
    print(f"waiter: kitchen says {news!r}, pours the wine")
    result = kitchen.switch("wine poured")  # resume chef where it paused
    print(f"waiter: {result!r}")
    return "tip"


main = getcurrent()  # every thread starts in its own "main" greenlet
waiter = greenlet(serve)  # parent: the greenlet that created it (main)
kitchen = greenlet(chef, parent=waiter)  # when chef returns, control goes to the waiter
print(f"main gets back: {waiter.switch()!r}")
print(
    f"both finished: {kitchen.dead and waiter.dead}, waiter's parent is main: {waiter.parent is main}"
)

# Output:
#> waiter: takes the order
#> chef: got 'soup', starts cooking
#> waiter: kitchen says 'soup is on', pours the wine
#> chef: waiter says 'wine poured', serves the soup
#> waiter: 'soup, served'
#> main gets back: 'tip'
#> both finished: True, waiter's parent is main: True
