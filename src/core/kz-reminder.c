/* kz-reminder.c
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

#define G_LOG_DOMAIN "kz-reminder"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "kz-reminder.h"

#define STATE_GROUP "announced"
#define PASSED_DEADLINE_DAYS 14

struct _KzReminderScheduler
{
  GObject      parent_instance;

  char        *state_path;
  GKeyFile    *state;
  gboolean     loaded;
  KzClockFunc  clock;
  gpointer     clock_data;
  guint        lead_days[KZ_REMINDER_N_SOURCES];
};

G_DEFINE_FINAL_TYPE (KzReminderScheduler, kz_reminder_scheduler, G_TYPE_OBJECT)

typedef struct
{
  const char *key;
  const char *label;
  KzKind      kind;
  const char *date_field;
  const char *context_field;   /* reference shown as context */
  KzKind      context_kind;
  guint       default_days;
} SourceInfo;

static const SourceInfo sources[KZ_REMINDER_N_SOURCES] = {
  { "reminder-days-deadline", N_("Call deadline"), KZ_KIND_DEADLINE, "date",
    "programme_id", KZ_KIND_PROGRAMME, 14 },
  { "reminder-days-milestone", N_("Milestone"), KZ_KIND_MILESTONE, "due_date",
    "project_id", KZ_KIND_PROJECT, 7 },
  { "reminder-days-registration", N_("Registration deadline"), KZ_KIND_TRAINING, "registration_deadline",
    NULL, KZ_N_KINDS, 7 },
  { "reminder-days-task", N_("Follow-up task"), KZ_KIND_TASK, "due_date",
    "visit_id", KZ_KIND_VISIT, 3 },  /* context: the organisation visited */
};

const char *
kz_reminder_source_get_key (KzReminderSource source)
{
  g_return_val_if_fail (source < KZ_REMINDER_N_SOURCES, NULL);

  return sources[source].key;
}

const char *
kz_reminder_source_get_label (KzReminderSource source)
{
  g_return_val_if_fail (source < KZ_REMINDER_N_SOURCES, NULL);

  return g_dgettext (GETTEXT_PACKAGE, sources[source].label);
}

void
kz_reminder_item_free (KzReminderItem *item)
{
  if (item == NULL)
    return;
  g_free (item->uuid);
  g_free (item->title);
  g_free (item->context);
  g_free (item->due);
  g_free (item);
}

/* Collecting */

static gboolean
is_open (KzReminderSource  source,
         KzRecord         *record)
{
  const char *status;

  switch (source)
    {
    case KZ_REMINDER_MILESTONE:
    case KZ_REMINDER_TASK:
      return !kz_record_get_bool (record, "done");
    case KZ_REMINDER_REGISTRATION:
      status = kz_record_get_string (record, "status");
      return g_strcmp0 (status, "planned") == 0 || g_strcmp0 (status, "open") == 0;
    case KZ_REMINDER_DEADLINE:
    case KZ_REMINDER_N_SOURCES:
    default:
      return TRUE;
    }
}

/* Tasks are shown with the organisation visited: visit uuid → its name. */
static GHashTable *
visit_organisations (KzStore  *store,
                     GError  **error)
{
  g_autoptr(GListModel) visits = kz_store_list (store, KZ_KIND_VISIT, error);
  g_autoptr(GHashTable) names = NULL;
  GHashTable *result;

  if (visits == NULL || !(names = kz_store_get_titles (store, KZ_KIND_ORGANISATION, error)))
    return NULL;

  result = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < g_list_model_get_n_items (visits); i++)
    {
      g_autoptr(KzRecord) visit = g_list_model_get_item (visits, i);
      const char *name = g_hash_table_lookup (names, kz_record_get_string (visit, "organisation_id") ?: "");

      if (name != NULL)
        g_hash_table_insert (result, g_strdup (kz_record_get_uuid (visit)), g_strdup (name));
    }
  return result;
}

/* Milestones of projects that are completed or cancelled are not
 * reminded: nobody will reach them any more.  Project uuid -> status. */
static gboolean
project_closed (GHashTable *statuses,
                KzRecord   *milestone)
{
  const char *status = g_hash_table_lookup (statuses, kz_record_get_string (milestone, "project_id") ?: "");

  return g_strcmp0 (status, "completed") == 0 || g_strcmp0 (status, "cancelled") == 0;
}

