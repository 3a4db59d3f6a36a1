import type { Contact } from "../../../apps/highlevel/schemas.ts";
import { HttpError } from "../../../http/errors.ts";
import { findLink } from "../../../store/links.ts";
import { PermanentRunError, type RunContext } from "../../recipe.ts";
import { copyOnce } from "./copy-once.ts";
import { findPerson } from "./find-person.ts";
import { personFieldsFromContact } from "./person-fields.ts";

export interface IntakeResult {
  readonly recordId: string;
  /** How the person was found: an existing link, a match, or a new record. */
  readonly outcome: "linked" | "matched-email" | "matched-phone" | "created";
}

/** The HighLevel contact, or a permanent failure when HighLevel says it does not exist. */
export async function fetchContact(context: RunContext, contactId: string): Promise<Contact> {
  try {
    return await context.clients.highlevel(context.source).getContact(contactId);
  } catch (error) {
    // HighLevel answers 400 (not 404) for an unknown contact id (BEHAVIOUR.md, Errors).
    if (error instanceof HttpError && (error.status === 400 || error.status === 404)) {
      throw new PermanentRunError(`HighLevel contact ${contactId} not found: ${error.message}`);
    }
    throw error;
  }
}

/** The link key of a contact in this workflow's pair of connections. */
export function contactLinkKey(context: RunContext, contactId: string) {
  return {
    kind: "contact" as const,
    sourceConnectionId: context.source.id,
    sourceId: contactId,
    targetConnectionId: context.target.id,
  };
}

/** Whether the contact already has its Breakcold person. */
export async function isLinked(context: RunContext, contactId: string): Promise<boolean> {
  const link = await findLink(context.db, contactLinkKey(context, contactId));
  return link?.state === "done";
}

/**
 * Finds or creates the Breakcold person for a HighLevel contact and links them: an existing
 * link wins, then a person with the same normalised email, then the same phone; else a new
 * person is created from the contact's fields.
 */
export async function takeInContact(context: RunContext, contactId: string): Promise<IntakeResult> {
  const breakcold = context.clients.breakcold(context.target);
  const workspaceId = context.target.accountId;
  let outcome: IntakeResult["outcome"] = "linked";
  const find = async () => {
    const contact = await fetchContact(context, contactId);
    const match = await findPerson(breakcold, workspaceId, contact);
    if (match) outcome = match.by === "email" ? "matched-email" : "matched-phone";
    return { contact, match };
  };
  const copy = await copyOnce(
    context,
    contactLinkKey(context, contactId),
    contactId,
    async () => (await find()).match?.record.id,
    async () => {
      const { contact, match } = await find();
      if (match) return match.record.id;
      const objects = await breakcold.listObjects(workspaceId);
      const person = objects.find((object) => object.slug === "person");
      if (!person)
        throw new PermanentRunError(`Breakcold workspace ${workspaceId} has no person object`);
      const definitions = await breakcold.listFields(person.id);
      const record = await breakcold.createRecord({
        workspaceId,
        objectTypeSlug: "person",
        fields: personFieldsFromContact(contact, definitions),
      });
      outcome = "created";
      return record.id;
    },
  );
  return { recordId: copy.targetId, outcome };
}
