/**
 * Image references the terminal shows, as links to the views: in a `docker images` table the
 * `REPOSITORY`+`TAG` cells (`app:latest`) and the `IMAGE ID` cell, and the image a build named
 * (`naming to docker.io/library/app:latest`). Columns are read from the table's header, so
 * `--digests` and any padding work. Pure: lines in, ranges out.
 */
export interface ImageLink {
  /** First cell (0-based column) and the cell after the last. */
  start: number;
  end: number;
  /** What to open: `repo:tag`, or the short image ID for an untagged image. */
  ref: string;
}

interface TableColumns {
  repository: number;
  tag: number;
  /** Where the tag's column ends (the next column's start). */
  tagEnd: number;
  id: number;
  idEnd: number;
}

const HEADER = /^REPOSITORY +TAG +(?:DIGEST +)?IMAGE ID +CREATED +SIZE *$/;
/** How far up a row's table header may be (a `docker images` of many images). */
const MAX_TABLE_ROWS = 2000;

function columnsOf(header: string): TableColumns | undefined {
  if (!HEADER.test(header)) return undefined;
  const tag = header.indexOf('TAG');
  const digest = header.indexOf('DIGEST');
  const id = header.indexOf('IMAGE ID');
  return { repository: 0, tag, tagEnd: digest > 0 ? digest : id, id, idEnd: header.indexOf('CREATED') };
}

/** The links in one row of a table with these columns, or none when it is not such a row. */
function rowLinks(row: string, columns: TableColumns): ImageLink[] {
  const cell = (from: number, to: number) => row.slice(from, to).trimEnd();
  const repository = cell(columns.repository, columns.tag);
  const tag = cell(columns.tag, columns.tagEnd);
  const id = cell(columns.id, columns.idEnd);
  if (!/^[0-9a-f]{12}$/.test(id) || repository === '' || /\s/.test(repository) || tag === '' || /\s/.test(tag)) return [];
  const links: ImageLink[] = [];
  if (repository !== '<none>' && tag !== '<none>') {
    // The name reads as two cells; each is a link to the same image.
    const ref = `${repository}:${tag}`;
    links.push({ start: columns.repository, end: columns.repository + repository.length, ref }, { start: columns.tag, end: columns.tag + tag.length, ref });
  }
  links.push({ start: columns.id, end: columns.id + id.length, ref: id });
  return links;
}

/** A `docker images` row looks like this (its header not checked yet). */
function looksLikeRow(line: string): boolean {
  return /^\S+ +\S+ +(?:\S+ +)?[0-9a-f]{12} +\S/.test(line);
}

const NAMING = /naming to (?:docker\.io\/)?(?:library\/)?([a-z0-9][\w.\-/]*(?::[\w][\w.-]*)?)(?: done)?/;

function namingLinks(line: string): ImageLink[] {
  const m = NAMING.exec(line);
  if (m === null) return [];
  const name = m[1] as string;
  const start = m.index + m[0].indexOf(name, 'naming to '.length);
  return [{ start, end: start + name.length, ref: name.includes(':') ? name : `${name}:latest` }];
}

/**
 * Links on line `y` of a screen whose lines `lineAt` gives (undefined past its ends): a row of a
 * `docker images` table is recognised by its header above it.
 */
export function imageLinksAt(lineAt: (y: number) => string | undefined, y: number): ImageLink[] {
  const line = lineAt(y);
  if (line === undefined) return [];
  if (looksLikeRow(line)) {
    for (let above = y - 1; above >= 0 && y - above <= MAX_TABLE_ROWS; above--) {
      const text = lineAt(above);
      if (text === undefined) break;
      const columns = columnsOf(text);
      if (columns !== undefined) return rowLinks(line, columns);
      if (!looksLikeRow(text)) break;
    }
  }
  return namingLinks(line);
}

/** The images an output names, in order, once each (the keyboard's way to the same links). */
export function imageRefsInOutput(output: string): string[] {
  const lines = output.replace(/\r/g, '').split('\n');
  const refs: string[] = [];
  lines.forEach((_, y) => {
    const links = imageLinksAt((i) => lines[i], y);
    // A table row offers its name and its ID: the name is enough when there is one.
    const link = links[0];
    if (link !== undefined && !refs.includes(link.ref)) refs.push(link.ref);
  });
  return refs;
}
