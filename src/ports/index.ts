// The ports the core owns, in one place: adapters (bots/, the store adapters, nlp/) implement them and depend on the
// core; the core never imports an adapter (the composition root src/cli/channels.ts is the one place that knows them).
export type { ChannelEntry, RunningChannel } from './channel.js';
export type { ChannelEnv, HttpHandler, HttpRequestInfo, HttpRoutes } from './http.js';
export { DeliveryError, type ChannelSender, type Pacing } from '../services/dispatcher.js';
export type {
  InboxStore,
  LeaseStore,
  OutboxStore,
  RecordStore,
  Store,
  StoreBundle,
  ThreadStore,
} from '../store/port.js';
export type { ReportStore } from '../store/reports.js';
export type { TextUnderstanding } from '../../nlp/types.js';
