// SSRF guards (lib/ssrf.js), on crates/bulwark-core/src/ssrf.rs.

/**
 * What kind of address an IP is (IANA special-purpose registries):
 * - `public`: globally reachable unicast;
 * - `private`: 10/8, 172.16/12, 192.168/16, fc00::/7, fec0::/10, 64:ff9b:1::/48;
 * - `loopback`: 127/8, ::1; `linkLocal`: 169.254/16 (cloud metadata), fe80::/10;
 * - `unspecified`: 0.0.0.0, :: (both reach the local host on Linux);
 * - `multicast`: 224/4, ff00::/8; `cgnat`: 100.64/10; `broadcast`: 255.255.255.255;
 * - `documentation`: 192.0.2/24, 198.51.100/24, 203.0.113/24, 2001:db8::/32, 3fff::/20;
 * - `benchmarking`: 198.18/15, 2001:2::/48;
 * - `reserved`: everything else that is not global unicast (0/8, 240/4, 192.0.0/24,
 *   192.88.99/24, IPv6 outside 2000::/3, 2001::/23 including Teredo, 100::/64).
 *
 * Addresses that embed an IPv4 address take its category: IPv4-mapped `::ffff:a.b.c.d`,
 * NAT64 `64:ff9b::a.b.c.d` and 6to4 `2002:AABB:CCDD::/48`. IPv4-compatible `::a.b.c.d`
 * does too, except that a public embedded address makes it `reserved` (never routed).
 */
export type IpCategory =
  | 'public'
  | 'private'
  | 'loopback'
  | 'linkLocal'
  | 'unspecified'
  | 'multicast'
  | 'cgnat'
  | 'documentation'
  | 'benchmarking'
  | 'reserved'
  | 'broadcast';

/** Every {@link IpCategory}. */
export declare const IP_CATEGORIES: readonly IpCategory[];

/** A parsed IP address. */
export interface ParsedIpAddress {
  /**
   * Canonical text: dotted decimal for IPv4; for IPv6 lowercase, the first longest run of
   * zero groups as `::`, never a dotted IPv4 tail, exactly as Node's `URL` writes IPv6 hosts
   * (`::ffff:127.0.0.1` is `'::ffff:7f00:1'`). No brackets, no zone.
   */
  address: string;
  /** 4 or 6, as `net.isIP` and `dns.lookup` report it. */
  family: 4 | 6;
  /** The IPv6 zone without `%` (`fe80::1%eth0` has `'eth0'`), else `null`. */
  zone: string | null;
}

/**
 * Parses an IP address in any notation the OS resolver (`inet_aton`, `getaddrinfo`) or
 * WHATWG URL accepts; `null` for anything else. IPv4 parts may be decimal, octal (leading
 * `0`) or hex (`0x`), one to four of them, the last filling the remaining bytes:
 * `2130706433`, `017700000001`, `0x7f.1`, `127.1` and `127.0.0.1.` are all `127.0.0.1`, and
 * `1.1.1.01` is `1.1.1.1` (octal, as the resolver reads it). IPv6 in every RFC 4291 form,
 * with a dotted IPv4 tail, a zone (`fe80::1%eth0`) and optional brackets (`[::1]`).
 *
 * Unlike `net.isIP`, which accepts only strict dotted decimal, this reads what a connection
 * would actually reach; use a validator when you want to refuse unusual notations.
 * @throws {TypeError} when `input` is not a string.
 */
export declare function parseIp(input: string): ParsedIpAddress | null;

/**
 * The {@link IpCategory} of an IP address in any notation {@link parseIp} accepts.
 * @throws {BulwarkError} `IP_INVALID` when `input` is not an IP address.
 */
export declare function classifyIp(input: string): IpCategory;

/** Options of {@link checkUrl}. */
export interface CheckUrlOptions {
  /**
   * Schemes allowed (`'https'` or `'https:'`, case-insensitive). Default `['http', 'https']`.
   * At most 10,000 entries, without holes (`INVALID_OPTIONS`).
   */
  allowedSchemes?: string[];
  /**
   * Only these hosts: exact names or IP literals (`'api.example.com'`, `'[::1]'`), or
   * `'*.example.com'` for any subdomain (not the apex). Compared after WHATWG host parsing
   * (lowercase, punycode) and ignoring one trailing dot. Entries with ports, paths or
   * credentials are `INVALID_OPTIONS`. The allowlist only narrows: an allowed host that is
   * a literal address outside `allowedCategories` is still `SSRF_BLOCKED`. At most 10,000
   * entries, without holes (`INVALID_OPTIONS`).
   */
  allowedHosts?: string[];
  /** Accept `user:password@` in URLs. Default `false` (`URL_CREDENTIALS`). */
  allowCredentials?: boolean;
  /**
   * Categories a literal IP host (or `localhost` / `*.localhost`) may have. Default
   * `['public']`; add `'loopback'` for local development.
   */
  allowedCategories?: IpCategory[];
}

