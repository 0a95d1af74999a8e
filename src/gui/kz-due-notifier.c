/* kz-due-notifier.c
 *
 * Copyright 2026 The Kompetenz authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * You should have received a copy of the GNU General Public License
 * along with this program.  If not, see <https://www.gnu.org/licenses/>.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kz-due-notifier"

#include "config.h"

#include <glib/gi18n.h>

#include "kz-due-notifier.h"
#include "kz-due-page.h"
#include "kz-format.h"

/* More notices than this at once become one summary. */
#define MAX_SINGLE_NOTICES 3
#define CHECK_INTERVAL_SECONDS (60 * 60)
#define CHANGE_DELAY_SECONDS 5

struct _KzDueNotifier
{
  GObject              parent_instance;

  GApplication        *application;   /* weak */
  KzContext           *context;
  KzReminderScheduler *scheduler;
  GCancellable        *cancellable;
  guint                timer_source;
  guint                change_source;
};

G_DEFINE_FINAL_TYPE (KzDueNotifier, kz_due_notifier, G_TYPE_OBJECT)

static char *
state_path_for (KzContext *context)
{
  const char *db = kz_store_get_path (kz_context_get_store (context));
  g_autofree char *base = NULL;

  if (db == NULL)
    return NULL;
  base = g_str_has_suffix (db, ".db") ? g_strndup (db, strlen (db) - 3) : g_strdup (db);
  return g_strconcat (base, "-reminders.ini", NULL);
}

static void
apply_settings (KzDueNotifier *self)
{
  GSettings *settings = kz_context_get_settings (self->context);

  for (guint s = 0; s < KZ_REMINDER_N_SOURCES; s++)
    kz_reminder_scheduler_set_lead_days (self->scheduler, s,
                                         g_settings_get_uint (settings, kz_reminder_source_get_key (s)));
}

static void
send_single (KzDueNotifier    *self,
             KzReminderNotice *notice,
             GDate            *today)
{
  KzReminderItem *item = notice->item;
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *when = kz_due_describe_days_left (kz_reminder_item_days_left (item, today));
  g_autofree char *date = kz_format_date (item->due);
  g_autofree char *title = g_strdup_printf ("%s: %s", when, item->title ? item->title : "");
  g_autofree char *body = item->context
    ? g_strdup_printf ("%s · %s · %s", kz_reminder_source_get_label (item->source), item->context, date)
    : g_strdup_printf ("%s · %s", kz_reminder_source_get_label (item->source), date);
  g_autofree char *id = g_strconcat ("reminder-", item->uuid, NULL);

  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  if (notice->stage == KZ_REMINDER_STAGE_OVERDUE)
    g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
  g_notification_set_default_action_and_target (notification, "app.show-record", "(is)",
                                                (int)item->kind, item->uuid);
  g_application_send_notification (self->application, id, notification);
}

static void
send_summary (KzDueNotifier *self,
              GArray        *notices)
{
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  guint overdue = 0;

  for (guint i = 0; i < notices->len; i++)
    overdue += g_array_index (notices, KzReminderNotice, i).stage == KZ_REMINDER_STAGE_OVERDUE;

  title = g_strdup_printf (g_dngettext (NULL, "%u reminder", "%u reminders", notices->len), notices->len);
  body = g_strdup_printf (_("%u overdue, %u due soon"), overdue, notices->len - overdue);
  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  if (overdue > 0)
    g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
  g_notification_set_default_action (notification, "app.show-due");
  g_application_send_notification (self->application, "reminders", notification);
}

/* Whether a notification server is running or can be started: without
 * one, nothing is marked as announced, so it is shown once one is there. */
static gboolean
can_notify (KzDueNotifier *self)
{
  static const char * const services[] = {
    "org.gtk.Notifications", "org.freedesktop.Notifications", "org.freedesktop.portal.Desktop",
  };
  GDBusConnection *bus = g_application_get_dbus_connection (self->application);
  g_autoptr(GVariant) activatable = NULL;
  g_autofree const char **names = NULL;

  if (bus == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (services); i++)
    {
      g_autoptr(GVariant) owner = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                                               "org.freedesktop.DBus", "NameHasOwner",
                                                               g_variant_new ("(s)", services[i]),
                                                               G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE,
                                                               1000, NULL, NULL);
      gboolean has_owner = FALSE;

      if (owner != NULL)
        g_variant_get (owner, "(b)", &has_owner);
      if (has_owner)
        return TRUE;
    }

  activatable = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                             "org.freedesktop.DBus", "ListActivatableNames", NULL,
                                             G_VARIANT_TYPE ("(as)"), G_DBUS_CALL_FLAGS_NONE, 1000, NULL, NULL);
  if (activatable == NULL)
    return FALSE;
  g_variant_get (activatable, "(^a&s)", &names);
  for (guint i = 0; i < G_N_ELEMENTS (services); i++)
    if (g_strv_contains (names, services[i]))
      return TRUE;
  return FALSE;
}

