/**
 * Uploaded files, served at `{origin}/v1/contents/{contentId}` like Webex's file URLs: the bearer
 * token is required and the caller must be a member of the message's room (a Message's `files`
 * are such URLs in the Webex messaging API).
 */
import { HttpError, TEXT, sendBytes, type Ctx, type Route } from '../http';
import { candidateUuids } from '../store';
import { isWellFormedId } from './common';

function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

function serve(ctx: Ctx, id: string, withBody: boolean): void {
  if (!isWellFormedId(id)) {
    throw new HttpError(400, TEXT.badId);
  }
  const [uuid] = candidateUuids(id, 'CONTENT');
  const content = uuid ? ctx.store.contents.get(uuid) : undefined;
  const room = content ? ctx.store.rooms.get(content.roomUuid) : undefined;
  if (!content || !room || !room.members.has(ctx.me.uuid)) {
    throw new HttpError(404, TEXT.notFound);
  }
  sendBytes(
    ctx,
    {
      'Content-Type': content.contentType,
      'Content-Length': String(content.data.length),
      'Content-Disposition': contentDisposition(content.filename),
    },
    withBody ? content.data : undefined,
  );
}

export const contentRoutes: Route[] = [
  {
    path: /^\/contents\/([^/]+)$/,
    methods: { GET: (ctx, [id]) => serve(ctx, id, true), HEAD: (ctx, [id]) => serve(ctx, id, false) },
  },
];
