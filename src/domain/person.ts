import { z } from "zod";

/**
 * Who a person is, independent of the chat they use: their Entra ID (AAD) object id within
 * their tenant. Progress and records are keyed on this, so they are the same from any chat.
 */
export const PersonIdSchema = z.object({
  tenantId: z.string().trim().min(1).max(100),
  aadObjectId: z.string().trim().min(1).max(100),
});
export type PersonId = z.infer<typeof PersonIdSchema>;

/** The partition key and document prefix for one person: "tenant:aadObjectId". */
export function personKey(person: PersonId): string {
  return `${person.tenantId}:${person.aadObjectId}`.toLowerCase();
}
