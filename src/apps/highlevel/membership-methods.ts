import type { Transport } from "../../http/transport.ts";
import type { BulkBusinessInput, BulkTagsInput } from "./inputs.ts";
import {
  type BulkTagsResponse,
  bulkBusinessResponseSchema,
  bulkTagsResponseSchema,
  followersAddedSchema,
  followersRemovedSchema,
  succededSchema,
  tagsResponseSchema,
} from "./schemas.ts";

/** Tags, followers, campaigns, workflows and the two bulk operations. */
export interface MembershipMethods {
  /** Adds to the tag list (unlike `tags` in create/update, which replace it); resolves the new list. */
  addTags(contactId: string, tags: string[]): Promise<string[]>;
  removeTags(contactId: string, tags: string[]): Promise<string[]>;
  addFollowers(
    contactId: string,
    followers: string[],
  ): Promise<{ followers: string[]; followersAdded: string[] }>;
  removeFollowers(
    contactId: string,
    followers: string[],
  ): Promise<{ followers: string[]; followersRemoved: string[] }>;
  addToCampaign(contactId: string, campaignId: string): Promise<void>;
  removeFromCampaign(contactId: string, campaignId: string): Promise<void>;
  removeFromAllCampaigns(contactId: string): Promise<void>;
  addToWorkflow(
    contactId: string,
    workflowId: string,
    options?: { eventStartTime?: string },
  ): Promise<void>;
  removeFromWorkflow(contactId: string, workflowId: string): Promise<void>;
  /** `POST /contacts/bulk/tags/update/:type`; per-contact failures are in `responses`, not thrown. */
  bulkUpdateTags(type: "add" | "remove", input: BulkTagsInput): Promise<BulkTagsResponse>;
  /** Sets (or with `businessId: null` clears) the business of many contacts; resolves the changed ids. */
  bulkUpdateBusiness(input: BulkBusinessInput): Promise<string[]>;
}

const seg = encodeURIComponent;

export function membershipMethods(transport: Transport): MembershipMethods {
  const base = (contactId: string) => `/contacts/${seg(contactId)}`;
  const call = (method: "POST" | "DELETE", path: string, body?: unknown) =>
    transport.request({ method, path, ...(body === undefined ? {} : { body }) }, succededSchema);
  return {
    async addTags(contactId, tags) {
      const spec = { method: "POST", path: `${base(contactId)}/tags`, body: { tags } } as const;
      return (await transport.request(spec, tagsResponseSchema)).tags;
    },
    async removeTags(contactId, tags) {
      // DELETE with a JSON body (BEHAVIOUR.md "Requests").
      const spec = { method: "DELETE", path: `${base(contactId)}/tags`, body: { tags } } as const;
      return (await transport.request(spec, tagsResponseSchema)).tags;
    },
    async addFollowers(contactId, followers) {
      const path = `${base(contactId)}/followers`;
      const result = await transport.request(
        { method: "POST", path, body: { followers } },
        followersAddedSchema,
      );
      return { followers: result.followers, followersAdded: result.followersAdded };
    },
    async removeFollowers(contactId, followers) {
      const path = `${base(contactId)}/followers`;
      const result = await transport.request(
        { method: "DELETE", path, body: { followers } },
        followersRemovedSchema,
      );
      return { followers: result.followers, followersRemoved: result.followersRemoved };
    },
    async addToCampaign(contactId, campaignId) {
      await call("POST", `${base(contactId)}/campaigns/${seg(campaignId)}`, {});
    },
    async removeFromCampaign(contactId, campaignId) {
      await call("DELETE", `${base(contactId)}/campaigns/${seg(campaignId)}`);
    },
    async removeFromAllCampaigns(contactId) {
      await call("DELETE", `${base(contactId)}/campaigns/removeAll`);
    },
    async addToWorkflow(contactId, workflowId, options = {}) {
      await call("POST", `${base(contactId)}/workflow/${seg(workflowId)}`, options);
    },
    async removeFromWorkflow(contactId, workflowId) {
      await call("DELETE", `${base(contactId)}/workflow/${seg(workflowId)}`, {});
    },
    async bulkUpdateTags(type, input) {
      const path = `/contacts/bulk/tags/update/${type}`;
      return transport.request({ method: "POST", path, body: input }, bulkTagsResponseSchema);
    },
    async bulkUpdateBusiness(input) {
      const spec = { method: "POST", path: "/contacts/bulk/business", body: input } as const;
      return (await transport.request(spec, bulkBusinessResponseSchema)).ids;
    },
  };
}
