import type { PersonId } from "../src/domain/person";

/**
 * The demo people the development sign-in can act as (local development only, never with an app
 * id). One list, here: tests and the dev sign-in page read it. Made-up names and ids.
 */
export const DEMO_TENANT = "0d0e0a11-0000-4000-8000-000000000001";

export interface DemoPerson {
  id: string;
  name: string;
  email: string;
  /** What they do in the demo, shown on the sign-in page. */
  role: string;
  person: PersonId;
}

const demo = (id: string, name: string, role: string, n: number): DemoPerson => ({
  id,
  name,
  role,
  email: `${id}@example.gov.uk`,
  person: { tenantId: DEMO_TENANT, aadObjectId: `0d0e0a11-0000-4000-8000-${String(n).padStart(12, "0")}` },
});

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  demo("alex", "Alex Morgan", "Civil servant looking for a secondment", 101),
  demo("sam", "Sam Patel", "Alex's line manager", 102),
  demo("jo", "Jo Williams", "Hiring manager offering a role", 103),
  demo("pat", "Pat Okafor", "Programme team member (Programme tab)", 104),
];

export function demoPerson(id: string): DemoPerson | undefined {
  return DEMO_PEOPLE.find((p) => p.id === id);
}
