/* kz-list-query.c
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

#include "kz-list-query.h"

/* Lists up to this many records run their query at once, in a few
 * milliseconds; longer ones in a worker thread, so that typing in the
 * search or choosing a filter never blocks the window. */
#define SYNC_ROWS 5000

/* The columns' sorters do not sort (the query does); they tell which
 * column the view sorts by, as GTK 4.8 has no API for it: the view's
 * sorter asks its first column first, and turns the answer round when
 * it sorts down. */
static int
probe_compare_cb (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  KzColumnData *data = user_data;

  if (data->page->probed == NULL)
    data->page->probed = data;

  return GTK_ORDERING_SMALLER;
}

GtkSorter *
_kz_list_page_create_probe_sorter (KzColumnData *data)
{
  return GTK_SORTER (gtk_custom_sorter_new (probe_compare_cb, data, NULL));
}

static KzColumnData *
get_sort_column (KzListPage *self,
                 gboolean   *descending)
{
  g_autoptr(KzRecord) a = kz_record_new (self->kind);
  g_autoptr(KzRecord) b = kz_record_new (self->kind);
  GtkOrdering order;

  self->probed = NULL;
  order = gtk_sorter_compare (gtk_column_view_get_sorter (self->column_view), a, b);
  *descending = order == GTK_ORDERING_LARGER;

  return order == GTK_ORDERING_EQUAL ? NULL : self->probed;
}

void
_kz_list_page_show_error (KzListPage   *self,
                          const GError *error)
{
  g_message ("Could not load %s: %s", kz_kind_get_info (self->kind)->table, error->message);
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->stack, "error");
  gtk_spinner_stop (self->spinner);
}

/* The selected record stays selected while it is among the rows. */
static void
restore_selection (KzListPage *self)
{
  guint position;

  if (self->selected_rowid != 0 &&
      (position = kz_record_list_find_rowid (self->records, self->selected_rowid)) != G_MAXUINT)
    gtk_single_selection_set_selected (self->selection, position);
}

/* When all rows are replaced in one change, GTK 4.8's selection and
 * list views look for the items they held among all new rows, which
 * would read every record from the store.  For another search, filter
 * or sort the view lets go of the rows while they change (and starts
 * at the top, as for other rows it should); the selected record is
 * selected again after.  A reload of the same query keeps the view's
 * place: the list changes only the rows between those it keeps. */
static void
detach_rows (KzListPage *self)
{
  guint selected = gtk_single_selection_get_selected (self->selection);

  if (!self->other_rows)
    return;
  if (selected != GTK_INVALID_LIST_POSITION)
    self->selected_rowid = kz_record_list_get_rowid (self->records, selected);
  gtk_single_selection_set_model (self->selection, NULL);
}

static void
attach_rows (KzListPage *self)
{
  if (gtk_single_selection_get_model (self->selection) != NULL)
    return;
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->records));
  restore_selection (self);
}

/* Shows the rows of the latest query: the list, "no results" or the
 * empty state. */
static void
show_rows (KzListPage *self)
{
  guint total = kz_record_list_get_total (self->records);
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->records));

  if (self->stack == NULL)
    return;

  restore_selection (self);
  self->loaded = TRUE;
  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, total == 0 ? "empty" : shown > 0 ? "list" : "no-results");
  g_debug ("Showing %u of %u %s after %" G_GINT64_FORMAT " ms", shown, total,
           kz_kind_get_info (self->kind)->table,
           (g_get_monotonic_time () - self->load_started) / 1000);
  _kz_list_page_update_subtitle (self);
}

/* Computed columns sort by a number from the record and the lookups. */
typedef struct
{
  const KzColumn *column;
  KzLookups      *lookups;
} ColumnKey;

static void
column_key_free (gpointer data)
{
  ColumnKey *key = data;

  g_clear_pointer (&key->lookups, kz_lookups_free);
  g_free (key);
}

