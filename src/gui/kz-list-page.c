/* kz-list-page.c
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

#include <glib/gi18n.h>

#include "kz-format.h"
#include "kz-list-filter-bar.h"
#include "kz-list-actions.h"
#include "kz-list-page.h"
#include "kz-list-page-private.h"
#include "kz-list-state.h"
#include "kz-record-list.h"
#include "kz-thread-task.h"

/* Below this width rows show their other values under the title. */
#define COMPACT_WIDTH 600

/* Lists up to this many records run their query at once, in a few
 * milliseconds; longer ones in a worker thread, so that typing in the
 * search or choosing a filter never blocks the window. */
#define SYNC_ROWS 5000

struct _KzListPage
{
  AdwBin            parent_instance;

  KzContext        *context;
  KzKind            kind;
  const KzListSpec *spec;
  KzColumnData       *columns;
  KzLookups        *lookups;
  GCancellable     *cancellable;
  char             *subtitle;
  gboolean          loaded;
  gboolean          dirty;
  guint             fit_source;
  gint64            load_started;

  /* template */
  GtkStack         *stack;
  GtkSpinner       *spinner;
  AdwStatusPage    *empty_page;
  AdwStatusPage    *error_page;
  GtkScrolledWindow *scrolled_window;
  GtkColumnView    *column_view;
  GtkSingleSelection *selection;
  KzRecordList     *records;        /* the rows: one SQL query, read lazily */
  GCancellable     *refresh_cancellable;
  GStrv             search_refs;    /* REF columns a search looks into */
  KzColumnData     *probed;         /* the first column sorter asked */
  guint             n_running;      /* queries and loads under way */
  gboolean          other_rows;     /* the latest query changed search, filter or sort */
  gint64            selected_rowid; /* kept across queries, or 0 */
  GtkBox           *page_box;
  KzListFilterBar  *filter_bar;
  GPtrArray        *detail_labels;  /* second lines of compact rows, weak */
  gboolean          compact;
};

G_DEFINE_FINAL_TYPE (KzListPage, kz_list_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_KIND,
  PROP_SUBTITLE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

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

/* Cells */

/* Narrow lists show only the title column, with the two first other
 * values that are set on a second line: "Running · Region Hannover". */
static char *
dup_compact_detail (KzListPage *self,
                    KzColumnData *title,
                    KzRecord   *record)
{
  GString *detail = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; i < self->spec->n_columns && n < 2; i++)
    {
      KzColumnData *data = &self->columns[i];
      g_autofree char *text = NULL;

      if (data == title || _kz_list_column_is_numeric (data) ||
          !(text = _kz_list_column_dup_text (data, record)) || *text == '\0')
        continue;
      if (n++ > 0)
        g_string_append (detail, " · ");
      g_string_append (detail, text);
    }

  return g_string_free (detail, FALSE);
}

static void
detail_label_gone_cb (gpointer  data,
                      GObject  *label)
{
  g_ptr_array_remove_fast (data, label);
}

static GtkWidget *
create_compact_cell (KzListPage *self,
                     GtkWidget  *label)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (detail), TRUE);
  gtk_label_set_xalign (GTK_LABEL (detail), 0.0);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "list-compact-detail");
  gtk_widget_set_visible (detail, self->compact);
  g_ptr_array_add (self->detail_labels, detail);
  g_object_weak_ref (G_OBJECT (detail), detail_label_gone_cb, self->detail_labels);

  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), detail);
  return box;
}

