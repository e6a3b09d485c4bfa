import { Notice } from './notice.entity';
import { NoticeEndpoint } from './notice-endpoint.entity';
import { NoticeResolver } from './notice.resolver';

/** Notices to processors that new data is available (signed, retried, no data): the app wires this module through these exports only. */
export const noticeResolvers = [NoticeResolver] as const;

export const noticeEntities = [NoticeEndpoint, Notice] as const;

export { enqueueNotices, SEND_NOTICE, type RecordsChanged } from './notice-queue';
export { noticeTask, sendNotice, noticeSignature } from './notice-sender';
export { checkNoticeUrl } from './notice-url';
