import { NoInput, read, subject, write } from '../use-cases/define';
import { countUnread, listNotifications, ListNotificationsSchema } from './list-notifications';
import { markRead, MarkReadSchema } from './mark-read';

// Every signed-in user has their own inbox; each use case only ever touches the actor's own rows.
export const notificationsUseCases = {
  list: read({
    name: 'notifications.list',
    permission: 'own',
    subject: subject.own,
    input: ListNotificationsSchema,
    run: async (c) => await listNotifications(c.db, c.actor, c.input),
  }),
  unreadCount: read({
    name: 'notifications.unreadCount',
    permission: 'own',
    subject: subject.own,
    input: NoInput,
    run: async (c) => await countUnread(c.db, c.actor),
  }),
  markRead: write({
    name: 'notifications.markRead',
    permission: 'own',
    subject: subject.own,
    input: MarkReadSchema,
    run: async (c) => await markRead(c.db, c.actor, c.input),
  }),
};
