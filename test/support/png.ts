import { PassThrough } from "node:stream";
import * as PImage from "pureimage";
import { expect } from "vitest";

/** Asserts `bytes` is a PNG (signature and a full decode) and returns its dimensions. */
export async function pngSize(bytes: Buffer): Promise<[number, number]> {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const stream = new PassThrough();
  stream.end(bytes);
  const decoded = await PImage.decodePNGFromStream(stream);
  return [decoded.width, decoded.height];
}
