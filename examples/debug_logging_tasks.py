"""Log records that say which asyncio task wrote them (%(taskName)s, Python 3.12+).

The bug is the one of aio_race_across_await.py: two withdrawals both pass the balance check
before either subtracts. The task names in the log show the interleaving.
"""

import asyncio
import logging
import sys

logging.basicConfig(
    stream=sys.stdout, level=logging.INFO, format="%(taskName)-10s %(levelname)-7s %(message)s"
)
log = logging.getLogger("bank")


class Account:
    def __init__(self, balance: int) -> None:
        self.balance = balance

    async def withdraw(self, amount: int) -> None:
        if self.balance >= amount:
            log.info("balance %d >= %d: approved", self.balance, amount)
            await asyncio.sleep(0.01)  # a database call, say: other tasks run meanwhile
            self.balance -= amount
            log.info("paid out %d, balance now %d", amount, self.balance)
        else:
            log.warning("balance %d < %d: refused", self.balance, amount)


async def main() -> None:
    asyncio.current_task().set_name("main")
    account = Account(100)
    async with asyncio.TaskGroup() as tg:
        for n in (1, 2):
            tg.create_task(account.withdraw(80), name=f"withdraw-{n}")  # name every task
    if account.balance < 0:
        log.error("overdrawn: balance %d", account.balance)


log.info("outside any task, taskName is None")
asyncio.run(main())

# example: python>=3.12
# Output:
#> None       INFO    outside any task, taskName is None
#> withdraw-1 INFO    balance 100 >= 80: approved
#> withdraw-2 INFO    balance 100 >= 80: approved
#> withdraw-1 INFO    paid out 80, balance now 20
#> withdraw-2 INFO    paid out 80, balance now -60
#> main       ERROR   overdrawn: balance -60
