import "dotenv/config";
import cors from "cors";
import express from "express";
import { renderHome } from "./home";

const app = express();
app.use(cors());

app.get("/health", (_req, res) => {
  res.json({ status: "ok" });
});

app.get("/", (_req, res) => {
  res.send(renderHome("Layerlab"));
});

const port = Number(process.env.PORT ?? 3000);
app.listen(port, () => {
  console.log(`listening on ${port}`);
});
