"""Pitfall: every await is a point where other tasks run; check-then-act across it is a race."""

import asyncio


class Account:
    def __init__(self, balance: int) -> None:
        self.balance = balance
        self.lock = asyncio.Lock()

    async def withdraw_racy(self, amount: int) -> bool:
        if self.balance >= amount:  # check...
            await asyncio.sleep(0.01)  # ...an await (a database call, say): other tasks run...
            self.balance -= amount  # ...act on a check that may no longer hold
            return True
        return False

    async def withdraw_locked(self, amount: int) -> bool:
        async with self.lock:  # FIX: no other withdrawal between the check and the update
            return await self.withdraw_racy(amount)


async def main() -> None:
    for method in ("withdraw_racy", "withdraw_locked"):
        account = Account(100)
        withdraw = getattr(account, method)
        approved = await asyncio.gather(withdraw(80), withdraw(80))
        print(f"{method}: approved {approved}, balance {account.balance}")


asyncio.run(main())

# example: browser
# Output:
#> withdraw_racy: approved [True, True], balance -60
#> withdraw_locked: approved [True, False], balance 20