/** An accepted URL. */
export interface UrlCheckResult {
  /** The serialized URL, equal to `new URL(url).href`. Request this, not the input. */
  href: string;
  /** As `URL.protocol`, e.g. `'https:'`. */
  protocol: string;
  /** As `URL.hostname` (IPv6 in brackets; `0x7f.1` already normalized to dotted decimal). */
  hostname: string;
  /** The explicit port, else the scheme's default (80, 443, ...); `null` if it has none. */
  port: number | null;
  /** The canonical address when the host is an IP literal, else `null`. */
  address: string | null;
  /** The host's category when it is an IP literal or `localhost`, else `null`. */
  category: IpCategory | null;
}

/**
 * Parses `url` with WHATWG URL rules (the same as Node's `URL`) and checks it, in order:
 * `URL_INVALID` (does not parse, or has no host), `URL_SCHEME`, `URL_CREDENTIALS`,
 * `URL_HOST_NOT_ALLOWED`, `SSRF_BLOCKED` (the host is an IP literal in any notation, or
 * `localhost`/`*.localhost`, outside `allowedCategories`). Opaque hosts of non-special
 * schemes (`redis://0x7f.1/`) are classified as the OS resolver would read them.
 *
 * Host names are not resolved here, and their addresses may change: also pass
 * {@link safeLookup} to your HTTP agent, and check every redirect target again.
 * @throws {BulwarkError} the codes above, `INVALID_UNICODE` (lone surrogates), `INVALID_OPTIONS`.
 * @throws {TypeError} when `url` is not a string.
 */
export declare function checkUrl(url: string, options?: CheckUrlOptions): UrlCheckResult;

/** One resolved address, as `dns.lookup` gives it with `all: true`. */
export interface LookupAddress {
  address: string;
  family: number;
}

/** The options `net.connect` passes to a lookup function (a subset of `dns.LookupOptions`). */
export interface LookupOptions {
  family?: number | 'IPv4' | 'IPv6';
  hints?: number;
  all?: boolean;
  verbatim?: boolean;
  order?: 'ipv4first' | 'ipv6first' | 'verbatim';
}

/** The callback of a `dns.lookup`-compatible function. */
export type LookupCallback = (
  err: (Error & { code?: string }) | null,
  address?: string | LookupAddress[],
  family?: number,
) => void;

/** A `dns.lookup`-compatible function, as `http.Agent`, `net.connect` and undici call it. */
export interface SafeLookup {
  (hostname: string, options: LookupOptions | number, callback: LookupCallback): void;
  (hostname: string, callback: LookupCallback): void;
}

/** Options of {@link createSafeLookup}. */
export interface SafeLookupOptions {
  /** Categories a resolved address may have. Default `['public']`. */
  allowedCategories?: IpCategory[];
  /** The resolver to wrap. Default `dns.lookup`. */
  lookup?: (
    hostname: string,
    options: LookupOptions & { all: true },
    callback: (err: (Error & { code?: string }) | null, addresses: LookupAddress[]) => void,
  ) => void;
}

/**
 * A `dns.lookup`-compatible function for `new http.Agent({ lookup })`, `https.Agent` and
 * undici's `new Agent({ connect: { lookup } })`. It resolves every address of the host
 * (`all: true`), classifies them in one call, and fails the lookup (so the connection) with
 * a `BulwarkError` whose `code` is `SSRF_BLOCKED` (and `hostname`, `address` properties)
 * when any of them is outside `allowedCategories`. Because it runs at connect time, it
 * defeats DNS rebinding. Supports `{ all: true }`, a numeric family, and no options.
 * The resolver receives a null-prototype copy of the options. An answer of more than 1,000
 * addresses fails the lookup with `INPUT_TOO_LARGE` before any is read; an answer with a
 * hole or an entry without an own string `address` is `SSRF_BLOCKED` (unreadable).
 *
 * Node does not call `lookup` for hosts that are already IP literals: check URLs with
 * {@link checkUrl} first.
 */
export declare function createSafeLookup(options?: SafeLookupOptions): SafeLookup;

/** {@link createSafeLookup} with the defaults: only public addresses. */
export declare const safeLookup: SafeLookup;
