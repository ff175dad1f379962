import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(__file__)))

from models import Item, total_price  # noqa: E402


def test_total_price():
    assert total_price([Item("a", 1.1), Item("b", 2.2)]) == 3.3


def test_empty():
    assert total_price([]) == 0
