/**
 * The Jupyter messaging protocol's wire format (version 5.3): a message as the frames a ZeroMQ
 * socket sends, signed with HMAC-SHA256 over its header, parent header, metadata and content, and
 * back. See "The Wire Protocol" in Jupyter's messaging documentation.
 *
 * @module
 */
import { createHmac, randomUUID } from "node:crypto";

/** The protocol version the runner speaks. */
export const PROTOCOL_VERSION = "5.3";
/** The frame that separates routing identities from a message. */
const DELIMITER = "<IDS|MSG>";

/** A message header. */
export interface Header {
  /** The message's id. */
  msg_id: string;
  /** The sending session. */
  session: string;
  /** The sender's user name. */
  username: string;
  /** When it was sent (ISO 8601). */
  date: string;
  /** Its kind (`execute_request`, `stream`…). */
  msg_type: string;
  /** The protocol version. */
  version: string;
}

/** A message, decoded. */
export interface Message {
  /** Its header. */
  header: Header;
  /** The header of the request it answers or belongs to (`{}` when none). */
  parent_header: Partial<Header>;
  /** Its metadata. */
  metadata: Record<string, unknown>;
  /** Its content (depends on the kind). */
  // deno-lint-ignore no-explicit-any
  content: any;
  /** Extra binary frames. */
  buffers: Uint8Array[];
}

/**
 * A new header for a message of `msgType` from `session`.
 *
 * @param msgType the kind of message
 * @param session the sender's session id
 * @returns the header, with a fresh message id
 * @example
 * ```ts
 * import { newHeader } from "./wire.ts";
 * const h = newHeader("kernel_info_request", "s");
 * if (h.version !== "5.3" || h.msg_type !== "kernel_info_request") throw new Error("header");
 * ```
 */
export function newHeader(msgType: string, session: string): Header {
  return {
    msg_id: randomUUID(),
    session,
    username: "reproduce",
    date: new Date().toISOString(),
    msg_type: msgType,
    version: PROTOCOL_VERSION,
  };
}

/** The hex HMAC-SHA256 of the four parts with `key` (`""` when there is no key). */
function sign(key: string, parts: (string | Uint8Array)[]): string {
  if (!key) return "";
  const h = createHmac("sha256", key);
  for (const p of parts) h.update(p);
  return h.digest("hex");
}

/**
 * The frames of a message, signed with `key`.
 *
 * @param message header, parent header, metadata and content
 * @param key the connection's signing key
 * @returns the frames, from the delimiter on
 * @example
 * ```ts
 * import { decode, encode, newHeader } from "./wire.ts";
 * const m = { header: newHeader("x", "s"), parent_header: {}, metadata: {}, content: { a: 1 } };
 * if (decode(encode(m, "k"), "k").content.a !== 1) throw new Error("round trip");
 * ```
 */
export function encode(
  message: Pick<Message, "header" | "parent_header" | "metadata" | "content">,
  key: string,
): string[] {
  const parts = [message.header, message.parent_header, message.metadata, message.content].map(
    (p) => JSON.stringify(p),
  );
  return [DELIMITER, sign(key, parts), ...parts];
}

/** A message whose signature does not match, or frames that are not a message. */
export class WireError extends Error {
  /** Builds the error. */
  constructor(message: string) {
    super(message);
    this.name = "WireError";
  }
}

const text = new TextDecoder();

/**
 * A message from its frames (routing identities and, on IOPub, a topic before the delimiter),
 * its signature checked.
 *
 * @param frames the frames as received
 * @param key the connection's signing key
 * @param parse how to parse JSON text (default `JSON.parse`)
 * @returns the message
 * @throws {WireError} when the delimiter is missing or the signature is wrong
 * @example
 * ```ts
 * import { decode, encode, newHeader } from "./wire.ts";
 * const frames = encode({ header: newHeader("x", "s"), parent_header: {}, metadata: {}, content: {} }, "k");
 * let refused = false;
 * try { decode(frames, "other key"); } catch { refused = true; }
 * if (!refused) throw new Error("a wrong signature must be refused");
 * ```
 */
export function decode(
  frames: (Uint8Array | string)[],
  key: string,
  parse: (text: string) => unknown = JSON.parse,
): Message {
  const bytes = frames.map((f) => typeof f === "string" ? new TextEncoder().encode(f) : f);
  const at = bytes.findIndex((f) => f.length === DELIMITER.length && text.decode(f) === DELIMITER);
  if (at < 0 || bytes.length < at + 6) throw new WireError("not a Jupyter message");
  const parts = bytes.slice(at + 2, at + 6);
  const signature = text.decode(bytes[at + 1]);
  if (key && signature !== sign(key, parts)) throw new WireError("bad message signature");
  const [header, parent_header, metadata, content] = parts.map((p) => parse(text.decode(p))) as [
    Header,
    Partial<Header>,
    Record<string, unknown>,
    unknown,
  ];
  return { header, parent_header, metadata, content, buffers: bytes.slice(at + 6) };
}