static gint64
column_key_cb (KzRecord *record,
               gpointer  user_data)
{
  ColumnKey *key = user_data;

  return key->column->value (record, key->lookups);
}

static KzColumnData *
find_column (KzListPage *self,
             const char *key)
{
  for (guint i = 0; key != NULL && i < self->spec->n_columns; i++)
    {
      const KzColumn *column = &self->spec->columns[i];

      if (g_strcmp0 (column->field ? column->field : column->title, key) == 0)
        return &self->columns[i];
    }

  return NULL;
}

/* The sort of the column view's header, as the query's sort: fields
 * in SQL, computed columns by their value in the query's worker. */
void
_kz_list_page_apply_sort (KzListPage *self)
{
  gboolean descending = FALSE;
  KzColumnData *data = get_sort_column (self, &descending);

  if (data == NULL)
    {
      data = find_column (self, self->spec->sort_field);
      descending = self->spec->sort_descending;
    }

  if (data != NULL && data->column->value != NULL && self->lookups != NULL)
    {
      ColumnKey *column_key = g_new0 (ColumnKey, 1);

      column_key->column = data->column;
      column_key->lookups = kz_lookups_ref (self->lookups);
      kz_record_list_set_sort_func (self->records, column_key_cb, column_key, column_key_free,
                                    descending);
    }
  else
    kz_record_list_set_sort (self->records, data && data->field ? data->field->name : NULL,
                             data && data->field ? descending : FALSE);
}

static void
refresh_ready_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(KzListPage) self = user_data;
  g_autoptr(GError) error = NULL;

  self->n_running--;
  g_debug ("Rows of %s queried after %" G_GINT64_FORMAT " ms", kz_kind_get_info (self->kind)->table,
           (g_get_monotonic_time () - self->load_started) / 1000);
  detach_rows (self);
  if (!kz_record_list_refresh_finish (KZ_RECORD_LIST (object), result, &error))
    {
      attach_rows (self);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _kz_list_page_show_error (self, error);
      return;
    }
  attach_rows (self);

  show_rows (self);
}

/* Runs the query of the current search, filters and sort: at once for
 * short lists, else in a worker while the old rows stay. */
void
_kz_list_page_refresh (KzListPage *self,
                       gboolean    other_rows)
{
  KzListFilter *filter = kz_list_filter_bar_get_filter (self->filter_bar);
  g_autofree char *condition = kz_list_filter_build_condition (filter);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->records == NULL || self->lookups == NULL)
    return;
  self->other_rows = other_rows;

  self->selected_rowid = kz_record_list_get_rowid (self->records,
                                                   gtk_single_selection_get_selected (self->selection));
  kz_record_list_set_condition (self->records, condition);
  kz_record_list_set_search (self->records, kz_list_filter_get_search (filter));

  if (self->loaded && kz_record_list_get_total (self->records) <= SYNC_ROWS)
    {
      g_cancellable_cancel (self->refresh_cancellable);
      detach_rows (self);
      ok = kz_record_list_refresh (self->records, &error);
      attach_rows (self);
      if (!ok)
        _kz_list_page_show_error (self, error);
      else
        show_rows (self);
      return;
    }

  g_cancellable_cancel (self->refresh_cancellable);
  g_clear_object (&self->refresh_cancellable);
  self->refresh_cancellable = g_cancellable_new ();
  self->n_running++;
  kz_record_list_refresh_async (self->records, self->refresh_cancellable,
                                refresh_ready_cb, g_object_ref (self));
}

void
_kz_list_page_sorter_changed_cb (KzListPage *self)
{
  if (self->records == NULL)
    return;

  _kz_list_page_apply_sort (self);
  _kz_list_page_refresh (self, TRUE);
}

void
_kz_list_page_filter_changed_cb (KzListPage *self)
{
  _kz_list_page_update_subtitle (self);
  _kz_list_page_refresh (self, TRUE);
}
