#!/usr/bin/env node
/**
 * The `layerlab` Node entry (`npm run -s layerlab -- <command>`): wires real files and streams
 * to the same command code the tests run in memory.
 */
import { runLayerlab } from './layerlab/program';
import { createNodeCliIO } from './node-cli-io';

const io = createNodeCliIO({
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin,
});
const code = await runLayerlab(process.argv.slice(2), io).catch((error: unknown) => {
  process.stderr.write(`layerlab: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return 2;
});
process.exitCode = code;

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}
