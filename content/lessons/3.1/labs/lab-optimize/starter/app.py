from flask import Flask, jsonify

from models import Item, total_price

app = Flask(__name__)

ITEMS = [Item("book", 12.5), Item("pen", 1.25)]


@app.get("/items")
def items():
    return jsonify(items=[i.name for i in ITEMS], total=total_price(ITEMS))


@app.get("/health")
def health():
    return jsonify(status="ok")


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=5000)