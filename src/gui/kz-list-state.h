/* kz-list-state.h
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

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Remembers the sort column, its direction and the column widths of a
 * list in the "list-state" key (a{s(sbai)}: page -> sort column key,
 * descending, widths in the order of the list's spec, -1 unknown) and
 * restores them.  Columns carry their key as "kz-column-key" and their
 * spec index as "kz-column-index" object data. */
void      kz_list_state_attach       (GtkColumnView *column_view,
                                      GSettings     *settings,
                                      const char    *page);

/* The key of the column the view is sorted by, from its header. */
gboolean  kz_list_state_get_sort_column (GtkColumnView *column_view,
                                      const char   **key,
                                      gboolean      *descending);

/* Pure helpers, for tests. */
GVariant *kz_list_state_build        (const char    *sort_key,
                                      gboolean       descending,
                                      const int     *widths,
                                      guint          n_widths);
gboolean  kz_list_state_parse        (GVariant      *state,
                                      char         **sort_key,
                                      gboolean      *descending,
                                      GArray       **widths);

G_END_DECLS