static gboolean
collect_source (KzStore           *store,
                KzReminderSource   source,
                GPtrArray         *items,
                GError           **error)
{
  const SourceInfo *info = &sources[source];
  g_autoptr(GListModel) model = kz_store_list (store, info->kind, error);
  g_autoptr(GHashTable) contexts = NULL;
  g_autoptr(GHashTable) statuses = NULL;

  if (model == NULL)
    return FALSE;
  if (source == KZ_REMINDER_MILESTONE &&
      !(statuses = kz_store_get_choices (store, KZ_KIND_PROJECT, "status", error)))
    return FALSE;
  if (source == KZ_REMINDER_TASK)
    contexts = visit_organisations (store, error);
  else if (info->context_field != NULL)
    contexts = kz_store_get_titles (store, info->context_kind, error);
  if (info->context_field != NULL && contexts == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(KzRecord) record = g_list_model_get_item (model, i);
      const char *due = kz_record_get_string (record, info->date_field);
      KzReminderItem *item;

      if (due == NULL || !is_open (source, record))
        continue;
      if (statuses != NULL && project_closed (statuses, record))
        continue;

      item = g_new0 (KzReminderItem, 1);
      item->source = source;
      item->kind = info->kind;
      item->uuid = g_strdup (kz_record_get_uuid (record));
      item->title = g_strdup (kz_record_get_title (record));
      item->due = g_strdup (due);
      if (contexts != NULL)
        item->context = g_strdup (g_hash_table_lookup (contexts,
                                                       kz_record_get_string (record, info->context_field)
                                                         ?: ""));
      g_ptr_array_add (items, item);
    }
  return TRUE;
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const KzReminderItem *ia = *(KzReminderItem **)a;
  const KzReminderItem *ib = *(KzReminderItem **)b;
  int cmp = strcmp (ia->due, ib->due);

  if (cmp != 0)
    return cmp;
  if (ia->source != ib->source)
    return (int)ia->source - (int)ib->source;
  return g_strcmp0 (ia->title, ib->title);
}

GPtrArray *
kz_reminder_collect (KzStore  *store,
                     GError  **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify)kz_reminder_item_free);

  g_return_val_if_fail (KZ_IS_STORE (store), NULL);

  for (guint s = 0; s < KZ_REMINDER_N_SOURCES; s++)
    if (!collect_source (store, s, items, error))
      return NULL;

  g_ptr_array_sort (items, compare_items);
  return g_steal_pointer (&items);
}

static void
collect_worker (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *items = kz_reminder_collect (source_object, &error);

  if (items == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, items, (GDestroyNotify)g_ptr_array_unref);
}

void
kz_reminder_collect_async (KzStore             *store,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (KZ_IS_STORE (store));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, kz_reminder_collect_async);
  g_task_run_in_thread (task, collect_worker);
}

GPtrArray *
kz_reminder_collect_finish (KzStore       *store,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

int
kz_reminder_item_days_left (const KzReminderItem *item,
                            GDate                *today)
{
  GDate due;

  g_return_val_if_fail (item != NULL, 0);
  g_return_val_if_fail (today != NULL && g_date_valid (today), 0);

  g_date_clear (&due, 1);
  g_date_set_parse (&due, item->due);
  if (!g_date_valid (&due))
    return G_MAXINT;
  return g_date_days_between (today, &due);
}

GPtrArray *
kz_reminder_filter_due (GPtrArray *items,
                        GDate     *today,
                        guint      days)
{
  GPtrArray *due = g_ptr_array_new ();

  g_return_val_if_fail (items != NULL, due);

  for (guint i = 0; i < items->len; i++)
    {
      KzReminderItem *item = g_ptr_array_index (items, i);

      int left = kz_reminder_item_days_left (item, today);

      /* A call deadline passed two weeks ago can no longer be met: it
       * leaves the list instead of staying overdue for ever. */
      if (item->source == KZ_REMINDER_DEADLINE && left < -PASSED_DEADLINE_DAYS)
        continue;
      if (left <= (int)days)
        g_ptr_array_add (due, item);
    }
  g_ptr_array_sort (due, compare_items);
  return due;
}

/* Scheduling */

static GDateTime *
local_clock (gpointer user_data)
{
  return g_date_time_new_now_local ();
}

static void
kz_reminder_scheduler_finalize (GObject *object)
{
  KzReminderScheduler *self = (KzReminderScheduler *)object;

  g_free (self->state_path);
  g_key_file_unref (self->state);

  G_OBJECT_CLASS (kz_reminder_scheduler_parent_class)->finalize (object);
}

static void
kz_reminder_scheduler_class_init (KzReminderSchedulerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kz_reminder_scheduler_finalize;
}

static void
kz_reminder_scheduler_init (KzReminderScheduler *self)
{
  self->state = g_key_file_new ();
  self->clock = local_clock;
  for (guint s = 0; s < KZ_REMINDER_N_SOURCES; s++)
    self->lead_days[s] = sources[s].default_days;
}

KzReminderScheduler *
kz_reminder_scheduler_new (const char *state_path)
{
  KzReminderScheduler *self = g_object_new (KZ_TYPE_REMINDER_SCHEDULER, NULL);

  self->state_path = g_strdup (state_path);
  return self;
}

void
kz_reminder_scheduler_set_clock (KzReminderScheduler *self,
                                 KzClockFunc          clock,
                                 gpointer             user_data)
{
  g_return_if_fail (KZ_IS_REMINDER_SCHEDULER (self));

  self->clock = clock ? clock : local_clock;
  self->clock_data = clock ? user_data : NULL;
}

void
kz_reminder_scheduler_set_lead_days (KzReminderScheduler *self,
                                     KzReminderSource     source,
                                     guint                days)
{
  g_return_if_fail (KZ_IS_REMINDER_SCHEDULER (self));
  g_return_if_fail (source < KZ_REMINDER_N_SOURCES);

  self->lead_days[source] = days;
}

guint
kz_reminder_scheduler_get_lead_days (KzReminderScheduler *self,
                                     KzReminderSource     source)
{
  g_return_val_if_fail (KZ_IS_REMINDER_SCHEDULER (self), 0);
  g_return_val_if_fail (source < KZ_REMINDER_N_SOURCES, 0);

  return self->lead_days[source];
}

void
kz_reminder_scheduler_get_today (KzReminderScheduler *self,
                                 GDate               *today)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (KZ_IS_REMINDER_SCHEDULER (self));
  g_return_if_fail (today != NULL);

  now = self->clock (self->clock_data);
  g_date_clear (today, 1);
  g_date_set_dmy (today, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
}

static void
load_state (KzReminderScheduler *self)
{
  g_autoptr(GError) error = NULL;

  if (self->loaded || self->state_path == NULL)
    return;
  self->loaded = TRUE;
  if (!g_key_file_load_from_file (self->state, self->state_path, G_KEY_FILE_NONE, &error) &&
      !g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT) &&
      !g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR))
    g_warning ("Starting reminders afresh, %s cannot be read: %s", self->state_path, error->message);
}

