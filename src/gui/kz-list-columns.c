/* kz-list-columns.c
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
#include "kz-list-columns.h"
#include "kz-list-query.h"

/* Below this width rows show their other values under the title. */
#define COMPACT_WIDTH 600

/* Cell text */

gboolean
_kz_list_column_is_numeric (const KzColumnData *data)
{
  if (data->column->flags & KZ_COLUMN_NUMERIC)
    return TRUE;
  if (data->field == NULL)
    return FALSE;

  return data->field->type == KZ_FIELD_INT ||
         data->field->type == KZ_FIELD_NUMBER ||
         data->field->type == KZ_FIELD_MONEY;
}

char *
_kz_list_column_dup_text (const KzColumnData *data,
                 KzRecord         *record)
{
  const KzLookups *lookups = _kz_list_page_get_lookups (data->page);

  g_assert (lookups != NULL);

  if (data->column->text != NULL)
    return data->column->text (record, lookups);

  if (data->field->type == KZ_FIELD_REF)
    return g_strdup (kz_lookups_get_title (lookups, data->field->ref_kind,
                                           kz_record_get_string (record, data->field->name)));

  return kz_format_field (record, data->field->name);
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

/* Columns */

static GtkColumnViewColumn *
add_column (KzListPage *self,
            KzColumnData *data)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;
  g_autoptr(GtkSorter) sorter = _kz_list_page_create_probe_sorter (data);

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

void
_kz_list_page_build_columns (KzListPage *self)
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

void
_kz_list_page_queue_fit (KzListPage *self)
{
  if (self->fit_source == 0)
    self->fit_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, fit_columns_cb, self, NULL);
}
