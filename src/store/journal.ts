import { open, readdir, readFile, truncate, type FileHandle } from "node:fs/promises";
import { join } from "node:path";
import { crc32 } from "node:zlib";

/**
 * An append-only journal of store changes, with group commit.
 *
 * Each record is framed as: 4 bytes payload length, 4 bytes CRC-32 of the payload (both
 * little-endian), then the payload (UTF-8 JSON). A record whose frame is cut short or whose
 * checksum does not match ends the journal: it is the torn tail of a write that never completed,
 * so it was never acknowledged.
 *
 * `append` is synchronous and only queues the record. All records queued while the previous write
 * was in flight go to disk in one write and one fdatasync (group commit), so a burst of concurrent
 * writes shares one fsync. `whenDurable(seq)` resolves once record `seq` is on disk.
 *
 * Journals are numbered files (`store-journal-<gen>.log`). `rotate()` starts a new file: records
 * queued before it go to the old file, records after it to the new one. The old file is synced and
 * closed before the new one receives anything, so only the newest file can end in a torn record.
 */
export type Durability = "fsync" | "write";

const HEADER = 8;
const JOURNAL_RE = /^store-journal-(\d+)\.log$/;

export const journalFile = (dir: string, gen: number): string => join(dir, `store-journal-${gen}.log`);

export function encodeRecord(record: unknown): Buffer {
  const payload = Buffer.from(JSON.stringify(record), "utf8");
  const frame = Buffer.allocUnsafe(HEADER + payload.length);
  frame.writeUInt32LE(payload.length, 0);
  frame.writeUInt32LE(crc32(payload), 4);
  payload.copy(frame, HEADER);
  return frame;
}

/** Every complete, intact record from the start of `buf`, and how many bytes they take. */
export function decodeRecords(buf: Buffer): { records: unknown[]; validBytes: number } {
  const records: unknown[] = [];
  let at = 0;
  while (at + HEADER <= buf.length) {
    const len = buf.readUInt32LE(at);
    const sum = buf.readUInt32LE(at + 4);
    if (at + HEADER + len > buf.length) break;
    const payload = buf.subarray(at + HEADER, at + HEADER + len);
    if (crc32(payload) !== sum) break;
    let record: unknown;
    try {
      record = JSON.parse(payload.toString("utf8"));
    } catch {
      break;
    }
    records.push(record);
    at += HEADER + len;
  }
  return { records, validBytes: at };
}

/** Generations of the journal files in `dir`, oldest first. */
export async function listJournals(dir: string): Promise<number[]> {
  const names = await readdir(dir);
  return names
    .map((n) => JOURNAL_RE.exec(n))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]))
    .sort((a, b) => a - b);
}

/**
 * Read one journal file. A torn or damaged tail is cut off the file when `repairTail` is set (the
 * newest journal after a crash) and is an error otherwise (an older journal was complete when the
 * next one started, so damage there is not a crash artefact).
 */
export async function readJournal(dir: string, gen: number, repairTail: boolean): Promise<{ records: unknown[]; bytes: number; cut: number }> {
  const file = journalFile(dir, gen);
  const buf = await readFile(file);
  const { records, validBytes } = decodeRecords(buf);
  const cut = buf.length - validBytes;
  if (cut > 0) {
    if (!repairTail) throw new Error(`${file} is damaged at byte ${validBytes}`);
    await truncate(file, validBytes);
  }
  return { records, bytes: validBytes, cut };
}

/** Sync a folder, so a file just created or renamed in it survives a crash. */
export async function syncDir(dir: string): Promise<void> {
  const fh = await open(dir, "r");
  try {
    await fh.sync();
  } catch {
    // Some file systems do not sync directories; the file's own sync still holds.
  } finally {
    await fh.close();
  }
}

interface Waiter {
  seq: number;
  resolve: () => void;
  reject: (err: Error) => void;
}

export class Journal {
  private queue: { gen: number; frame: Buffer; seq: number }[] = [];
  private waiters: Waiter[] = [];
  private seq = 0;
  private durableSeq = 0;
  private writing = false;
  private scheduled = false;
  private failure: Error | undefined;
  private fh: FileHandle | undefined;
  private fileGen: number;
  /** Length of the current file up to its last synced record (found on the first write after opening it). */
  private fileSize: number | undefined;
  private queuedGen: number;
  /** Bytes in journal files not yet folded into a snapshot (queued bytes included). */
  bytes: number;
  private drained: (() => void)[] = [];
  /** Groups written (each one fsync when durability is "fsync"), for tests and the bench. */
  groups = 0;

