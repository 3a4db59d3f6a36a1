import assert from "node:assert/strict";
import { test } from "node:test";
import { firstLine, normalizeEmail, normalizePhone, textToHtml } from "./normalize.ts";

test("emails compare trimmed and lower-cased; non-addresses are dropped", () => {
  assert.equal(normalizeEmail("  JohnDeo@Gmail.COM "), "johndeo@gmail.com");
  assert.equal(normalizeEmail("not an email"), undefined);
  assert.equal(normalizeEmail(undefined), undefined);
});

test("phones become E.164, with the contact's country for national numbers", () => {
  assert.equal(normalizePhone("+91 95095 97501"), "+919509597501");
  assert.equal(normalizePhone("(415) 555-2671", "US"), "+14155552671");
  assert.equal(normalizePhone("030 901820", "DE"), "+4930901820");
  assert.equal(normalizePhone("12", "US"), undefined);
});

test("text becomes escaped HTML and a short title", () => {
  assert.equal(textToHtml("a < b\nnext"), "<p>a &lt; b<br>next</p>");
  assert.equal(firstLine("\n  Call back Tuesday \nmore"), "Call back Tuesday");
  assert.equal(firstLine("x".repeat(100), 10).length, 10);
});
