/**
 * Writes infra/cosmos-containers.json from CONTAINER_DEFINITIONS in src/store/store.ts, the one
 * definition of every Cosmos container. infra/main.bicep reads that file with loadJsonContent, and
 * test/infra/infra.test.ts fails when it is out of date. Usage: npm run infra:containers
 */
import { writeFileSync } from "node:fs";
import { fromRoot } from "../src/paths";
import { containerDefinitionsForInfra } from "../src/store/store";

export const CONTAINERS_JSON = fromRoot("infra", "cosmos-containers.json");

export function containerDefinitionsJson(): string {
  return JSON.stringify(containerDefinitionsForInfra(), null, 2) + "\n";
}

if (require.main === module) {
  writeFileSync(CONTAINERS_JSON, containerDefinitionsJson());
  process.stdout.write(`Wrote ${CONTAINERS_JSON}\n`);
}
