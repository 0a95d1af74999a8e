/* kz-maturity-trend.c
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

#define G_LOG_DOMAIN "kz-maturity-trend"

#include "config.h"

#include <glib/gi18n.h>

#include "kz-format.h"
#include "kz-maturity.h"
#include "kz-maturity-trend.h"

/* Columns of the table: the latest checks. */
#define MAX_COLUMNS 3

static void
draw_sparkline (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        user_data)
{
  GArray *means = user_data;
  GdkRGBA color;
  double step;

  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &color);
  gdk_cairo_set_source_rgba (cr, &color);
  cairo_set_line_width (cr, 2);

  step = means->len > 1 ? (width - 6.0) / (means->len - 1) : 0;
  for (guint i = 0; i < means->len; i++)
    {
      double level = g_array_index (means, double, i);
      double x = 3 + step * i;
      double y = height - 3 - (height - 6.0) * (level - 1) / (KZ_MATURITY_N_LEVELS - 1);

      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  cairo_stroke (cr);

  for (guint i = 0; i < means->len; i++)
    {
      double level = g_array_index (means, double, i);

      cairo_arc (cr, 3 + step * i, height - 3 - (height - 6.0) * (level - 1) / (KZ_MATURITY_N_LEVELS - 1),
                 2.5, 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

static GtkWidget *
create_sparkline (GPtrArray *checks)
{
  GtkWidget *area = gtk_drawing_area_new ();
  GArray *means = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GString) description = g_string_new (NULL);

  for (guint i = 0; i < checks->len; i++)
    {
      double mean = kz_maturity_get_mean (g_ptr_array_index (checks, i));
      g_autofree char *text = NULL;

      if (mean <= 0)
        continue;
      g_array_append_val (means, mean);
      text = kz_format_number (mean);
      g_string_append_printf (description, "%s%s", description->len ? ", " : "", text);
    }

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), 120);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 32);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_sparkline,
                                  means, (GDestroyNotify)g_array_unref);
  gtk_widget_set_halign (area, GTK_ALIGN_START);
  gtk_widget_add_css_class (area, "accent");
  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Mean maturity level over time"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str, -1);
  gtk_widget_set_tooltip_text (area, description->str);
  return area;
}

static GtkWidget *
cell (const char *text,
      gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), heading ? 0 : 0.5);
  gtk_label_set_wrap (GTK_LABEL (label), heading);
  if (heading)
    gtk_widget_set_hexpand (label, TRUE);
  else
    gtk_widget_add_css_class (label, "numeric");
  return label;
}

static GtkWidget *
create_table (GPtrArray *checks)
{
  GtkWidget *grid = gtk_grid_new ();
  guint first = checks->len > MAX_COLUMNS ? checks->len - MAX_COLUMNS : 0;

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);

  for (guint c = first; c < checks->len; c++)
    {
      g_autofree char *date = kz_format_date (kz_record_get_string (g_ptr_array_index (checks, c), "date"));
      GtkWidget *label = cell (date, FALSE);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_grid_attach (GTK_GRID (grid), label, 1 + c - first, 0, 1, 1);
    }

  for (guint d = 0; d < KZ_MATURITY_N_DIMENSIONS; d++)
    {
      gtk_grid_attach (GTK_GRID (grid), cell (kz_maturity_dimension_get_label (d), TRUE), 0, d + 1, 1, 1);
      for (guint c = first; c < checks->len; c++)
        {
          KzRecord *check = g_ptr_array_index (checks, c);
          gint64 level = kz_record_get_int (check, kz_maturity_dimension_get_field (d));
          g_autofree char *text = level > 0 ? g_strdup_printf ("%d", (int)level) : g_strdup ("–");
          GtkWidget *label = cell (text, FALSE);

          if (level > 0)
            gtk_widget_set_tooltip_text (label, kz_maturity_level_get_label (level));
          gtk_grid_attach (GTK_GRID (grid), label, 1 + c - first, d + 1, 1, 1);
        }
    }
  return grid;
}

GtkWidget *
kz_maturity_trend_new (GPtrArray *checks)
{
  GtkWidget *box;

  g_return_val_if_fail (checks != NULL, NULL);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  if (checks->len > 1)
    gtk_box_append (GTK_BOX (box), create_sparkline (checks));
  gtk_box_append (GTK_BOX (box), create_table (checks));
  return box;
}
