import { claimLink, confirmLink, findLink, type LinkKey } from "../../../store/links.ts";
import type { RunContext } from "../../recipe.ts";

export interface CopyOutcome {
  readonly targetId: string;
  /** False when an earlier run (or an earlier attempt of this one) had already made the copy. */
  readonly created: boolean;
}

/**
 * Makes the target copy of one source item exactly once, whichever run gets there first.
 * The copy is claimed in the identity map before it is made; a claim left pending by a crashed
 * attempt is resolved by `findExisting` (a look in the target app) before anything is created,
 * so a retry never makes a second note, task or person.
 */
export async function copyOnce(
  context: RunContext,
  key: LinkKey,
  subjectId: string,
  findExisting: () => Promise<string | undefined>,
  create: () => Promise<string>,
): Promise<CopyOutcome> {
  const { db, clock } = context;
  const before = await findLink(db, key);
  if (before?.state === "done" && before.targetId) {
    return { targetId: before.targetId, created: false };
  }
  const link = before ?? (await claimLink(db, key, subjectId, clock.now()));
  const adopted = before ? await findExisting() : undefined;
  if (adopted) {
    await confirmLink(db, link.id, adopted, clock.now());
    return { targetId: adopted, created: false };
  }
  const targetId = await create();
  await confirmLink(db, link.id, targetId, clock.now());
  return { targetId, created: true };
}
