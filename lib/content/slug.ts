/** Turn heading text into a URL fragment: "What is a Docker image?" → "what-is-a-docker-image". */
export function toSlug(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9\s-]/g, '')
    .trim()
    .replace(/[\s-]+/g, '-');
  return slug === '' ? 'section' : slug;
}

/**
 * Gives each heading of one document a unique slug, GitHub style: the second "Example" becomes
 * "example-1". Parsing and rendering each run one slugger over the headings in document order,
 * so the ids they produce agree.
 */
export function createSlugger(): (text: string) => string {
  const seen = new Map<string, number>();
  return (text) => {
    const base = toSlug(text);
    let slug = base;
    let n = seen.get(base) ?? 0;
    while (seen.has(slug)) {
      n += 1;
      slug = `${base}-${n}`;
    }
    seen.set(base, n);
    seen.set(slug, 0);
    return slug;
  };
}