static void
set_compact (KzListPage *self,
             gboolean    compact)
{
  if (self->compact == compact)
    return;

  self->compact = compact;
  for (guint i = 0; i < self->detail_labels->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (self->detail_labels, i), compact);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               KzColumnData               *data)
{
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *box;
  GtkWidget *dot;

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), _kz_list_column_is_numeric (data) ? 1.0 : 0.0);
  if (_kz_list_column_is_numeric (data))
    gtk_widget_add_css_class (label, "numeric");

  if (data->column->flags & KZ_COLUMN_EXPAND)
    {
      gtk_list_item_set_child (item, create_compact_cell (data->page, label));
      return;
    }

  if (!(data->column->flags & KZ_COLUMN_HEALTH))
    {
      gtk_list_item_set_child (item, label);
      return;
    }

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  dot = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (dot, "health-dot");
  gtk_box_append (GTK_BOX (box), dot);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (item, box);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              KzColumnData               *data)
{
  KzRecord *record = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  g_autofree char *text = _kz_list_column_dup_text (data, record);

  if (data->column->flags & KZ_COLUMN_HEALTH)
    {
      const char *health = kz_record_get_string (record, data->field->name);
      const char *classes[] = { "health-dot", health, NULL };

      gtk_widget_set_css_classes (gtk_widget_get_first_child (child), classes);
      gtk_widget_set_visible (gtk_widget_get_first_child (child), health != NULL);
      child = gtk_widget_get_last_child (child);
    }
  else if (data->column->flags & KZ_COLUMN_EXPAND)
    {
      g_autofree char *detail = dup_compact_detail (data->page, data, record);

      gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (child)), detail);
      child = gtk_widget_get_first_child (child);
    }

  gtk_label_set_text (GTK_LABEL (child), text ? text : "");
}

static const char *
column_title (const KzColumnData *data)
{
  if (data->column->title != NULL)
    return _(data->column->title);

  return _(data->field->label);
}

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

static GtkColumnViewColumn *
add_column (KzListPage *self,
            KzColumnData *data)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;
  g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (probe_compare_cb, data, NULL));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), data);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), data);

  column = gtk_column_view_column_new (column_title (data), factory);
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_fixed_width (column, data->column->width);
  gtk_column_view_column_set_expand (column, (data->column->flags & KZ_COLUMN_EXPAND) != 0);
  g_object_set_data (G_OBJECT (column), "kz-column-data", data);
  g_object_set_data (G_OBJECT (column), "kz-column-key",
                     (gpointer)(data->column->field ? data->column->field : data->column->title));
  g_object_set_data (G_OBJECT (column), "kz-column-index",
                     GUINT_TO_POINTER (data->column - self->spec->columns));
  gtk_column_view_append_column (self->column_view, column);

  return column;
}

static void
build_columns (KzListPage *self)
{
  GtkColumnViewColumn *column;

  self->columns = g_new0 (KzColumnData, self->spec->n_columns);

  for (guint i = 0; i < self->spec->n_columns; i++)
    {
      KzColumnData *data = &self->columns[i];

      data->page = self;
      data->column = &self->spec->columns[i];
      data->width = data->column->width;
      if (data->column->field != NULL)
        data->field = kz_kind_get_field (self->kind, data->column->field);

      g_assert (data->field != NULL || data->column->text != NULL);
      column = add_column (self, data);

      if (self->spec->sort_field != NULL && data->field != NULL &&
          g_str_equal (self->spec->sort_field, data->field->name))
        gtk_column_view_sort_by_column (self->column_view, column,
                                        self->spec->sort_descending ? GTK_SORT_DESCENDING
                                                                    : GTK_SORT_ASCENDING);
    }
}

static KzColumnData *
column_get_data (GtkColumnViewColumn *column)
{
  return g_object_get_data (G_OBJECT (column), "kz-column-data");
}

static int
column_get_width (GtkColumnViewColumn *column)
{
  KzColumnData *data = column_get_data (column);

  if (gtk_column_view_column_get_visible (column))
    data->width = gtk_column_view_column_get_fixed_width (column);

  return data->width;
}

static void
column_set_shown (GtkColumnViewColumn *column,
                  gboolean             shown)
{
  KzColumnData *data = column_get_data (column);

  /* GTK 4.8 counts hidden columns in the width of the view: hidden
   * ones get no width at all. */
  gtk_column_view_column_set_fixed_width (column, shown ? data->width : 0);
  gtk_column_view_column_set_visible (column, shown);
}

/* Shows the columns that fit, in their current order, always keeping
 * the expanding one: no column is cut off at the window's edge. */