static gboolean
save_state (KzReminderScheduler  *self,
            GError              **error)
{
  g_autofree char *dir = NULL;

  if (self->state_path == NULL)
    return TRUE;
  dir = g_path_get_dirname (self->state_path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("The reminders cannot be saved in “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }
  return g_key_file_save_to_file (self->state, self->state_path, error);
}

static gboolean
was_announced (KzReminderScheduler *self,
               const KzReminderItem *item,
               KzReminderStage       stage)
{
  g_autofree char *key = g_strdup_printf ("%s-%s", item->uuid,
                                          stage == KZ_REMINDER_STAGE_SOON ? "soon" : "overdue");
  g_autofree char *due = g_key_file_get_string (self->state, STATE_GROUP, key, NULL);

  return g_strcmp0 (due, item->due) == 0;
}

static void
mark_announced (KzReminderScheduler  *self,
                const KzReminderItem *item,
                KzReminderStage       stage)
{
  g_autofree char *key = g_strdup_printf ("%s-%s", item->uuid,
                                          stage == KZ_REMINDER_STAGE_SOON ? "soon" : "overdue");

  g_key_file_set_string (self->state, STATE_GROUP, key, item->due);
}

/* Forgets items that are gone or done, so the state stays small. */
static gboolean
prune_state (KzReminderScheduler *self,
             GPtrArray           *items)
{
  g_autoptr(GHashTable) live = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) keys = g_key_file_get_keys (self->state, STATE_GROUP, NULL, NULL);
  gboolean changed = FALSE;

  for (guint i = 0; i < items->len; i++)
    g_hash_table_add (live, ((KzReminderItem *)g_ptr_array_index (items, i))->uuid);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      g_autofree char *uuid = g_strdup (keys[i]);
      char *dash = strrchr (uuid, '-');

      if (dash != NULL)
        *dash = '\0';
      if (!g_hash_table_contains (live, uuid))
        {
          g_key_file_remove_key (self->state, STATE_GROUP, keys[i], NULL);
          changed = TRUE;
        }
    }
  return changed;
}

GArray *
kz_reminder_scheduler_poll (KzReminderScheduler  *self,
                            GPtrArray            *items,
                            GError              **error)
{
  g_autoptr(GArray) notices = g_array_new (FALSE, FALSE, sizeof (KzReminderNotice));
  gboolean changed;
  GDate today;

  g_return_val_if_fail (KZ_IS_REMINDER_SCHEDULER (self), NULL);
  g_return_val_if_fail (items != NULL, NULL);

  load_state (self);
  kz_reminder_scheduler_get_today (self, &today);
  changed = prune_state (self, items);

  for (guint i = 0; i < items->len; i++)
    {
      KzReminderItem *item = g_ptr_array_index (items, i);
      int left = kz_reminder_item_days_left (item, &today);
      KzReminderNotice notice = { item, KZ_REMINDER_STAGE_OVERDUE };

      if (left == G_MAXINT || left > (int)self->lead_days[item->source])
        continue;
      if (left >= 0)
        notice.stage = KZ_REMINDER_STAGE_SOON;
      /* Once overdue, an earlier "soon" does not count: the overdue
       * notice comes once as well. */
      if (was_announced (self, item, notice.stage))
        continue;

      mark_announced (self, item, notice.stage);
      g_array_append_val (notices, notice);
      changed = TRUE;
    }

  if (changed && !save_state (self, error))
    return NULL;
  return g_steal_pointer (&notices);
}