static guint
announce (KzDueNotifier *self,
          GPtrArray     *items)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) notices = NULL;
  GDate today;

  apply_settings (self);
  if (!(notices = kz_reminder_scheduler_poll (self->scheduler, items, &error)))
    {
      g_message ("Could not check the reminders: %s", error->message);
      return 0;
    }

  kz_reminder_scheduler_get_today (self->scheduler, &today);
  if (notices->len > MAX_SINGLE_NOTICES)
    {
      send_summary (self, notices);
      return 1;
    }
  for (guint i = 0; i < notices->len; i++)
    send_single (self, &g_array_index (notices, KzReminderNotice, i), &today);
  return notices->len;
}

static gboolean
should_check (KzDueNotifier *self)
{
  if (self->application == NULL ||
      !g_settings_get_boolean (kz_context_get_settings (self->context), "reminders-enabled"))
    return FALSE;
  if (!can_notify (self))
    {
      g_debug ("No notification server; reminders wait until there is one");
      return FALSE;
    }
  return TRUE;
}

guint
kz_due_notifier_check (KzDueNotifier *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (KZ_IS_DUE_NOTIFIER (self), 0);

  if (!should_check (self))
    return 0;
  if (!(items = kz_reminder_collect (kz_context_get_store (self->context), &error)))
    {
      g_message ("Could not check the reminders: %s", error->message);
      return 0;
    }
  return announce (self, items);
}

static void
collected_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(KzDueNotifier) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = kz_reminder_collect_finish (KZ_STORE (object), result, &error);

  if (items == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("Could not check the reminders: %s", error->message);
      return;
    }
  if (self->context != NULL)
    announce (self, items);
}

void
kz_due_notifier_check_async (KzDueNotifier *self)
{
  g_return_if_fail (KZ_IS_DUE_NOTIFIER (self));

  if (!should_check (self))
    return;
  kz_reminder_collect_async (kz_context_get_store (self->context), self->cancellable,
                             collected_cb, g_object_ref (self));
}

static gboolean
timer_cb (gpointer user_data)
{
  kz_due_notifier_check_async (user_data);
  return G_SOURCE_CONTINUE;
}

static gboolean
change_cb (gpointer user_data)
{
  KzDueNotifier *self = user_data;

  self->change_source = 0;
  kz_due_notifier_check_async (self);
  return G_SOURCE_REMOVE;
}

static void
context_changed_cb (KzDueNotifier *self)
{
  if (self->change_source == 0)
    self->change_source = g_timeout_add_seconds (CHANGE_DELAY_SECONDS, change_cb, self);
}

static void
kz_due_notifier_dispose (GObject *object)
{
  KzDueNotifier *self = (KzDueNotifier *)object;

  g_clear_handle_id (&self->timer_source, g_source_remove);
  g_clear_handle_id (&self->change_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_weak_pointer (&self->application);
  g_clear_object (&self->context);
  g_clear_object (&self->scheduler);

  G_OBJECT_CLASS (kz_due_notifier_parent_class)->dispose (object);
}

static void
kz_due_notifier_class_init (KzDueNotifierClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = kz_due_notifier_dispose;
}

static void
kz_due_notifier_init (KzDueNotifier *self)
{
  self->cancellable = g_cancellable_new ();
}

KzDueNotifier *
kz_due_notifier_new (GApplication *application,
                     KzContext    *context)
{
  KzDueNotifier *self;
  g_autofree char *state = NULL;

  g_return_val_if_fail (G_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (KZ_IS_CONTEXT (context), NULL);

  self = g_object_new (KZ_TYPE_DUE_NOTIFIER, NULL);
  g_set_weak_pointer (&self->application, application);
  self->context = g_object_ref (context);
  state = state_path_for (context);
  self->scheduler = kz_reminder_scheduler_new (state);
  self->timer_source = g_timeout_add_seconds (CHECK_INTERVAL_SECONDS, timer_cb, self);
  g_signal_connect_object (context, "changed", G_CALLBACK (context_changed_cb), self, G_CONNECT_SWAPPED);
  return self;
}

KzReminderScheduler *
kz_due_notifier_get_scheduler (KzDueNotifier *self)
{
  g_return_val_if_fail (KZ_IS_DUE_NOTIFIER (self), NULL);

  return self->scheduler;
}
