import type { Transport } from "../../http/transport.ts";
import type { BusinessContactsOptions } from "./inputs.ts";
import { businessContactsResponseSchema, type Contact } from "./schemas.ts";

/** HighLevel's maximum `limit` for contacts by business. */
export const MAX_BUSINESS_PAGE_SIZE = 100;

/**
 * Iterates the contacts of a business with `skip`/`limit` (`GET /contacts/business/:id`),
 * repeating `locationId` and `query` on every page; stops on a short page or at `count`.
 */
export async function* paginateBusinessContacts(
  transport: Transport,
  businessId: string,
  options: BusinessContactsOptions,
): AsyncGenerator<Contact, void, undefined> {
  const limit = Math.min(
    Math.max(1, Math.floor(options.pageSize ?? MAX_BUSINESS_PAGE_SIZE)),
    MAX_BUSINESS_PAGE_SIZE,
  );
  for (let skip = 0; ; skip += limit) {
    const page = await transport.request(
      {
        method: "GET",
        path: `/contacts/business/${encodeURIComponent(businessId)}`,
        query: { locationId: options.locationId, query: options.query, limit, skip },
      },
      businessContactsResponseSchema,
    );
    yield* page.contacts;
    const count = page.count ?? Number.POSITIVE_INFINITY;
    if (page.contacts.length < limit || skip + limit >= count) return;
  }
}