static gboolean
fit_columns_cb (gpointer user_data)
{
  KzListPage *self = user_data;
  GListModel *columns = gtk_column_view_get_columns (self->column_view);
  guint n = g_list_model_get_n_items (columns);
  int available = gtk_widget_get_width (GTK_WIDGET (self->scrolled_window));
  int used = 0;
  gboolean fits = TRUE;

  self->fit_source = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (column_get_data (column)->column->flags & KZ_COLUMN_EXPAND)
        used += column_get_width (column);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      int width;

      if (column_get_data (column)->column->flags & KZ_COLUMN_EXPAND)
        continue;

      width = column_get_width (column);
      fits = fits && used + width <= available;
      column_set_shown (column, fits);
      if (fits)
        used += width;
    }

  set_compact (self, available > 0 && available < COMPACT_WIDTH);

  return G_SOURCE_REMOVE;
}

static void
width_changed_cb (KzListPage *self)
{
  if (self->fit_source == 0)
    self->fit_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, fit_columns_cb, self, NULL);
}

/* Loading */

static void
set_subtitle (KzListPage *self,
              char       *subtitle)
{
  if (g_strcmp0 (subtitle, self->subtitle) == 0)
    {
      g_free (subtitle);
      return;
    }

  g_free (self->subtitle);
  self->subtitle = subtitle;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SUBTITLE]);
}

/* "1,234 projects", or "12 of 1,234 projects" while filtered. */
static void
update_subtitle (KzListPage *self)
{
  guint total = self->records ? kz_record_list_get_total (self->records) : 0;
  guint shown = self->records ? g_list_model_get_n_items (G_LIST_MODEL (self->records)) : 0;
  g_autofree char *count = NULL;
  g_autofree char *number = NULL;

  /* Models may still report changes while the page is disposed. */
  if (self->stack == NULL)
    return;

  if (total == 0)
    {
      set_subtitle (self, NULL);
      return;
    }

  count = kz_kind_format_count (self->kind, total);
  if (shown == total && !kz_list_filter_is_active (kz_list_filter_bar_get_filter (self->filter_bar)))
    {
      set_subtitle (self, g_steal_pointer (&count));
      return;
    }

  number = kz_format_int (shown);
  /* Translators: "12 of 1,234 projects": the rows a filter shows */
  set_subtitle (self, g_strdup_printf (_("%s of %s"), number, count));
}

static void
show_error (KzListPage   *self,
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
 * place and pays for the look-up. */
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
  update_subtitle (self);
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
static void
apply_sort (KzListPage *self)
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
  detach_rows (self);
  if (!kz_record_list_refresh_finish (KZ_RECORD_LIST (object), result, &error))
    {
      attach_rows (self);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error);
      return;
    }
  attach_rows (self);

  show_rows (self);
}

/* Runs the query of the current search, filters and sort: at once for
 * short lists, else in a worker while the old rows stay. */
static void
refresh (KzListPage *self,
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
        show_error (self, error);
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

static void
sorter_changed_cb (KzListPage *self)
{
  if (self->records == NULL)
    return;

  apply_sort (self);
  refresh (self, TRUE);
}

static void
filter_changed_cb (KzListPage *self)
{
  update_subtitle (self);
  refresh (self, TRUE);
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
  apply_sort (self);
  refresh (self, FALSE);
}

/* Titles (and their sort ranks) behind every REF column. */
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
      lookups->title_ranks[field->ref_kind] = kz_titles_rank (lookups->titles[field->ref_kind]);
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

  if (lookups == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error);
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
  g_signal_connect_object (self->records, "items-changed", G_CALLBACK (update_subtitle),
                           self, G_CONNECT_SWAPPED);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->records));
  kz_list_filter_set_store (kz_list_filter_bar_get_filter (self->filter_bar), store);
  self->loaded = FALSE;
}

static void
load (KzListPage *self)
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
  g_task_set_source_tag (task, load);
  g_task_set_task_data (task, data, load_data_free);
  self->n_running++;
  kz_thread_task_run (task, lookups_worker);
}

static void
context_changed_cb (KzListPage *self,
                    guint       kind,
                    KzContext  *context)
{
  kz_list_page_reload (self);
}

