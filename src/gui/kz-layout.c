/* kz-layout.c
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

#define G_LOG_DOMAIN "kz-layout"

#include "config.h"

#include "kz-layout.h"

static GQuark natural_width_quark;

static void
measure (GtkWidget      *widget,
         GtkOrientation  orientation,
         int             for_size,
         int            *minimum,
         int            *natural,
         int            *minimum_baseline,
         int            *natural_baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  *minimum = *natural = 0;
  if (child == NULL || !gtk_widget_should_layout (child))
    return;

  gtk_widget_measure (child, orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = MAX (*minimum, GPOINTER_TO_INT (g_object_get_qdata (G_OBJECT (widget),
                                                                    natural_width_quark)));
}

static void
allocate (GtkWidget *widget,
          int        width,
          int        height,
          int        baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_allocate (child, width, height, baseline, NULL);
}

void
kz_layout_set_natural_width (GtkWidget *widget,
                             int        width)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (width >= 0);

  if (natural_width_quark == 0)
    natural_width_quark = g_quark_from_static_string ("kz-natural-width");

  g_object_set_qdata (G_OBJECT (widget), natural_width_quark, GINT_TO_POINTER (width));
  gtk_widget_set_layout_manager (widget, gtk_custom_layout_new (NULL, measure, allocate));
}
