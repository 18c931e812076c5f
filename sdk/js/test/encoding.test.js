import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { webcrypto, createPublicKey, verify } from "node:crypto";
import { _internals } from "../src/passbind.js";
import { cborDecode } from "../test-support/fakes.js";

const { cborEncode, ecdsaRawToDer, base64UrlEncode, base64UrlDecode } = _internals;

const hex = (bytes) => Buffer.from(bytes).toString("hex");

describe("cborEncode", () => {
  // Expected bytes from RFC 8949 Appendix A.
  const vectors = [
    [0, "00"], [1, "01"], [10, "0a"], [23, "17"], [24, "1818"], [25, "1819"], [100, "1864"],
    [1000, "1903e8"], [1000000, "1a000f4240"], [1000000000000, "1b000000e8d4a51000"],
    [-1, "20"], [-10, "29"], [-100, "3863"], [-1000, "3903e7"],
    [false, "f4"], [true, "f5"], [null, "f6"],
    ["", "60"], ["a", "6161"], ["IETF", "6449455446"], ["\u00fc", "62c3bc"], ["\u6c34", "63e6b0b4"],
    [new Uint8Array([]), "40"], [new Uint8Array([1, 2, 3, 4]), "4401020304"],
    [[], "80"], [[1, 2, 3], "83010203"], [[1, [2, 3], [4, 5]], "8301820203820405"],
    [{}, "a0"], [new Map([[1, 2], [3, 4]]), "a201020304"],
    [{ a: 1, b: [2, 3] }, "a26161016162820203"],
  ];
  for (const [value, expected] of vectors) {
    test(`${JSON.stringify(value instanceof Map ? [...value] : value instanceof Uint8Array ? [...value] : value)} → ${expected}`, () => {
      assert.equal(hex(cborEncode(value)), expected);
    });
  }

  test("a 24-byte string uses a one-byte length", () => {
    assert.equal(hex(cborEncode(new Uint8Array(24))), "5818" + "00".repeat(24));
  });

  test("an ArrayBuffer is a byte string", () => {
    assert.equal(hex(cborEncode(new Uint8Array([9, 8]).buffer)), "420908");
  });

  test("map keys are written in CTAP2 canonical order", () => {
    // COSE EC2 key inserted out of order: 1, 3, -1, -2, -3 is the canonical order.
    const key = cborEncode(new Map([[-3, 0], [-1, 1], [3, -7], [1, 2], [-2, 0]]));
    assert.equal(hex(key), "a5" + "0102" + "0326" + "2001" + "2100" + "2200");
    // Text keys: shorter first, then bytewise ("fmt", "attStmt", "authData").
    const att = cborEncode({ authData: 1, fmt: 2, attStmt: 3 });
    assert.deepEqual([...cborDecode(att).keys()], ["fmt", "attStmt", "authData"]);
  });

  test("round-trips through an independent decoder", () => {
    const value = new Map([["fmt", "packed"], ["attStmt", new Map([["alg", -7], ["sig", new Uint8Array([1, 2])]])], ["n", 70000]]);
    const decoded = cborDecode(cborEncode(value));
    assert.equal(decoded.get("fmt"), "packed");
    assert.equal(decoded.get("attStmt").get("alg"), -7);
    assert.deepEqual([...decoded.get("attStmt").get("sig")], [1, 2]);
    assert.equal(decoded.get("n"), 70000);
  });

  test("refuses what it cannot encode", () => {
    assert.throws(() => cborEncode(1.5), RangeError);
    assert.throws(() => cborEncode(2 ** 60), RangeError);
    assert.throws(() => cborEncode(undefined), TypeError);
    assert.throws(() => cborEncode(new Map([[Uint8Array.of(1), 1], [Uint8Array.of(1), 2]])), TypeError);
  });
});

describe("ecdsaRawToDer", () => {
  const raw = (r, s) => Uint8Array.from([...r, ...s]);
  const n32 = (first, fill = 0x11) => { const b = new Uint8Array(32).fill(fill); b[0] = first; return b; };

  test("small high bits: plain INTEGERs", () => {
    const der = ecdsaRawToDer(raw(n32(0x01), n32(0x02)));
    assert.equal(hex(der), "3044" + "0220" + hex(n32(0x01)) + "0220" + hex(n32(0x02)));
  });

  test("high bit set: a zero byte is prefixed", () => {
    const der = ecdsaRawToDer(raw(n32(0x80), n32(0xff)));
    assert.equal(hex(der), "3046" + "022100" + hex(n32(0x80)) + "022100" + hex(n32(0xff)));
  });

  test("leading zeros are stripped, down to a minimal encoding", () => {
    const r = new Uint8Array(32); r[30] = 0x00; r[31] = 0x05;
    const s = new Uint8Array(32); s[1] = 0x90; // after stripping one zero, high bit set: keep one zero
    const der = ecdsaRawToDer(raw(r, s));
    assert.equal(hex(der), "3025" + "020105" + "022000" + hex(s.subarray(1)));
  });

  test("an all-zero integer is one zero byte", () => {
    assert.equal(hex(ecdsaRawToDer(new Uint8Array(64))), "3006020100020100");
  });

  test("refuses an odd-length or empty input", () => {
    assert.throws(() => ecdsaRawToDer(new Uint8Array(63)), RangeError);
    assert.throws(() => ecdsaRawToDer(new Uint8Array(0)), RangeError);
  });

  test("WebCrypto signatures converted to DER verify with OpenSSL", async () => {
    const pair = await webcrypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"]);
    const spki = Buffer.from(await webcrypto.subtle.exportKey("spki", pair.publicKey));
    const publicKey = createPublicKey({ key: spki, format: "der", type: "spki" });
    for (let i = 0; i < 20; i++) {
      const data = webcrypto.getRandomValues(new Uint8Array(64));
      const signature = await webcrypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, pair.privateKey, data);
      const der = ecdsaRawToDer(signature);
      assert.equal(verify("sha256", data, { key: publicKey, dsaEncoding: "der" }, der), true);
    }
  });
});

describe("base64url", () => {
  test("encodes without padding, with the URL alphabet", () => {
    assert.equal(base64UrlEncode(new Uint8Array([0xfb, 0xff, 0xbf])), "-_-_");
    assert.equal(base64UrlEncode(new Uint8Array([1])), "AQ");
    assert.equal(base64UrlEncode(new Uint8Array([])), "");
  });

  test("decodes with or without padding", () => {
    assert.deepEqual([...base64UrlDecode("-_-_")], [0xfb, 0xff, 0xbf]);
    assert.deepEqual([...base64UrlDecode("AQ")], [1]);
    assert.deepEqual([...base64UrlDecode("AQ==")], [1]);
  });

  test("round-trips large inputs", () => {
    const bytes = webcrypto.getRandomValues(new Uint8Array(70000 % 65536));
    assert.deepEqual(base64UrlDecode(base64UrlEncode(bytes)), bytes);
  });

  test("refuses standard base64 and bad lengths", () => {
    assert.throws(() => base64UrlDecode("+/+/"), TypeError);
    assert.throws(() => base64UrlDecode("A"), TypeError);
    assert.throws(() => base64UrlDecode(42), TypeError);
  });
});