/* The REF columns: a search finds a project by the name of its lead
 * organisation, as it is shown in the row. */
static GStrv
collect_search_refs (KzListPage *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < self->spec->n_columns; i++)
    if (self->columns[i].field != NULL && self->columns[i].field->type == KZ_FIELD_REF)
      g_strv_builder_add (builder, self->columns[i].field->name);

  return g_strv_builder_end (builder);
}

/* GObject */

static void
kz_list_page_map (GtkWidget *widget)
{
  KzListPage *self = (KzListPage *)widget;

  GTK_WIDGET_CLASS (kz_list_page_parent_class)->map (widget);

  if (self->context != NULL && (self->dirty || !self->loaded))
    load (self);
}

static void
kz_list_page_constructed (GObject *object)
{
  KzListPage *self = (KzListPage *)object;
  const KzKindInfo *info = kz_kind_get_info (self->kind);

  G_OBJECT_CLASS (kz_list_page_parent_class)->constructed (object);

  self->spec = kz_list_spec_get (self->kind);
  g_assert (self->spec != NULL);

  build_columns (self);
  self->search_refs = collect_search_refs (self);
  self->filter_bar = KZ_LIST_FILTER_BAR (kz_list_filter_bar_new (self->kind, info->table));
  gtk_box_prepend (self->page_box, GTK_WIDGET (self->filter_bar));
  g_signal_connect_object (kz_list_filter_bar_get_filter (self->filter_bar), "state-changed",
                           G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (sorter_changed_cb), self, G_CONNECT_SWAPPED);
  if (self->context != NULL)
    kz_list_filter_bar_set_settings (self->filter_bar, kz_context_get_settings (self->context));
  if (self->context != NULL)
    kz_list_state_attach (self->column_view, kz_context_get_settings (self->context), info->table);
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->scrolled_window),
                           "notify::page-size", G_CALLBACK (width_changed_cb),
                           self, G_CONNECT_SWAPPED);
  adw_status_page_set_icon_name (self->empty_page, self->spec->icon_name);
  adw_status_page_set_title (self->empty_page, _(self->spec->empty_title));
  adw_status_page_set_description (self->empty_page, _(self->spec->empty_description));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(info->plural_label),
                                  -1);
  kz_list_actions_attach (self->column_view);
}

