/**
 * A Jupyter client over ZeroMQ (the npm package `zeromq`): the shell, control and IOPub channels
 * of one kernel, messages signed and checked (see `wire.ts`), each channel's messages queued in
 * arrival order.
 *
 * zeromq's sockets do not wake Deno's event loop when a message arrives (they rely on libuv's
 * poll handles), so the client looks at its sockets itself: at once while messages come, then
 * every millisecond. A send that the socket cannot take is retried until a deadline instead of
 * waiting for ever (a client connected to a port that is not its kernel's has nobody to send to).
 *
 * @module
 */
import * as zmq from "zeromq";
import { decode, encode, type Message, newHeader } from "./wire.ts";

/** A kernel's connection file. */
export interface ConnectionInfo {
  /** The channels' ports. */
  shell_port: number;
  /** IOPub's port. */
  iopub_port: number;
  /** stdin's port. */
  stdin_port: number;
  /** control's port. */
  control_port: number;
  /** heartbeat's port. */
  hb_port: number;
  /** The address the kernel binds. */
  ip: string;
  /** The signing key. */
  key: string;
  /** `tcp`. */
  transport: string;
  /** `hmac-sha256`. */
  signature_scheme: string;
  /** The kernel's name. */
  kernel_name: string;
}

/** A channel the client reads. */
export type Channel = "shell" | "control" | "iopub";

/** A request could not be sent within the time allowed (nothing takes it). */
export class SendTimeoutError extends Error {
  /** Builds the error. */
  constructor(ms: number) {
    super(`the kernel stopped taking requests (none sent within ${ms} ms)`);
    this.name = "SendTimeoutError";
  }
}

/** The client was closed while a caller waited for a message. */
export class ClosedError extends Error {
  /** Builds the error. */
  constructor() {
    super("the client was closed");
    this.name = "ClosedError";
  }
}

/**
 * Sockets of closed clients, disconnected but not closed, and kept from the garbage collector:
 * closing a socket that has received (or letting the collector close it) makes Deno 2.9.5 panic
 * ("Invoke in DisallowJavascriptExecutionScope"). They are a few per notebook and go with the
 * process.
 */
const RETIRED: unknown[] = [];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A queue of messages with waiters. */
class Queue {
  items: Message[] = [];
  waiters: ((m: Message | null) => void)[] = [];
  push(m: Message) {
    const w = this.waiters.shift();
    if (w) w(m);
    else this.items.push(m);
  }
  take(): Promise<Message | null> {
    const m = this.items.shift();
    if (m) return Promise.resolve(m);
    return new Promise((r) => this.waiters.push(r));
  }
  close() {
    for (const w of this.waiters.splice(0)) w(null);
  }
}

/**
 * The client of one kernel.
 *
 * @example
 * ```ts ignore
 * import { KernelClient } from "./client.ts";
 * const client = new KernelClient(JSON.parse(await Deno.readTextFile("kernel.json")));
 * const id = await client.send("shell", "kernel_info_request", {}, 1000);
 * const reply = await client.next("shell");
 * client.close();
 * ```
 */
export class KernelClient {
  /** The client's session id (also its shell socket's routing id). */
  readonly session: string = crypto.randomUUID();
  /** Parses the JSON of incoming messages. */
  parse: (text: string) => unknown = JSON.parse;
  #key: string;
  #sockets: Record<Channel, zmq.Dealer | zmq.Subscriber>;
  #urls: Record<Channel, string>;
  #queues: Record<Channel, Queue> = {
    shell: new Queue(),
    control: new Queue(),
    iopub: new Queue(),
  };
  #closed = false;
  #pump: Promise<void>;
  /** Why the client stopped reading (a bad message), or null. */
  failure: Error | null = null;

  /** Connects to the kernel described by `conn`. */
  constructor(conn: ConnectionInfo) {
    if (conn.signature_scheme && conn.signature_scheme !== "hmac-sha256") {
      throw new Error(`unsupported signature scheme ${conn.signature_scheme}`);
    }
    this.#key = conn.key;
    const url = (port: number) => `${conn.transport}://${conn.ip}:${port}`;
    const opts = { linger: 0, sendTimeout: 0, receiveTimeout: 0 };
    const shell = new zmq.Dealer({ ...opts, routingId: this.session });
    const control = new zmq.Dealer({ ...opts, routingId: `${this.session}-control` });
    // A Subscriber has no sendTimeout: setting one crashes the process (zeromq 6.8.0).
    const iopub = new zmq.Subscriber({ linger: 0, receiveTimeout: 0 });
    iopub.subscribe();
    shell.connect(url(conn.shell_port));
    control.connect(url(conn.control_port));
    iopub.connect(url(conn.iopub_port));
    this.#sockets = { shell, control, iopub };
    this.#urls = {
      shell: url(conn.shell_port),
      control: url(conn.control_port),
      iopub: url(conn.iopub_port),
    };
    this.#pump = this.#read();
  }

  /** Reads every socket while the client is open. */
  async #read(): Promise<void> {
    const channels = Object.keys(this.#sockets) as Channel[];
    while (!this.#closed) {
      let got = false;
      for (const ch of channels) {
        const socket = this.#sockets[ch];
        while (!this.#closed && socket.readable) {
          let frames: Buffer[];
          try {
            frames = await socket.receive();
          } catch {
            break; // taken meanwhile (EAGAIN): look again later
          }
          got = true;
          try {
            this.#queues[ch].push(decode(frames, this.#key, this.parse));
          } catch (e) {
            this.failure ??= e as Error;
          }
        }
      }
      await sleep(got ? 0 : 1);
    }
  }

  /**
   * Sends a request on `channel`.
   *
   * @param channel `shell` or `control`
   * @param msgType the request's kind
   * @param content its content
   * @param timeoutMs how long the socket may refuse it before {@link SendTimeoutError}
   * @returns the request's message id
   */
  async send(
    channel: "shell" | "control",
    msgType: string,
    content: unknown,
    timeoutMs: number,
  ): Promise<string> {
    const header = newHeader(msgType, this.session);
    const frames = encode({ header, parent_header: {}, metadata: {}, content }, this.#key);
    const socket = this.#sockets[channel] as zmq.Dealer;
    const end = performance.now() + timeoutMs;
    while (true) {
      if (this.#closed) throw new ClosedError();
      if (socket.writable) {
        try {
          await socket.send(frames);
          return header.msg_id;
        } catch (e) {
          if ((e as { code?: string }).code !== "EAGAIN") throw e;
        }
      }
      if (performance.now() >= end) throw new SendTimeoutError(timeoutMs);
      await sleep(1);
    }
  }

  /**
   * The next message of `channel`, in arrival order.
   *
   * @returns the message, or `null` once the client is closed
   */
  next(channel: Channel): Promise<Message | null> {
    if (this.#closed) return Promise.resolve(this.#queues[channel].items.shift() ?? null);
    return this.#queues[channel].take();
  }

  /** Messages of `channel` already received and not yet taken. */
  pending(channel: Channel): number {
    return this.#queues[channel].items.length;
  }

  /** Closes the sockets; waiting callers get `null`. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const q of Object.values(this.#queues)) q.close();
    await this.#pump;
    for (const [ch, s] of Object.entries(this.#sockets)) {
      try {
        s.disconnect(this.#urls[ch as Channel]);
      } catch { /* not connected */ }
      RETIRED.push(s);
    }
  }
}