  private constructor(
    private readonly dir: string,
    gen: number,
    bytes: number,
    private readonly durability: Durability,
  ) {
    this.fileGen = gen;
    this.queuedGen = gen;
    this.bytes = bytes;
  }

  /** Continue journal `gen` in `dir` (appending after what is there). */
  static async open(dir: string, gen: number, bytes: number, durability: Durability): Promise<Journal> {
    const j = new Journal(dir, gen, bytes, durability);
    j.fh = await open(journalFile(dir, gen), "a");
    await syncDir(dir);
    return j;
  }

  /** Number of the newest record queued. */
  get lastSeq(): number {
    return this.seq;
  }

  get generation(): number {
    return this.queuedGen;
  }

  get failed(): Error | undefined {
    return this.failure;
  }

  isDurable(seq: number): boolean {
    return !this.failure && this.durableSeq >= seq;
  }

  /** Queue a record; returns its sequence number. The record is durable once whenDurable says so. */
  append(record: unknown): number {
    this.seq++;
    // Once the disk has failed nothing more is written (every waiter is refused): keep no backlog.
    if (this.failure) return this.seq;
    const frame = encodeRecord(record);
    this.queue.push({ gen: this.queuedGen, frame, seq: this.seq });
    this.bytes += frame.length;
    if (!this.scheduled && !this.writing) {
      this.scheduled = true;
      // Let every write of this turn of the event loop join the same group.
      setImmediate(() => void this.run());
    }
    return this.seq;
  }

  /** Resolves when every record up to `seq` is on disk; rejects if the journal cannot be written. */
  whenDurable(seq: number): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.durableSeq >= seq) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ seq, resolve, reject }));
  }

  /** Start a new journal file; records queued from now on go there. Returns its generation. */
  rotate(): number {
    this.queuedGen++;
    this.bytes = 0;
    return this.queuedGen;
  }

  /** Wait until everything queued so far is on disk (or the journal failed). */
  async drain(): Promise<void> {
    while (this.writing || this.scheduled) await new Promise<void>((resolve) => this.drained.push(resolve));
  }

  async close(): Promise<void> {
    await this.drain();
    await this.fh?.close();
    this.fh = undefined;
  }

  private async run(): Promise<void> {
    this.scheduled = false;
    if (this.writing) return;
    this.writing = true;
    try {
      while (this.queue.length > 0 && !this.failure) {
        const batch = this.queue;
        this.queue = [];
        try {
          await this.writeBatch(batch);
        } catch (err) {
          this.fail(err as Error);
          break;
        }
        this.groups++;
      }
    } finally {
      this.writing = false;
      if (this.queue.length > 0 && !this.failure && !this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.run());
      }
      for (const d of this.drained.splice(0)) d();
    }
  }

  private async writeBatch(batch: { gen: number; frame: Buffer; seq: number }[]): Promise<void> {
    let i = 0;
    while (i < batch.length) {
      const gen = batch[i]!.gen;
      let j = i;
      while (j < batch.length && batch[j]!.gen === gen) j++;
      if (gen !== this.fileGen) {
        // The previous file is complete (it was synced after its last write): close it, start the next.
        await this.fh?.close();
        this.fh = await open(journalFile(this.dir, gen), "a");
        this.fileGen = gen;
        this.fileSize = 0;
        await syncDir(this.dir);
      }
      const fh = this.fh!;
      const before = (this.fileSize ??= (await fh.stat()).size);
      const buf = Buffer.concat(batch.slice(i, j).map((b) => b.frame));
      try {
        let off = 0;
        while (off < buf.length) {
          const { bytesWritten } = await fh.write(buf, off, buf.length - off);
          off += bytesWritten;
        }
        if (this.durability === "fsync") await fh.datasync();
      } catch (err) {
        // None of this part was acknowledged: take it back out of the file where the disk still
        // allows, so a restart does not bring back changes the app was told had failed. Best effort
        // only: after a real I/O error the kernel may already have dropped the dirty pages' state,
        // and the cut itself may not reach the disk, so after a power loss such a change can still
        // come back (as an unacknowledged write may with any database).
        await fh.truncate(before).then(() => fh.datasync()).catch(() => undefined);
        throw err;
      }
      this.fileSize = before + buf.length;
      // This part is on disk: acknowledge it now, even if a later part (the next file) fails.
      this.markDurable(batch[j - 1]!.seq);
      i = j;
    }
  }

  private markDurable(seq: number): void {
    this.durableSeq = seq;
    while (this.waiters.length > 0 && this.waiters[0]!.seq <= seq) this.waiters.shift()!.resolve();
  }

  private fail(err: Error): void {
    this.failure = err;
    this.queue = [];
    for (const w of this.waiters.splice(0)) w.reject(err);
  }
}
