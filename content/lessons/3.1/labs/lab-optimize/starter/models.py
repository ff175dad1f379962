from dataclasses import dataclass


@dataclass
class Item:
    name: str
    price: float


def total_price(items):
    return round(sum(i.price for i in items), 2)
