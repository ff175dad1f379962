import { renderToString } from "react-dom/server";

function Home({ name }: { name: string }) {
  return (
    <main>
      <h1>Hello from {name}</h1>
      <p>Served by Express, rendered by React.</p>
    </main>
  );
}

export function renderHome(name: string): string {
  return "<!doctype html>" + renderToString(<Home name={name} />);
}
