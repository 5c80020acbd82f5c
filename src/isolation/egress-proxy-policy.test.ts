import { describe, expect, it } from "vitest";
import {
  decideConnect,
  isPublicAddress,
  parseAllowEntry,
  parseConnectTarget,
  type ConnectTarget,
} from "./egress-proxy-policy.js";

describe("parseAllowEntry", () => {
  it.each([
    ["registry.npmjs.org", { host: "registry.npmjs.org", wildcard: false, port: 443 }],
    ["  Files.PythonHosted.org. ", { host: "files.pythonhosted.org", wildcard: false, port: 443 }],
    ["*.pythonhosted.org", { host: "pythonhosted.org", wildcard: true, port: 443 }],
    ["*.example.com:8443", { host: "example.com", wildcard: true, port: 8443 }],
    ["localhost:8080", { host: "localhost", wildcard: false, port: 8080 }],
    ["10.0.0.5:3128", { host: "10.0.0.5", wildcard: false, port: 3128 }],
    ["[::1]:8080", { host: "::1", wildcard: false, port: 8080 }],
    ["2001:db8::1", { host: "2001:db8::1", wildcard: false, port: 443 }],
  ])("%j", (entry, rule) => {
    expect(parseAllowEntry(entry)).toEqual({ ...rule, entry });
  });

  it.each([
    ["*", /neither a host name/],
    ["*.com", /at least two labels/],
    ["*.10.0.0.1", /cannot cover IP addresses/],
    ["exa mple.com", /neither a host name/],
    ["http://example.com", /invalid port|neither/],
    ["example.com:0", /invalid port "0"/],
    ["example.com:70000", /invalid port "70000"/],
    ["example.com:", /invalid port ""/],
    ["-bad.example.com", /neither a host name/],
  ])("refuses %j, naming it", (entry, message) => {
    expect(() => parseAllowEntry(entry)).toThrow(message);
    expect(() => parseAllowEntry(entry)).toThrow(JSON.stringify(entry));
  });
});

describe("parseConnectTarget", () => {
  it("reads host:port, IPv6 in brackets, and normalises case and the root dot", () => {
    expect(parseConnectTarget("Registry.NPMJS.org.:443")).toEqual({
      host: "registry.npmjs.org",
      port: 443,
      ip: 0,
    });
    expect(parseConnectTarget("127.0.0.1:22")).toEqual({ host: "127.0.0.1", port: 22, ip: 4 });
    expect(parseConnectTarget("[::1]:443")).toEqual({ host: "::1", port: 443, ip: 6 });
  });

  it.each([
    "example.com",
    "example.com:https",
    "example.com:0",
    "/path",
    "http://example.com/",
    "a b:443",
    ":443",
  ])("refuses %j", (target) => {
    expect(parseConnectTarget(target)).toBeUndefined();
  });
});

describe("decideConnect", () => {
  const rules = ["registry.npmjs.org", "*.pythonhosted.org", "localhost:8080", "10.0.0.5:3128"].map(
    parseAllowEntry,
  );
  const target = (text: string) => parseConnectTarget(text) as ConnectTarget;

  it.each([
    ["registry.npmjs.org:443", true],
    ["REGISTRY.npmjs.org:443", true],
    ["files.pythonhosted.org:443", true],
    ["a.b.pythonhosted.org:443", true],
    ["localhost:8080", true],
    ["10.0.0.5:3128", true],
  ])("allows %s", (text) => {
    expect(decideConnect(rules, target(text)).allowed).toBe(true);
  });

  it.each([
    ["registry.npmjs.org:22", "port 22 is not allowed for this host"],
    ["localhost:443", "port 443 is not allowed for this host"],
    ["pythonhosted.org:443", "the host is not in the allow-list"],
    ["evilpythonhosted.org:443", "the host is not in the allow-list"],
    ["registry.npmjs.org.evil.com:443", "the host is not in the allow-list"],
    ["npmjs.org:443", "the host is not in the allow-list"],
    ["127.0.0.1:8080", "the host is not in the allow-list"],
    ["104.16.0.1:443", "the host is not in the allow-list"],
  ])("refuses %s", (text, reason) => {
    expect(decideConnect(rules, target(text))).toEqual({ allowed: false, reason });
  });
});

describe("isPublicAddress", () => {
  it.each(["104.16.1.34", "8.8.8.8", "2606:4700::6810:122", "::ffff:8.8.8.8"])("%s is public", (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it.each([
    "127.0.0.1",
    "10.1.2.3",
    "172.20.0.1",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "224.0.0.1",
    "::1",
    "::",
    "fe80::1",
    "fd00::1",
    "::ffff:127.0.0.1",
    "not-an-ip",
  ])("%s is not", (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });
});
