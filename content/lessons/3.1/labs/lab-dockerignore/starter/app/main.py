from flask import Flask

from utils import greeting

app = Flask(__name__)


@app.get("/")
def index():
    return greeting("world")


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=5000)
