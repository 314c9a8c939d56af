/**
 * QuickXorHash: the content hash OneDrive for Business and SharePoint report in
 * `file.hashes.quickXorHash` (the only hash they report; sha1/crc32 are OneDrive personal only).
 *
 * Definition (Microsoft's "QuickXorHash" code snippet in the OneDrive API docs): a 160-bit register;
 * byte i of the content is XORed in at bit (11 * i) mod 160, wrapping round the register; finally
 * the content length, as 8 little-endian bytes, is XORed into the register's last 8 bytes. The
 * register is little-endian and sent in base64 (28 characters).
 *
 * Because 11 and 160 are coprime, byte i and byte i + 160 land at the same bit: the state is just
 * 160 accumulated bytes, so the hash streams over fragments of any size and can be saved in an
 * upload session between requests.
 */
const WIDTH_BITS = 160;
const WIDTH_BYTES = WIDTH_BITS / 8;
const SHIFT = 11;

export interface QuickXorState {
  /** XOR of every content byte at each position modulo 160, base64. */
  acc: string;
  /** Bytes hashed so far. */
  length: number;
}

export class QuickXorHash {
  private readonly acc: Uint8Array;
  private length: number;

  constructor(state?: QuickXorState) {
    this.acc = state ? new Uint8Array(Buffer.from(state.acc, 'base64')) : new Uint8Array(WIDTH_BITS);
    this.length = state?.length ?? 0;
  }

  update(data: Uint8Array): this {
    const acc = this.acc;
    let k = this.length % WIDTH_BITS;
    for (let i = 0; i < data.length; i++) {
      acc[k] = acc[k]! ^ data[i]!;
      if (++k === WIDTH_BITS) k = 0;
    }
    this.length += data.length;
    return this;
  }

  state(): QuickXorState {
    return { acc: Buffer.from(this.acc).toString('base64'), length: this.length };
  }

  /** The hash as Graph sends it (base64 of 20 bytes). */
  digest(): string {
    const reg = new Uint8Array(WIDTH_BYTES);
    for (let k = 0; k < WIDTH_BITS; k++) {
      const b = this.acc[k]!;
      if (b === 0) continue;
      const bit = (SHIFT * k) % WIDTH_BITS;
      const byteIndex = bit >> 3;
      const offset = bit & 7;
      // The byte spans at most two register bytes; the second wraps round to the start.
      reg[byteIndex] = reg[byteIndex]! ^ ((b << offset) & 0xff);
      if (offset > 0) {
        const next = (byteIndex + 1) % WIDTH_BYTES;
        reg[next] = reg[next]! ^ (b >> (8 - offset));
      }
    }
    let len = BigInt(this.length);
    for (let i = 0; i < 8; i++) {
      reg[WIDTH_BYTES - 8 + i] = reg[WIDTH_BYTES - 8 + i]! ^ Number(len & 0xffn);
      len >>= 8n;
    }
    return Buffer.from(reg).toString('base64');
  }
}

export const quickXorHash = (data: Uint8Array): string => new QuickXorHash().update(data).digest();