static void
kz_list_page_dispose (GObject *object)
{
  KzListPage *self = (KzListPage *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->refresh_cancellable);
  g_clear_object (&self->refresh_cancellable);
  g_clear_handle_id (&self->fit_source, g_source_remove);
  /* Removing the columns changes the sorter: nothing to query then. */
  g_clear_object (&self->records);

  /* AdwBin unparents its child itself. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KZ_TYPE_LIST_PAGE);

  g_clear_object (&self->context);

  G_OBJECT_CLASS (kz_list_page_parent_class)->dispose (object);
}

static void
kz_list_page_finalize (GObject *object)
{
  KzListPage *self = (KzListPage *)object;

  g_clear_pointer (&self->lookups, kz_lookups_free);
  g_clear_pointer (&self->columns, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->search_refs, g_strfreev);
  g_clear_pointer (&self->detail_labels, g_ptr_array_unref);

  G_OBJECT_CLASS (kz_list_page_parent_class)->finalize (object);
}

static void
kz_list_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  KzListPage *self = KZ_LIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_KIND:
      g_value_set_uint (value, self->kind);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kz_list_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  KzListPage *self = KZ_LIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      kz_list_page_set_context (self, g_value_get_object (value));
      break;
    case PROP_KIND:
      self->kind = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kz_list_page_class_init (KzListPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kz_list_page_constructed;
  object_class->dispose = kz_list_page_dispose;
  object_class->finalize = kz_list_page_finalize;
  object_class->get_property = kz_list_page_get_property;
  object_class->set_property = kz_list_page_set_property;

  widget_class->map = kz_list_page_map;

  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         KZ_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_KIND] =
    g_param_spec_uint ("kind", NULL, NULL,
                       0, KZ_N_KINDS - 1, KZ_KIND_PROJECT,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Kompetenz/ui/kz-list-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KzListPage, stack);
  gtk_widget_class_bind_template_child (widget_class, KzListPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, KzListPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, KzListPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, KzListPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, KzListPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, KzListPage, selection);
  gtk_widget_class_bind_template_child (widget_class, KzListPage, page_box);
}

static void
kz_list_page_init (KzListPage *self)
{
  self->detail_labels = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
kz_list_page_new (KzContext *context,
                  KzKind     kind)
{
  g_return_val_if_fail (!context || KZ_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (kz_list_spec_get (kind) != NULL, NULL);

  return g_object_new (KZ_TYPE_LIST_PAGE,
                       "kind", kind,
                       "context", context,
                       NULL);
}

KzContext *
kz_list_page_get_context (KzListPage *self)
{
  g_return_val_if_fail (KZ_IS_LIST_PAGE (self), NULL);

  return self->context;
}

void
kz_list_page_set_context (KzListPage *self,
                          KzContext  *context)
{
  g_return_if_fail (KZ_IS_LIST_PAGE (self));
  g_return_if_fail (!context || KZ_IS_CONTEXT (context));

  if (self->context == context)
    return;

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_func (self->context, context_changed_cb, self);
  g_set_object (&self->context, context);
  if (context != NULL)
    g_signal_connect_object (context, "changed", G_CALLBACK (context_changed_cb),
                             self, G_CONNECT_SWAPPED);

  if (self->filter_bar != NULL)
    kz_list_filter_bar_set_settings (self->filter_bar, context ? kz_context_get_settings (context) : NULL);
  if (self->filter_bar != NULL && context != NULL &&
      !g_object_get_data (G_OBJECT (self->column_view), "kz-list-state"))
    kz_list_state_attach (self->column_view, kz_context_get_settings (context),
                          kz_kind_get_info (self->kind)->table);

  self->loaded = FALSE;
  kz_list_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONTEXT]);
}

KzKind
kz_list_page_get_kind (KzListPage *self)
{
  g_return_val_if_fail (KZ_IS_LIST_PAGE (self), KZ_KIND_PROJECT);

  return self->kind;
}

const KzListSpec *
kz_list_page_get_spec (KzListPage *self)
{
  g_return_val_if_fail (KZ_IS_LIST_PAGE (self), NULL);

  return self->spec;
}

const char *
kz_list_page_get_subtitle (KzListPage *self)
{
  g_return_val_if_fail (KZ_IS_LIST_PAGE (self), NULL);

  return self->subtitle;
}

GListModel *
kz_list_page_get_model (KzListPage *self)
{
  g_return_val_if_fail (KZ_IS_LIST_PAGE (self), NULL);

  return G_LIST_MODEL (self->selection);
}

void
kz_list_page_reload (KzListPage *self)
{
  g_return_if_fail (KZ_IS_LIST_PAGE (self));

  if (self->context == NULL)
    return;

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    load (self);
  else
    self->dirty = TRUE;
}

const KzLookups *
_kz_list_page_get_lookups (KzListPage *self)
{
  g_assert (KZ_IS_LIST_PAGE (self));

  return self->lookups;
}

/* Shows the search bar of the list and focuses it (Ctrl+F). */
void
kz_list_page_start_search (KzListPage *self)
{
  g_return_if_fail (KZ_IS_LIST_PAGE (self));

  kz_list_filter_bar_start_search (self->filter_bar);
}

void
kz_list_page_apply_view (KzListPage         *self,
                         const char         *search,
                         const char * const *items)
{
  g_return_if_fail (KZ_IS_LIST_PAGE (self));

  kz_list_filter_bar_apply (self->filter_bar, search, items);
}

KzListFilterBar *
kz_list_page_get_filter_bar (KzListPage *self)
{
  g_return_val_if_fail (KZ_IS_LIST_PAGE (self), NULL);

  return self->filter_bar;
}

gboolean
kz_list_page_is_busy (KzListPage *self)
{
  g_return_val_if_fail (KZ_IS_LIST_PAGE (self), FALSE);

  return self->n_running > 0;
}
