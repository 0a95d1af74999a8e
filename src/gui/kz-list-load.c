/* kz-list-load.c
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

#define G_LOG_DOMAIN "kz-list-page"

#include "config.h"

#include "kz-list-load.h"
#include "kz-list-query.h"
#include "kz-thread-task.h"

typedef struct
{
  KzStore          *store;
  const KzListSpec *spec;
} LoadData;

static void
load_data_free (gpointer data)
{
  LoadData *load = data;

  g_clear_object (&load->store);
  g_free (load);
}

static void
install_lookups (KzListPage *self,
                 KzLookups  *lookups)
{
  /* Rows shown keep their lookups until the new ones are in place;
   * a sort still running holds its own reference. */
  g_clear_pointer (&self->lookups, kz_lookups_free);
  self->lookups = lookups;

  kz_record_list_invalidate (self->records);
  _kz_list_page_apply_sort (self);
  _kz_list_page_refresh (self, FALSE);
}

/* Titles behind every REF column. */
static gboolean
load_titles (LoadData   *load,
             KzLookups  *lookups,
             GError    **error)
{
  for (guint i = 0; i < load->spec->n_columns; i++)
    {
      const char *name = load->spec->columns[i].field;
      const KzField *field = name ? kz_kind_get_field (load->spec->kind, name) : NULL;

      if (field == NULL || field->type != KZ_FIELD_REF || lookups->titles[field->ref_kind])
        continue;
      if (!(lookups->titles[field->ref_kind] = kz_store_get_titles (load->store, field->ref_kind, error)))
        return FALSE;
    }

  return TRUE;
}

static void
lookups_worker (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  LoadData *load = task_data;
  g_autoptr(KzLookups) lookups = kz_lookups_new ();
  GError *error = NULL;

  if (!load_titles (load, lookups, &error) ||
      (load->spec->prepare != NULL &&
       !load->spec->prepare (load->store, lookups, cancellable, &error)))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&lookups), (GDestroyNotify)kz_lookups_free);
}

static void
lookups_ready_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  KzListPage *self = KZ_LIST_PAGE (object);
  g_autoptr(GError) error = NULL;
  KzLookups *lookups = g_task_propagate_pointer (G_TASK (result), &error);

  self->n_running--;
  g_debug ("Names for %s after %" G_GINT64_FORMAT " ms", kz_kind_get_info (self->kind)->table,
           (g_get_monotonic_time () - self->load_started) / 1000);

  if (lookups == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _kz_list_page_show_error (self, error);
      return;
    }

  install_lookups (self, lookups);
}

static void
ensure_records (KzListPage *self)
{
  KzStore *store = kz_context_get_store (self->context);

  if (self->records != NULL && kz_record_list_get_store (self->records) == store)
    return;

  g_clear_object (&self->records);
  self->records = kz_record_list_new (store, self->kind);
  kz_record_list_set_search_refs (self->records, (const char * const *)self->search_refs);
  g_signal_connect_object (self->records, "items-changed", G_CALLBACK (_kz_list_page_update_subtitle),
                           self, G_CONNECT_SWAPPED);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->records));
  kz_list_filter_set_store (kz_list_filter_bar_get_filter (self->filter_bar), store);
  self->loaded = FALSE;
}

void
_kz_list_page_load (KzListPage *self)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_assert (KZ_IS_LIST_PAGE (self));
  g_assert (self->context != NULL);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->dirty = FALSE;
  self->load_started = g_get_monotonic_time ();
  ensure_records (self);

  if (!self->loaded)
    {
      gtk_spinner_start (self->spinner);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }

  /* The names behind references and the computed columns first: the
   * cells and some sorts need them. */
  data = g_new0 (LoadData, 1);
  data->store = g_object_ref (kz_context_get_store (self->context));
  data->spec = self->spec;
  task = g_task_new (self, self->cancellable, lookups_ready_cb, NULL);
  g_task_set_source_tag (task, _kz_list_page_load);
  g_task_set_task_data (task, data, load_data_free);
  self->n_running++;
  kz_thread_task_run (task, lookups_worker);
}
