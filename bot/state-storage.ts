import type { Container } from "@azure/cosmos";
import type { Storage, StoreItems } from "botbuilder";
import { cosmosCode } from "../src/store/store";
import { safeId } from "../src/store/conversations";

/**
 * botbuilder's Storage interface over our Cosmos `botState` container, so conversation state
 * lives in the same store as everything else. Each key is one document (id and pk = the key made
 * safe for Cosmos). An item's `eTag` maps to Cosmos' etag: "*" or none writes unconditionally,
 * anything else must match or the write fails with a 412, as botbuilder expects.
 */
export class CosmosBotStorage implements Storage {
  constructor(private readonly container: Container) {}

  async read(keys: string[]): Promise<StoreItems> {
    const out: StoreItems = {};
    await Promise.all(
      keys.map(async (key) => {
        const id = safeId(key);
        try {
          const { resource } = await this.container.item(id, id).read<{ state: Record<string, unknown>; _etag: string }>();
          if (resource) out[key] = { ...resource.state, eTag: resource._etag };
        } catch (err) {
          if (cosmosCode(err) !== 404) throw err;
        }
      }),
    );
    return out;
  }

  async write(changes: StoreItems): Promise<void> {
    await Promise.all(
      Object.entries(changes).map(async ([key, item]) => {
        const id = safeId(key);
        const { eTag, ...state } = (item ?? {}) as { eTag?: string } & Record<string, unknown>;
        const doc = { id, pk: id, key, state, updatedAt: new Date().toISOString() };
        if (eTag && eTag !== "*") {
          await this.container.item(id, id).replace(doc, { accessCondition: { type: "IfMatch", condition: eTag } });
        } else {
          await this.container.items.upsert(doc);
        }
      }),
    );
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(
      keys.map(async (key) => {
        const id = safeId(key);
        try {
          await this.container.item(id, id).delete();
        } catch (err) {
          if (cosmosCode(err) !== 404) throw err;
        }
      }),
    );
  }
}
