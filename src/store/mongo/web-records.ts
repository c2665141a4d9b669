// The MongoDB store's web records (src/store/web-port.ts), mirroring sqlite/web-records.ts: web citizens, their
// conversation as the tracking page shows it, staff sign-in links and sessions (tokens and ids stored as hashes).
import mongoose, { type Connection, type Model, type Types } from 'mongoose';
import type { StaffLoginLink, StaffSession, WebCitizen, WebContactKind, WebMessage, WebStore } from '../web-port.js';
import { choiceSchema, OUTBOUND_KINDS } from './record-schemas.js';
import {
  collectionOptions,
  allowEmpty,
  count,
  fieldsOf,
  flag,
  id,
  oneOf,
  optionalId,
  optionalList,
  record,
  text,
  time,
  valuesOf,
} from './schema-kit.js';
import { nextSeq, toJson } from './records.js';
import { isDuplicateKey } from './write-errors.js';

const { Schema } = mongoose;
const options = collectionOptions;

interface WebCitizenDoc extends WebCitizen {
  _id: Types.ObjectId;
}
interface WebMessageDoc {
  _id: Types.ObjectId;
  citizenKey: string;
  messageId?: string;
  seq: number;
  doc: WebMessage;
}
interface LoginLinkDoc extends StaffLoginLink {
  _id: Types.ObjectId;
}
interface SessionDoc extends StaffSession {
  _id: Types.ObjectId;
}

export interface WebModels {
  citizens: Model<WebCitizenDoc>;
  messages: Model<WebMessageDoc>;
  links: Model<LoginLinkDoc>;
  sessions: Model<SessionDoc>;
}

const WEB_CONTACT_KINDS = valuesOf<WebContactKind>()(['whatsapp', 'telegram', 'email']);
const contactSchema = record(
  fieldsOf<NonNullable<WebCitizen['contact']>>()({ kind: oneOf(WEB_CONTACT_KINDS), value: id(320) }),
);
const webMessageSchema = record(
  fieldsOf<WebMessage>()({
    citizenKey: id(),
    id: optionalId(1000),
    at: time(),
    from: oneOf(valuesOf<WebMessage['from']>()(['citizen', 'service'])),
    text: text(true),
    ticket: optionalId(),
    choices: optionalList(choiceSchema),
    attachments: optionalList(record({ kind: id(50), name: text() }, { strict: false })),
    kind: oneOf(OUTBOUND_KINDS, false),
  }),
  { strict: false },
);
allowEmpty(webMessageSchema, 'text');

const citizens = new Schema<WebCitizenDoc>(
  {
    key: id(),
    tokenHash: id(),
    contact: { type: contactSchema },
    anonymous: flag(),
    createdAt: time(),
  },
  options('webcitizens'),
);
const messages = new Schema<WebMessageDoc>(
  {
    citizenKey: id(),
    messageId: optionalId(1000),
    seq: count(),
    doc: { type: webMessageSchema, required: true },
  },
  options('webmessages'),
);
const links = new Schema<LoginLinkDoc>(
  { tokenHash: id(), staffId: id(), name: text(true), expiresAt: time() },
  options('staffloginlinks'),
);
allowEmpty(links, 'name');
const sessions = new Schema<SessionDoc>(
  { idHash: id(), staffId: id(), name: text(true), csrf: id(), createdAt: time(), expiresAt: time() },
  options('staffsessions'),
);
allowEmpty(sessions, 'name');

/** Compiles the web models on `conn` (their collections and indexes are made by the migrations, migrations.ts). */
export function defineWebModels(conn: Connection): WebModels {
  return {
    citizens: conn.model<WebCitizenDoc>('WebCitizen', citizens),
    messages: conn.model<WebMessageDoc>('WebMessage', messages),
    links: conn.model<LoginLinkDoc>('StaffLoginLink', links),
    sessions: conn.model<SessionDoc>('StaffSession', sessions),
  };
}

export class MongoWebRecords implements WebStore {
  constructor(private readonly m: WebModels) {}

  async saveWebCitizen(c: WebCitizen): Promise<void> {
    await this.m.citizens.create(toJson(c));
  }

  async getWebCitizen(key: string): Promise<WebCitizen | null> {
    return citizen(await this.m.citizens.findOne({ key }).lean());
  }

  async webCitizenByToken(tokenHash: string): Promise<WebCitizen | null> {
    return citizen(await this.m.citizens.findOne({ tokenHash: String(tokenHash) }).lean());
  }

  async setWebToken(key: string, tokenHash: string): Promise<void> {
    await this.m.citizens.updateOne({ key }, { $set: { tokenHash } });
  }

  async addWebMessage(message: WebMessage): Promise<boolean> {
    try {
      await this.m.messages.create({
        citizenKey: message.citizenKey,
        ...(message.id ? { messageId: message.id } : {}),
        seq: nextSeq(),
        doc: toJson(message),
      });
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }

  async listWebMessages(citizenKey: string, limit: number): Promise<WebMessage[]> {
    if (!(limit >= 1)) return [];
    const rows = await this.m.messages.find({ citizenKey }).sort({ seq: -1, _id: -1 }).limit(limit).lean();
    return rows.reverse().map((r) => r.doc);
  }

  async saveLoginLink(link: StaffLoginLink): Promise<void> {
    await this.m.links.create(toJson(link));
  }

  async useLoginLink(tokenHash: string, now: number): Promise<StaffLoginLink | null> {
    // One atomic find-and-delete: two requests with the same link can never both sign in.
    const r = await this.m.links.findOneAndDelete({ tokenHash: String(tokenHash) }).lean();
    if (!r || r.expiresAt <= now) return null;
    return { tokenHash: r.tokenHash, staffId: r.staffId, name: r.name, expiresAt: r.expiresAt };
  }

  async saveSession(s: StaffSession): Promise<void> {
    await this.m.sessions.create(toJson(s));
  }

  async getSession(idHash: string, now: number): Promise<StaffSession | null> {
    const r = await this.m.sessions.findOne({ idHash: String(idHash) }).lean();
    if (!r || r.expiresAt <= now) return null;
    return {
      idHash: r.idHash,
      staffId: r.staffId,
      name: r.name,
      csrf: r.csrf,
      createdAt: r.createdAt,
      expiresAt: r.expiresAt,
    };
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.m.sessions.deleteOne({ idHash: String(idHash) });
  }

  async purgeExpiredWeb(now: number): Promise<number> {
    const expired = { expiresAt: mongoose.trusted({ $lte: now }) };
    const [a, b] = await Promise.all([this.m.links.deleteMany(expired), this.m.sessions.deleteMany(expired)]);
    return a.deletedCount + b.deletedCount;
  }
}

function citizen(r: WebCitizenDoc | null): WebCitizen | null {
  if (!r) return null;
  return {
    key: r.key,
    tokenHash: r.tokenHash,
    ...(r.contact ? { contact: { kind: r.contact.kind, value: r.contact.value } } : {}),
    anonymous: r.anonymous === true,
    createdAt: r.createdAt,
  };
}
