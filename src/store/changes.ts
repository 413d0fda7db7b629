import type { Container } from "@azure/cosmos";
import { randomUUID } from "node:crypto";
import { cosmosCode } from "./store";

/** A document matching reads: in the people container (interest, role, approval) or a match. */
export interface ChangeRef {
  container: "people" | "matches";
  id: string;
  pk: string;
}

export interface ChangeMarker {
  id: string;
  /** The document that changed (absent on a removal marker). */
  ref?: ChangeRef;
  /**
   * A removal marker: documents were deleted or rewritten without naming what (an erasure), so every
   * instance reads the whole pool again at its next catch-up. It names no person, document or id.
   */
  reread?: "erasure";
  /** Set by the store when the marker is written (seconds). */
  _ts: number;
}

const PARTITION = "matching";

/**
 * Change markers: after each write of something matching reads, a small marker naming it goes into
 * the `changes` container, so every instance can find what changed since it last looked without
 * reading the whole pool (the embedded store has no change feed, and its queries scan the whole
 * container: this one stays small because old markers are pruned).
 *
 * A marker is written after the write it names has succeeded, so whoever reads the marker reads
 * that write (or a later one). A marker is best effort: if writing it fails, the change is picked
 * up by the next full rebuild (see LivePool, src/pool/live-pool.ts).
 */
export class ChangeLog {
  constructor(private readonly container: Container) {}

  async note(ref: ChangeRef): Promise<void> {
    await this.container.items.create({ id: randomUUID(), pk: PARTITION, ref });
  }

  /**
   * Tell every instance that documents matching reads were removed (an erasure deletes the markers
   * naming them, which would otherwise be how other instances heard). Written after the removal,
   * so whoever reads this marker reads the pool without them. Carries no personal data.
   */
  async noteRemoval(): Promise<void> {
    await this.container.items.create({ id: randomUUID(), pk: PARTITION, reread: "erasure" });
  }

  /** Markers written at or after `sinceTs` (store seconds). */
  async since(sinceTs: number): Promise<ChangeMarker[]> {
    const { resources } = await this.container.items
      .query<ChangeMarker>(
        { query: "SELECT c.id, c.ref, c.reread, c._ts FROM c WHERE c.pk = @pk AND c._ts >= @since", parameters: [{ name: "@pk", value: PARTITION }, { name: "@since", value: sinceTs }] },
        // Naming the partition spares a query-plan round trip.
        { partitionKey: PARTITION },
      )
      .fetchAll();
    return resources;
  }

  /** Delete markers older than `beforeTs` (store seconds). Returns how many. */
  async prune(beforeTs: number): Promise<number> {
    const { resources } = await this.container.items
      .query<{ id: string }>(
        { query: "SELECT c.id FROM c WHERE c.pk = @pk AND c._ts < @before", parameters: [{ name: "@pk", value: PARTITION }, { name: "@before", value: beforeTs }] },
        { partitionKey: PARTITION },
      )
      .fetchAll();
    for (const r of resources) {
      try {
        await this.container.item(r.id, PARTITION).delete();
      } catch (err) {
        if (cosmosCode(err) !== 404) throw err;
      }
    }
    return resources.length;
  }
}
