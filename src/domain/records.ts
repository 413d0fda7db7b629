import type { PersonId } from "./person";

/**
 * The life of a submitted form (an expression of interest or a role): pure transitions on a
 * record, each checked against the version the person last saw, so an edit made on an old card
 * can never overwrite a newer one. Later work adds statuses (matched, placed…).
 */
export const RECORD_STATUSES = ["draft", "submitted", "withdrawn"] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

export interface FormRecord<D> {
  owner: PersonId & { name?: string };
  status: RecordStatus;
  details: D;
  /** Goes up by one with every saved change; cards carry it back so stale edits are caught. */
  version: number;
  createdAt: string;
  updatedAt: string;
  submittedAt?: string;
  withdrawnAt?: string;
}

export type SaveOutcome<D> =
  | { kind: "saved"; record: FormRecord<D>; created: boolean }
  | { kind: "stale"; record: FormRecord<D> };

/**
 * Submit new details, or replace the details of an existing record. `expectedVersion` is the
 * version on the form the person filled in (undefined for a new form).
 */
export function submitDetails<D>(
  current: FormRecord<D> | undefined,
  details: D,
  owner: PersonId & { name?: string },
  expectedVersion: number | undefined,
  now: Date,
): SaveOutcome<D> {
  const at = now.toISOString();
  if (!current) {
    return {
      kind: "saved",
      created: true,
      record: { owner, status: "submitted", details, version: 1, createdAt: at, updatedAt: at, submittedAt: at },
    };
  }
  if (expectedVersion !== undefined && expectedVersion !== current.version) return { kind: "stale", record: current };
  const { withdrawnAt: _dropped, ...rest } = current;
  return {
    kind: "saved",
    created: false,
    record: { ...rest, owner: { ...current.owner, ...owner }, status: "submitted", details, version: current.version + 1, updatedAt: at, submittedAt: current.status === "submitted" ? (current.submittedAt ?? at) : at },
  };
}

export type WithdrawOutcome<D> =
  | { kind: "withdrawn"; record: FormRecord<D> }
  | { kind: "already-withdrawn"; record: FormRecord<D> }
  | { kind: "stale"; record: FormRecord<D> };

/** Withdraw a record. It is kept, marked withdrawn, never deleted. */
export function withdraw<D>(current: FormRecord<D>, expectedVersion: number | undefined, now: Date): WithdrawOutcome<D> {
  if (current.status === "withdrawn") return { kind: "already-withdrawn", record: current };
  if (expectedVersion !== undefined && expectedVersion !== current.version) return { kind: "stale", record: current };
  const at = now.toISOString();
  return { kind: "withdrawn", record: { ...current, status: "withdrawn", version: current.version + 1, updatedAt: at, withdrawnAt: at } };
}
