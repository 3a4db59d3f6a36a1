import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { DocStore } from "../../../store/doc-store.ts";
import { createHighLevelClient } from "../client.ts";
import { createHighLevelSandbox, TEST_BASE_URL } from "../testing.ts";
import { createHighLevelEmulator } from "./index.ts";

describe("HighLevel emulator: persistence", () => {
  const dir = mkdtempSync(join(tmpdir(), "hl-emu-"));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps state, keys, webhook URL and tokens when the store is reopened", async () => {
    const file = join(dir, "hl.sqlite");
    const first = createHighLevelSandbox({ docs: DocStore.open(file) });
    first.emulator.control.setWebhookUrl("https://bridge.test/hooks/highlevel");
    const contact = await first.client.createContact({
      locationId: first.location.id,
      firstName: "Kept",
    });
    await first.client.createNote(contact.id, { body: "still here" });
    const keys = first.emulator.control.webhookPublicKeys();
    await first.emulator.control.settle();
    first.docs.close();

    const docs = DocStore.open(file);
    const reopened = createHighLevelEmulator({ docs });
    const client = createHighLevelClient({
      baseUrl: TEST_BASE_URL,
      token: first.token,
      fetch: reopened.fetch,
    });
    assert.equal((await client.getContact(contact.id)).firstName, "Kept");
    assert.deepEqual(
      (await client.listNotes(contact.id)).map((n) => n.body),
      ["still here"],
    );
    assert.deepEqual(reopened.control.webhookPublicKeys(), keys);
    assert.equal(reopened.control.webhookUrl(), "https://bridge.test/hooks/highlevel");
    assert.equal(reopened.control.getLocation(first.location.id)?.name, "Test Location");
    assert.deepEqual(
      reopened.control.deliveries().map((d) => d.type),
      ["ContactCreate", "NoteCreate"],
    );
    docs.close();
  });
});
