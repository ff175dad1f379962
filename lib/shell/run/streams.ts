/**
 * Byte streams between commands. Pipelines run stage after stage (the model has no
 * concurrency), so a stream is a buffer: writers append chunks, readers consume from a cursor —
 * which keeps `while read line; do ...; done < file` reading one line per iteration.
 */
const encoder = new TextEncoder();

export function toBytes(data: string | Uint8Array): Uint8Array {
  return typeof data === 'string' ? encoder.encode(data) : data;
}

export function decodeText(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}

export interface OutputStream {
  write(data: string | Uint8Array): void;
}

export class InputStream {
  private pos = 0;
  private readonly data: Uint8Array;

  constructor(data: string | Uint8Array = new Uint8Array(0)) {
    this.data = toBytes(data);
  }

  /** Everything not yet read, consumed. */
  bytes(): Uint8Array {
    const out = this.data.subarray(this.pos);
    this.pos = this.data.length;
    return out;
  }

  text(): string {
    return decodeText(this.bytes());
  }

  /** One line without its newline, or undefined at end of input (`read`, `head`). */
  readLine(): { line: string; newline: boolean } | undefined {
    if (this.pos >= this.data.length) return undefined;
    let end = this.data.indexOf(10, this.pos);
    const newline = end >= 0;
    if (!newline) end = this.data.length;
    const line = decodeText(this.data.subarray(this.pos, end));
    this.pos = newline ? end + 1 : end;
    return { line, newline };
  }
}

/** Collects everything written: command substitution, pipeline stages, redirected files. */
export class BufferOutput implements OutputStream {
  private chunks: Uint8Array[] = [];
  size = 0;

  write(data: string | Uint8Array): void {
    const bytes = toBytes(data);
    if (bytes.length === 0) return;
    this.chunks.push(bytes.slice());
    this.size += bytes.length;
  }

  bytes(): Uint8Array {
    if (this.chunks.length === 1) return this.chunks[0] as Uint8Array;
    const out = new Uint8Array(this.size);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    this.chunks = [out];
    return out;
  }

  text(): string {
    return decodeText(this.bytes());
  }

  /** Hands over what was written so far and starts empty (file redirections flush this way). */
  drain(): Uint8Array {
    const out = this.bytes();
    this.chunks = [];
    this.size = 0;
    return out;
  }
}

export const nullOutput: OutputStream = { write() {} };
