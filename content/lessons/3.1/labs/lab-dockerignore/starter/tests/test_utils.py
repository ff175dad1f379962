from app.utils import greeting


def test_greeting():
    assert greeting("world") == "Hello, world!"
