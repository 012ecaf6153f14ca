import { router } from '../init';
import { authedProcedure } from '../procedures';
import { countUnread, listNotifications, ListNotificationsSchema } from '../../notifications/list-notifications';
import { markRead, MarkReadSchema } from '../../notifications/mark-read';

// Every signed-in user has their own inbox; each use case only ever touches the actor's own rows.
export const notificationsRouter = router({
  list: authedProcedure.input(ListNotificationsSchema).query(({ ctx, input }) => listNotifications(ctx.db, ctx.actor, input)),
  unreadCount: authedProcedure.query(({ ctx }) => countUnread(ctx.db, ctx.actor)),
  markRead: authedProcedure.input(MarkReadSchema).mutation(({ ctx, input }) => markRead(ctx.db, ctx.actor, input)),
});
